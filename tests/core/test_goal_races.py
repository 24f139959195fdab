"""A goal race before the main race (goal-race): a dated race marked `goal = true` gets the
taper's last days, a race week, a recovery week, and the build to the main race resumes from
where it stood (cr23a F1). Checked here independently of `core.validate`, on Carmen (a goal half
six weeks before her marathon) and over generated runners with a goal race before their race."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, note, settings

from runstrong.core.model import AthleteProfile, Phase, Role, RunType
from runstrong.core.phases import LOADING_PHASES
from runstrong.core.planner import build_plan
from runstrong.core.rep_scheme import LEG_CATEGORIES
from runstrong.core.validate import check_plan
from runstrong.errors import UserError
from runstrong.io.data_files import load_context, load_params
from runstrong.io.profile_file import load_profile, validate_profile
from tests.conftest import examples

from .strategies import profiles_with_goal_race
from .test_plan_safety import build_or_none

P = load_params()
SETTINGS = settings(max_examples=examples(0.3), deadline=None, suppress_health_check=[HealthCheck.too_slow])
RUNNERS = Path(__file__).parent / "runners"
CARMEN = load_profile(RUNNERS / "carmen_goal_half_before_marathon.toml")
HALF = dt.date(2027, 3, 14)


def _as_tune_up(profile: AthleteProfile) -> AthleteProfile:
    """The same runner with her goal race as the tune-up every dated race was before goal-race."""
    dated = [r.model_copy(update={"goal": False, "distance": None}) for r in profile.running.dated]
    return profile.model_copy(update={"running": profile.running.model_copy(update={"dated": dated})})


def _week_of(plan, day: dt.date):
    return next(w for w in plan.weeks if w.start_date <= day < w.start_date + dt.timedelta(days=7))


def _race_close(intensity) -> bool:
    if intensity.kind == "bodyweight":
        return True
    if intensity.kind == "rir":
        return intensity.value >= P.race_close_min_rir
    return intensity.kind == "percent_1rm" and intensity.value <= P.race_close_max_pct_1rm


def _hard_leg_work(s) -> list[str]:
    return [
        f"{b.exercise_id} at {b.prescription.intensity}"
        for b in s.blocks
        if b.category in LEG_CATEGORIES
        and b.role in (Role.primary, Role.accessory)
        and not _race_close(b.prescription.intensity)
    ]


def _sets(week) -> int:
    return sum(b.prescription.sets for s in week.sessions for b in s.blocks if b.role in (Role.primary, Role.accessory))


@pytest.fixture(scope="module")
def carmen_plan():
    return build_plan(CARMEN, load_context())


def test_carmens_half_week_is_a_light_race_week(carmen_plan):
    """cr23a F1: her half's week held three loading sessions, the last (29 min) two days before it."""
    week = _week_of(carmen_plan, HALF)
    before = _week_of(carmen_plan, HALF - dt.timedelta(days=7))
    assert week.deload and len(week.sessions) <= P.race_week_sessions
    assert all(not s.heavy and not s.plyometric for s in week.sessions)
    assert all((HALF - s.date).days > P.no_strength_days for s in week.sessions)
    assert _sets(week) <= _sets(before) * (100 - P.taper_volume_cut_pct[1]) / 100 + 1
    said = " ".join(r.text for r in week.reasons if r.rule_id == "goal-race")
    assert "Race week for your goal race, City Half (half marathon)" in said


def test_nothing_heavy_or_plyometric_in_the_seven_days_before_carmens_half(carmen_plan):
    near = [s for w in carmen_plan.weeks for s in w.sessions if 0 <= (HALF - s.date).days <= P.last_heavy_days]
    assert near, "her race week's light session is inside the seven days"
    for s in near:
        assert not s.heavy and not s.plyometric, s.date
        assert _hard_leg_work(s) == [], s.date


def test_the_week_after_carmens_half_is_a_recovery_week(carmen_plan):
    """cr23a F1: Fri 19 Mar, five days after the half, was a heavy Romanian deadlift 4 x 6 @ 65 kg, RPE 8."""
    week = _week_of(carmen_plan, HALF + dt.timedelta(days=7))
    assert week.deload
    back = HALF + dt.timedelta(days=P.recovery_days["half"])
    assert all(s.date >= back and not s.heavy and _hard_leg_work(s) == [] for s in week.sessions)
    said = " ".join(r.text for r in week.reasons if r.rule_id == "goal-race")
    assert said.startswith("Recovery week after your goal race, City Half")


