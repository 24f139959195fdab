"""A runner's own empty bar (`bar_weights`): a 15 kg women's bar or a 10 kg technique bar is
what loads sit on and what a logged load may not go under; bad weights are refused."""

from __future__ import annotations

import json

import pytest

from tests.cli.test_diary_cli import PROFILE, TODAY, count, diary, planned_days  # noqa: F401 (fixture)


def _ann(tmp_path, bars: str, units: str = "metric", rdl: int = 40):  # type: ignore[no-untyped-def]
    path = tmp_path / "ann.toml"
    text = PROFILE.format(units=units).replace("romanian_deadlift = 40", f"romanian_deadlift = {rdl}")
    path.write_text(text.replace("\n[race]", f"\nbar_weights = {bars}\n\n[race]"))
    return path


def _barbell_loads(out) -> list[float]:  # type: ignore[no-untyped-def]
    barbell = {"romanian_deadlift", "back_squat", "barbell_hip_thrust", "barbell_good_morning",
               "barbell_rear_foot_elevated_split_squat", "front_squat"}  # fmt: skip
    plan = json.loads(out.stdout)
    return [
        b["prescription"]["load_kg"]
        for w in plan["weeks"]
        for s in w["sessions"]
        for b in s["blocks"]
        if b["exercise_id"] in barbell and b["prescription"]["load_kg"]
    ]


def test_a_15_kg_bar_can_be_logged_when_the_profile_gives_it(diary, tmp_path):  # noqa: F811
    profile = _ann(tmp_path, "{ barbell = 15 }")
    assert diary("athlete", "add", str(profile)).returncode == 0
    out = diary("log", "--date", str(planned_days(diary)[0]), "--set", "rdl 3x8@15kg rir3")
    assert out.returncode == 0, out.stderr
    assert count(diary.path, "set_logs") == 3


def test_without_its_own_bar_a_15_kg_barbell_set_is_refused_and_says_how_to_give_the_bar(diary, tmp_path):  # noqa: F811
    from tests.cli.test_diary_cli import write_profile

    assert diary("athlete", "add", str(write_profile(tmp_path))).returncode == 0
    out = diary("log", "--date", str(planned_days(diary)[0]), "--set", "rdl 3x8@15kg rir3")
    assert out.returncode == 2
    assert "under the empty barbell (20kg)" in out.stderr and "bar_weights.barbell" in out.stderr
    assert count(diary.path, "set_logs") == 0


def test_a_set_under_the_runners_own_bar_is_still_refused(diary, tmp_path):  # noqa: F811
    profile = _ann(tmp_path, "{ barbell = 15 }")
    assert diary("athlete", "add", str(profile)).returncode == 0
    out = diary("log", "--date", str(planned_days(diary)[0]), "--set", "rdl 3x8@12.5kg rir3")
    assert out.returncode == 2 and "under the empty barbell (15kg)" in out.stderr
    assert "bar_weights" not in out.stderr  # their own bar: nothing to set
    assert count(diary.path, "set_logs") == 0


def test_a_pound_bar_is_given_in_pounds(diary, tmp_path):  # noqa: F811
    profile = _ann(tmp_path, "{ barbell = 35 }", units="imperial")
    assert diary("athlete", "add", str(profile)).returncode == 0
    out = diary("log", "--date", str(planned_days(diary)[0]), "--set", "rdl 3x8@35lb rir3")
    assert out.returncode == 0, out.stderr


def test_plan_loads_sit_on_the_runners_own_bar(diary, tmp_path):  # noqa: F811
    light = tmp_path / "light"
    light.mkdir()
    own = diary("plan", str(_ann(light, "{ barbell = 10 }", rdl=12)), "--format", "json", "--no-diary")
    assert own.returncode == 0, own.stderr
    loads = _barbell_loads(own)
    assert loads and min(loads) >= 10
    assert all(((kg - 10) / 2.5) == round((kg - 10) / 2.5) for kg in loads)  # the bar, then whole plates
    assert min(loads) < 20  # a light rdl (12 kg known) starts under a 20 kg bar
    default = diary("plan", str(_ann(tmp_path, "{}", rdl=12)), "--format", "json", "--no-diary")
    assert min(_barbell_loads(default)) >= 20


@pytest.mark.parametrize(
    ("bars", "says"),
    [
        ("{ barbell = 0 }", "bar_weights.barbell: 0 kg is no bar"),
        ("{ barbell = -5 }", "bar_weights.barbell: -5 kg is no bar"),
        ("{ barbell = 100 }", "bar_weights.barbell: 100 kg is heavier than any bar (at most 40 kg)"),
        ('{ barbell = "fifteen" }', "bar_weights.barbell:"),
        ("{ dumbbell = 2 }", "bar_weights: dumbbell has no bar: name a bar, barbell or trap_bar"),
    ],
)
def test_a_bad_bar_weight_is_refused_naming_the_field_exit_2_and_nothing_written(diary, tmp_path, bars, says):  # noqa: F811
    profile = _ann(tmp_path, bars)
    for args in (["plan", str(profile), "--no-diary"], ["athlete", "add", str(profile)]):
        out = diary(*args)
        assert out.returncode == 2, out.stderr
        assert says in out.stderr and "Traceback" not in out.stderr
    fixes = ("e.g. barbell = 15", "has no bar", "write a number (you gave 'fifteen')")
    assert any(fix in out.stderr for fix in fixes)
    assert not diary.path.exists() or count(diary.path, "athletes") == 0
