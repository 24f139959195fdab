"""A coach's edited copy of the data: checked with every problem at once, and planned with.

Each property writes an edited rules.toml into a folder, loads it the way `--data DIR`
does, and checks that the plan follows the edited number.
"""

from __future__ import annotations

import tempfile
import tomllib
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import tomli_w
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runstrong.core.model import Phase, Role, RunType
from runstrong.core.planner import build_plan
from runstrong.io.data_files import check_data, load_context
from runstrong.io.profile_file import load_profile
from tests.conftest import EXAMPLES, examples

# ci 25 examples (as before), dev 10
SETTINGS = settings(
    max_examples=min(examples(share=0.025), 25), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
NOVICE = load_profile(EXAMPLES / "novice.toml")
CUTS = ("planned-deloads", "taper", "review-reduce", "light-before-key-runs", "maintenance-after-race")


def _shipped(name: str) -> dict:
    return tomllib.loads(resources.files("runstrong.data").joinpath(name).read_text("utf-8"))


def _params(data: dict, rule_id: str) -> dict:
    return next(r for r in data["rule"] if r["id"] == rule_id)["params"]


def plan_with(change: Callable[[dict], None], profile=NOVICE):  # type: ignore[no-untyped-def]
    """The plan for `profile` from a data folder whose rules.toml has `change` applied."""
    data = _shipped("rules.toml")
    change(data)
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "rules.toml").write_text(tomli_w.dumps(data), encoding="utf-8")
        ctx = load_context(folder)
        return build_plan(profile, ctx, least_bad=True), ctx


def _blocks(plan, keep):  # type: ignore[no-untyped-def]
    return [(w, s, b) for w in plan.weeks for s in w.sessions for b in s.blocks if keep(w, s, b)]


def _cited(block, rule_id: str) -> bool:  # type: ignore[no-untyped-def]
    return any(r.rule_id == rule_id for r in block.reasons)


@SETTINGS
@given(st.integers(min_value=30, max_value=60), st.integers(min_value=30, max_value=60))
def test_a_deeper_deload_cut_in_an_edited_copy_cuts_deload_weeks_deeper(a: int, b: int) -> None:
    lo, hi = sorted((a, b))
    plans = {}
    for cut in (lo, hi):
        plan, _ = plan_with(lambda d, cut=cut: _params(d, "planned-deloads").update(volume_cut_pct=cut))
        deloaded = _blocks(plan, lambda w, s, b: w.deload and _cited(b, "planned-deloads"))
        assert deloaded, "the novice plan has deload weeks"
        said = (f"about {cut}%", "One set already")  # a one-set lift keeps its set and says so (cr21a W2)
        assert all(any(x in r.text for x in said for r in b.reasons) for _, _, b in deloaded)
        plans[cut] = sum(b.prescription.sets for _, _, b in deloaded)
    assert plans[hi] <= plans[lo]


@SETTINGS
@given(st.integers(min_value=1, max_value=5))
def test_foundation_sets_in_an_edited_copy_are_the_sets_prescribed(sets: int) -> None:
    plan, _ = plan_with(lambda d: _params(d, "dose-foundation").update(sets=sets))
    plain = _blocks(
        plan,
        lambda w, s, b: (
            w.phase == Phase.foundation
            and not w.deload
            and s.trim_steps == 0
            and b.role == Role.primary
            and _cited(b, "dose-foundation")
            and not any(_cited(b, rule) for rule in CUTS)
        ),
    )
    assert plain
    assert {b.prescription.sets for _, _, b in plain} == {sets}


@SETTINGS
@given(st.integers(min_value=10, max_value=30))
def test_hold_start_seconds_in_an_edited_copy_start_the_holds(seconds: int) -> None:
    def change(data: dict) -> None:
        _params(data, "dose-holds")["start_seconds"]["novice"] = seconds

    plan, _ = plan_with(change)
    first = _blocks(plan, lambda w, s, b: w.index == 1 and b.prescription.seconds and _cited(b, "dose-holds"))
    assert first
    assert {b.prescription.seconds for _, _, b in first} == {seconds}


LIGHT_RUNNER = load_profile(Path(__file__).parent / "runners" / "every_day_next_to_a_key_run.toml")


@SETTINGS
@given(st.integers(min_value=0, max_value=99))
def test_the_all_light_advice_threshold_in_an_edited_copy_decides_when_the_plan_warns(pct: int) -> None:
    """light-before-key-runs' advice_above_pct: the plan warns that its sessions are all light
    exactly when more than that share of its loading weeks hold only light sessions."""
    plan, _ = plan_with(lambda d: _params(d, "light-before-key-runs").update(advice_above_pct=pct), LIGHT_RUNNER)
    loading = [
        w
        for w in plan.weeks
        if w.phase in (Phase.foundation, Phase.build, Phase.race_specific) and not w.deload and w.sessions
    ]
    light = [w for w in loading if all(any(_cited(b, "light-before-key-runs") for b in s.blocks) for s in w.sessions)]
    assert loading and light
    warned = any("every session falls on a key run's day" in x for x in plan.warnings)
    assert warned == (len(light) * 100 > len(loading) * pct), (len(light), len(loading), pct)