def test_carmens_marathon_taper_and_race_week_are_intact(carmen_plan):
    """The goal half takes weeks from the build, none from the marathon's taper and race week."""
    plain = build_plan(_as_tune_up(CARMEN), load_context())
    tail = [(w.start_date, w.phase, len(w.sessions)) for w in carmen_plan.weeks if w.phase not in LOADING_PHASES]
    assert tail == [(w.start_date, w.phase, len(w.sessions)) for w in plain.weeks if w.phase not in LOADING_PHASES]
    to_race = [w.phase for w in carmen_plan.weeks if w.start_date < CARMEN.race.date]
    assert to_race[-2:] == [Phase.taper, Phase.race_week]


def test_carmens_build_after_the_half_steps_on_from_the_week_before_it(carmen_plan):
    """The loads of the first loading week after the recovery week step from the last loading week
    before the half (no fresh start from the eased weeks, no jump past the progression bounds)."""
    weeks = carmen_plan.weeks
    before = next(w for w in reversed(weeks) if w.start_date < HALF - dt.timedelta(days=7) and not w.deload)
    after = next(w for w in weeks if w.start_date > HALF + dt.timedelta(days=7) and not w.deload)
    assert _jumps(before, after) == []
    assert _across(CARMEN, carmen_plan) == []
    assert check_plan(carmen_plan, load_context()) == []


def test_a_tune_up_keeps_its_own_handling():
    """Without `goal`, Carmen's half is a tune-up as before: no race or recovery week of its own."""
    plan = build_plan(_as_tune_up(CARMEN), load_context())
    week = _week_of(plan, HALF)
    assert not week.deload and not any(r.rule_id == "goal-race" for r in week.reasons)
    assert any(r.rule_id == "tune-up-race" for r in week.reasons)


def test_validate_flags_a_plan_that_ignores_a_goal_race():
    plan = build_plan(_as_tune_up(CARMEN), load_context())
    ignored = plan.model_copy(update={"profile": CARMEN})
    assert "goal-race" in {v.rule_id for v in check_plan(ignored, load_context())}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"distance": None}, "running.dated[6]"),
        ({"type": "long"}, "running.dated[6]"),
        ({"date": dt.date(2027, 4, 25)}, "running.dated[6].goal"),
    ],
)
def test_a_goal_race_the_plan_cannot_use_is_refused_naming_its_field(change, field):
    raw = CARMEN.model_dump(mode="json", exclude_none=True)
    raw["running"]["dated"][6].update({k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in change.items()})
    raw["running"]["dated"][6] = {k: v for k, v in raw["running"]["dated"][6].items() if v is not None}
    with pytest.raises(UserError) as err:
        validate_profile(raw)
    assert any(p.field.startswith(field) for p in err.value.problems), err.value.problems


def test_an_old_profile_without_goal_fields_stays_valid():
    assert all(not r.goal for r in load_profile(RUNNERS / "tune_up_half_dated_race.toml").running.dated)


# ------------------------------------------------------------------ over generated runners


def _goals(profile: AthleteProfile) -> list[tuple[dt.date, int]]:
    """Each goal race and its recovery days (maintenance-after-race's, by its distance)."""
    return [(r.date, P.recovery_days[r.distance]) for r in profile.running.dated if r.goal]


def _broken(profile: AthleteProfile, plan) -> list[str]:
    out = []
    for s in (s for w in plan.weeks for s in w.sessions):
        for race, recovery in _goals(profile):
            until = (race - s.date).days
            if 0 <= until <= P.no_strength_days:
                out.append(f"{s.date}: a session {until} day(s) before the goal race on {race}")
            if 0 < -until < recovery:
                out.append(f"{s.date}: a session {-until} day(s) after the goal race on {race}")
            if 0 <= until <= P.last_heavy_days:
                if s.heavy:
                    out.append(f"{s.date}: heavy {until} days before the goal race on {race}")
                out += [f"{s.date}: {w} {until} days before {race}" for w in _hard_leg_work(s)]
            if 0 <= until <= P.last_plyometric_days and s.plyometric:
                out.append(f"{s.date}: plyometrics {until} days before the goal race on {race}")
    return out


EASED = {
    "light-before-key-runs",
    "taper",
    "planned-deloads",
    "goal-race",
    "tune-up-race",
    "review-hold",
    "review-reduce",
}


