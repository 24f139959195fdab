from runstrong.io.science_markdown import render_science_markdown
from tests.conftest import ROOT


def test_science_md_is_generated_from_the_registry(registry):
    path = ROOT / "docs" / "science.md"
    expected = render_science_markdown(registry)
    assert path.read_text(encoding="utf-8") == expected, (
        "docs/science.md is stale: run `runstrong rules --format markdown > docs/science.md`"
    )


def test_science_md_lists_every_rule_and_caveat(registry):
    text = render_science_markdown(registry)
    for rule in registry.rules:
        assert f"`{rule.id}`" in text
        if rule.caveat:
            assert rule.caveat in text
    assert "**missing**" not in text
