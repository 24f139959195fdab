import re

import pytest

from runstrong.core.rules import RegistryError, parse_registry


def methodology_ids(shared) -> set[str]:
    text = (shared / "methodology" / "rules.md").read_text(encoding="utf-8")
    return set(re.findall(r"^\| (S\d\d) \|", text, flags=re.M))


def test_registry_sources_cover_every_methodology_rule(registry, shared):
    expected = methodology_ids(shared)
    assert len(expected) == 41
    assert expected <= registry.methodology_coverage()


def test_every_rule_has_a_source(registry):
    for rule in registry.rules:
        assert rule.methodology or rule.papers, rule.id


def test_rule_ids_are_unique_slugs(registry):
    ids = [r.id for r in registry.rules]
    assert len(ids) == len(set(ids))


def test_asking_for_a_missing_number_names_the_rule(registry):
    with pytest.raises(RegistryError, match="taper"):
        registry.param("taper", "no_such_number")


def test_a_malformed_rule_names_the_rule_and_field():
    bad = {"rule": [{"id": "ok-rule", "kind": "sometimes", "statement": "x" * 30, "evidence": "WEAK"}]}
    with pytest.raises(RegistryError, match=r"ok-rule: kind"):
        parse_registry(bad)


def test_planner_numbers_all_come_from_the_registry(registry):
    from runstrong.core.params import params_from_registry

    params = params_from_registry(registry)
    assert params.max_session_minutes == registry.param("session-time-cap", "max_minutes")
    assert params.taper_weeks == registry.param("taper", "weeks")