def _full_days(week, by_focus: bool = False) -> dict:  # type: ignore[type-arg]
    """Each loaded lift's heaviest load on a full day of the week (not a light, race-close or held
    day); by the lift and its session's focus with `by_focus` (a lift's single-leg-power day is
    lighter than its posterior-chain day, so the two are compared each with its own)."""
    out: dict = {}  # type: ignore[type-arg]
    for s in week.sessions:
        for b in s.blocks:
            if b.prescription.load_kg and b.role in (Role.primary, Role.accessory) and not set(b.rule_ids) & EASED:
                key = (b.exercise_id, s.focus.value) if by_focus else b.exercise_id
                out[key] = max(out.get(key, 0.0), b.prescription.load_kg)
    return out


KIT_STEP_KG = 4.0  # the coarsest usual step of a kit (kettlebells), which progression-bounds allows once


def _jumps(before, after) -> list[str]:
    """A lift's heaviest full-day load in the first loading week after the goal race against its
    last before it: never more than the progression's step (or one kit step) above it."""
    was, now = _full_days(before), _full_days(after)
    out = []
    for lift in was.keys() & now.keys():
        a, b = was[lift], now[lift]
        bound = max(a * (1 + P.max_load_step_pct / 100), a + KIT_STEP_KG)
        if b > bound + 1e-6:
            out.append(f"{lift}: {a} kg in week {before.index} -> {b} kg in week {after.index}")
    return out


def _across(profile: AthleteProfile, plan) -> list[str]:
    """Each lift's last full day before a goal race against its first after the race's easy days back."""
    out = []
    for race, recovery in _goals(profile):
        clear = race + dt.timedelta(days=recovery + P.goal_race_easy_return_days)
        loading = [w for w in plan.weeks if w.phase in LOADING_PHASES and not w.deload]
        before = [w for w in loading if w.start_date < race]
        after = [w for w in loading if w.start_date > clear]
        # the latest week wins, day by day: week 7's lighter single-leg-power day (32.5 kg) is not
        # the trap bar's last heavy day (37.5 kg in week 6), which week 10 returns to
        last = {key: (kg, w) for w in before for key, kg in _full_days(w, by_focus=True).items()}
        first: dict[tuple[str, str], tuple[float, object]] = {}
        for w in after:
            for key, kg in _full_days(w, by_focus=True).items():
                first.setdefault(key, (kg, w))
        heaviest = {lift: (kg, w) for w in before for lift, kg in _full_days(w).items()}
        for key in first:  # a day of a focus the lift had no day of before: against its heaviest, as before
            (a, wa), (b, wb) = last.get(key) or heaviest.get(key[0], (None, None)), first[key]
            if a is None:
                continue
            lift = f"{key[0]} ({key[1]} day)"
            steps = sum(1 for w in loading if wa.index < w.index <= wb.index)  # a step a loading week at most
            if b > max(a * (1 + P.max_load_step_pct / 100) ** steps, a + KIT_STEP_KG * steps) + 1e-6:
                out.append(f"{lift}: {a} kg in week {wa.index} -> {b} kg in week {wb.index} ({steps} loading weeks)")
    return out


@SETTINGS
@given(profile=profiles_with_goal_race())
# a lift whose last week before the goal race had only its lighter single-leg-power day (32.5 kg) comes
# back after it to its heavy day's 37.5 kg of week 6: a return, not a jump (the oracle compares day by day)
@example(AthleteProfile.model_validate_json((RUNNERS / "teen_goal_5k_trap_bar_back_to_its_heavy_day.json").read_text()))
def test_a_goal_race_gets_its_taper_days_recovery_and_loads_that_never_jump_after_it(profile):
    """No heavy lower-body work or high-impact plyometrics in the 7 days before any goal race, no
    session on its day or the two before, none while the legs recover, and the loads after it never
    jump past the progression bounds from the last loading week before it."""
    note(profile.model_dump_json(exclude_defaults=True))  # the runner, to save under tests/core/runners/
    plan = build_or_none(profile)  # a refusal must say the ways out
    if plan is None:
        return
    assert _broken(profile, plan) == []
    assert _across(profile, plan) == []
    for race, _ in _goals(profile):
        week = _week_of(plan, race) if plan.weeks[0].start_date <= race <= plan.end_date else None
        if week is not None:
            assert any(r.rule_id == "goal-race" for r in week.reasons), week.index
    assert all(v.rule_id != "goal-race" for v in check_plan(plan, load_context()))


def test_the_race_day_itself_holds_no_session_for_a_goal_race(carmen_plan):
    assert not [s for w in carmen_plan.weeks for s in w.sessions if s.date == HALF]
    assert any(r.type == RunType.race and r.date == HALF for r in _week_of(carmen_plan, HALF).runs)