def test_a_plan_records_the_data_it_was_made_from() -> None:
    plan, ctx = plan_with(lambda d: _params(d, "planned-deloads").update(volume_cut_pct=35))
    shipped = build_plan(NOVICE, load_context())
    assert plan.data == ctx.data_stamp and ctx.registry.fingerprint in plan.data
    assert shipped.data is not None and shipped.data.startswith("package")
    assert plan.data != shipped.data


def test_a_wrongly_typed_parameter_in_a_data_copy_is_refused_with_its_path(tmp_path: Path) -> None:
    data = _shipped("rules.toml")
    _params(data, "planned-deloads")["volume_cut_pct"] = "40"
    (tmp_path / "rules.toml").write_text(tomli_w.dumps(data), encoding="utf-8")
    assert check_data(tmp_path).errors == ["rules.toml: planned-deloads.volume_cut_pct: expected a number"]


def test_check_data_reports_every_problem_in_every_file_at_once(tmp_path: Path) -> None:
    rules = _shipped("rules.toml")
    _params(rules, "planned-deloads")["volume_cut_pct"] = "40"
    _params(rules, "plyometric-spacing")["min_hours"] = -1
    exercises = _shipped("exercises.toml")
    exercises["exercise"][0]["level"] = "expert"
    (tmp_path / "rules.toml").write_text(tomli_w.dumps(rules), encoding="utf-8")
    (tmp_path / "exercises.toml").write_text(tomli_w.dumps(exercises), encoding="utf-8")
    result = CliRunner().invoke(_command(), [str(tmp_path)])
    assert result.exit_code == 2
    first = exercises["exercise"][0]["id"]
    for line in (
        "rules.toml: planned-deloads.volume_cut_pct: expected a number",
        "rules.toml: plyometric-spacing.min_hours: expected a number of 0 or more",
        f"exercises.toml: exercise {first}: level:",
    ):
        assert line in result.output
    assert "3 problem(s)" in result.output


def test_check_data_passes_the_shipped_data_with_a_summary() -> None:
    result = CliRunner().invoke(_command(), [])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("OK: ") and "rules" in result.output


def test_a_folder_that_is_not_there_is_refused(tmp_path: Path) -> None:
    assert (
        check_data(tmp_path / "nope").errors[0].endswith("not a directory; give the folder that holds the .toml files")
    )


def test_an_edited_long_run_threshold_changes_how_imported_and_calendar_runs_are_classified() -> None:
    from runstrong.core.activity import guess_run_type
    from runstrong.core.run_classify import CalendarEntry, classify_entry
    from runstrong.io.classify_data import import_rules, run_keywords

    shipped = load_context()
    minutes = int(shipped.params.long_run_minutes) - 20
    event = CalendarEntry(NOVICE.start_date, "Einheit", "", minutes)
    assert guess_run_type("Morning run", minutes, import_rules(shipped)) == RunType.easy
    assert classify_entry(event, run_keywords(shipped)).type == RunType.easy

    def shorter(data: dict) -> None:
        _params(data, "long-run")["min_minutes"] = minutes

    with tempfile.TemporaryDirectory() as folder:
        data = _shipped("rules.toml")
        shorter(data)
        Path(folder, "rules.toml").write_text(tomli_w.dumps(data), encoding="utf-8")
        edited = load_context(folder)
    assert guess_run_type("Morning run", minutes, import_rules(edited)) == RunType.long
    assert classify_entry(event, run_keywords(edited)).type == RunType.long
    assert guess_run_type("Morning run", minutes, import_rules(shipped)) == RunType.easy


def _command():  # type: ignore[no-untyped-def]
    from runstrong.cli.check_data import check_data as command

    return command


LIGHT_KIT = load_profile(Path(__file__).parent / "runners" / "light_dumbbells_half_thursday.toml")


@SETTINGS
@given(st.integers(min_value=0, max_value=50))  # above ~53% the 10 kg dumbbells fail the hinge too
def test_the_kit_fit_share_in_an_edited_copy_decides_which_lifts_the_light_kit_leads_with(pct: int) -> None:
    """kit-fits-the-lift's min_pct: the 8 kg kettlebell deadlift (about a fifth of the load the
    runner's strength calls for) leads the hinge exactly when the share asked is below that."""
    from runstrong.core import loads as ld
    from runstrong.core.kit_fit import outgrown_lifts

    plan, ctx = plan_with(lambda d: _params(d, "kit-fits-the-lift").update(min_pct=pct), LIGHT_KIT)
    outgrown = outgrown_lifts(LIGHT_KIT, ctx.library, LIGHT_KIT.equipment_items, ctx.params, {})
    p = ctx.params
    e = ctx.library.get("kettlebell_deadlift")
    e1rm = ld.estimated_e1rm(LIGHT_KIT.body_mass_kg, LIGHT_KIT.sex, LIGHT_KIT.strength_experience, e.pattern,
                             ld.implement(e.equipment), p, e.both_hands)  # fmt: skip
    share = 100 * 8 / ld.load_for(e1rm, p.kit_fit_reps, p.kit_fit_rir, p.e1rm_formula, p.e1rm_max_reps)
    assert ("kettlebell_deadlift" in outgrown) == (share < pct)
    mains = {b.exercise_id for _, _, b in _blocks(plan, lambda w, s, b: b.role == Role.primary)}
    assert ("kettlebell_deadlift" in mains) == (share >= pct), (round(share), pct)
