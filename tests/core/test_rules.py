import os
import re
import tomllib
from importlib import resources

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
    with pytest.raises(RegistryError, match=r"rules.toml: ok-rule.kind: "):
        parse_registry(bad)


def _shipped() -> dict:
    return tomllib.loads(resources.files("runstrong.data").joinpath("rules.toml").read_text("utf-8"))


def _rule(data: dict, rule_id: str) -> dict:
    return next(r for r in data["rule"] if r["id"] == rule_id)


def test_a_wrongly_typed_parameter_is_refused_with_its_path():
    data = _shipped()
    _rule(data, "planned-deloads")["params"]["volume_cut_pct"] = "40"
    with pytest.raises(RegistryError) as err:
        parse_registry(data)
    assert err.value.errors == ["rules.toml: planned-deloads.volume_cut_pct: expected a number"]


def test_every_error_in_the_rulebook_is_reported_at_once():
    data = _shipped()
    _rule(data, "planned-deloads")["params"]["volume_cut_pct"] = "40"
    _rule(data, "dose-strength")["params"]["reps"] = [6]
    _rule(data, "taper")["params"]["weeks"] = 1.5
    _rule(data, "session-time-cap")["params"]["max_minutes_typo"] = 60
    _rule(data, "plyometric-spacing")["statement"] = "Plyometric sessions stay {min_hourz} hours apart, always."
    with pytest.raises(RegistryError) as err:
        parse_registry(data)
    found = "\n".join(err.value.errors)
    assert len(err.value.errors) == 5, found
    for path in (
        "planned-deloads.volume_cut_pct: expected a number",
        "dose-strength.reps",
        "taper.weeks: expected a whole number",
        "session-time-cap.max_minutes_typo: not a parameter of this rule",
        "plyometric-spacing.statement: {min_hourz} names no parameter",
    ):
        assert path in found


def test_a_new_rule_without_a_model_still_has_typed_params():
    data = _shipped()
    data["rule"].append(
        {
            "id": "new-rule",
            "kind": "soft",
            "statement": "A rule another engineer adds later.",
            "evidence": "WEAK",
            "params": {"weeks": 3, "cue": "steady", "split": [1, 2]},
        }
    )
    assert parse_registry(data).param("new-rule", "weeks") == 3
    _rule(data, "new-rule")["params"]["weeks"] = {"nested": {"too": "deep"}}
    with pytest.raises(RegistryError, match=r"new-rule\.weeks"):
        parse_registry(data)


def test_statements_take_their_numbers_from_the_params(registry):
    """No rule writes one of its own numbers into its prose: it names the param instead."""
    raw = {r["id"]: r for r in _shipped()["rule"]}
    for rule in registry.rules:
        numbers = {str(v) for v in _scalars(raw[rule.id].get("params", {})) if isinstance(v, int | float)}
        prose = re.sub(r"\{[^}]*\}", "", raw[rule.id]["statement"])
        written = set(re.findall(r"(?<![\w.])\d+(?:\.\d+)?(?![\w])", prose))
        assert not numbers & written, f"{rule.id}: write {sorted(numbers & written)} as placeholders"


def _scalars(value):  # type: ignore[no-untyped-def]
    if isinstance(value, dict):
        for v in value.values():
            yield from _scalars(v)
    elif isinstance(value, list):
        for v in value:
            yield from _scalars(v)
    else:
        yield value


def test_a_statement_shows_the_number_its_param_holds():
    data = _shipped()
    _rule(data, "planned-deloads")["params"]["volume_cut_pct"] = 35
    assert "volume cut about 35%" in parse_registry(data).get("planned-deloads").statement


def test_every_data_file_has_a_string_version_at_the_top():
    for name in ("exercises.toml", "rules.toml", "screen.toml", "run_keywords.toml", "activity_types.toml"):
        data = tomllib.loads(resources.files("runstrong.data").joinpath(name).read_text("utf-8"))
        assert isinstance(data.get("version"), str) and data["version"], name


def test_params_compare_by_content_so_caches_keyed_on_them_hit():
    first, second = parse_registry(_shipped()), parse_registry(_shipped())
    assert first.params == second.params and hash(first.params) == hash(second.params)
    data = _shipped()
    _rule(data, "planned-deloads")["params"]["volume_cut_pct"] = 35
    assert parse_registry(data).params != first.params


def test_planner_numbers_all_come_from_the_registry(registry):
    params = registry.params
    assert params.max_session_minutes == registry.param("session-time-cap", "max_minutes")
    assert params.taper_weeks == registry.param("taper", "weeks")


def test_the_rulebook_fingerprint_is_the_same_in_every_process():
    """Plans record it, and the diary compares plans as text: it must not follow hash seeds."""
    import subprocess
    import sys

    code = "from runstrong.io.data_files import load_registry; print(load_registry().fingerprint)"
    seen = {
        subprocess.run(
            [sys.executable, "-c", code], env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, text=True
        ).stdout
        for seed in ("1", "2")
    }
    assert len(seen) == 1 and len(seen.pop().strip()) == 16
