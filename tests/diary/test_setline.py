"""The one-line set syntax and exercise names as runners type them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runstrong.core.diary import SetLog
from runstrong.core.model import Units
from runstrong.core.setline import (
    KG_PER_LB,
    format_sets,
    parse_distance,
    parse_load,
    parse_minutes,
    parse_set_line,
    resolve_exercise,
)
from runstrong.errors import UserError


def parse(line: str, library, units: Units = Units.metric) -> list[dict]:
    return list(parse_set_line(line, library, units).sets)


def test_sets_reps_load_and_rpe(library):
    sets = parse("rdl 3x8@40kg rpe7", library)
    assert len(sets) == 3
    assert [s["set_number"] for s in sets] == [1, 2, 3]
    assert all(s["exercise_id"] == "romanian_deadlift" and s["reps"] == 8 for s in sets)
    assert all(s["load_kg"] == 40 and s["rpe"] == 7 for s in sets)


@pytest.mark.parametrize(
    ("line", "measure", "amount"),
    [
        ("side plank 2x30s left", "seconds", 30),
        ("pogo hops 3x10c", "contacts", 10),
        ("farmer carry 2x40m @24kg", "distance_m", 40),
        ("Romanian deadlift 1x5", "reps", 5),
    ],
)
def test_measures_by_suffix(library, line, measure, amount):
    first = parse(line, library)[0]
    assert first[measure] == amount


def test_spaces_are_forgiven(library):
    assert parse("rdl 3 x 8 @ 40 kg rpe 7", library) == parse("rdl 3x8@40kg rpe7", library)


def test_a_comma_list_gives_one_set_per_amount(library):
    sets = parse("split squat 8,8,7 @bw rir2 form3 # knee drifts in on the last reps", library)
    assert [s["reps"] for s in sets] == [8, 8, 7]
    assert sets[0]["load_kg"] is None and sets[0]["rir"] == 2 and sets[0]["form_quality"] == 3
    assert sets[2]["form_note"] == "knee drifts in on the last reps"


def test_pounds_become_kilograms(library):
    assert parse("rdl 1x5@90lb", library)[0]["load_kg"] == pytest.approx(90 * KG_PER_LB)


def test_a_bare_load_is_in_the_runners_units(library):
    assert parse("rdl 1x5@100", library, Units.imperial)[0]["load_kg"] == pytest.approx(100 * KG_PER_LB)
    assert parse("rdl 1x5@100", library, Units.metric)[0]["load_kg"] == 100


def test_bodyweight_plus_a_vest(library):
    assert parse("step up 3x10 @bw+10kg", library)[0]["load_kg"] == 10


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("rdl", "romanian_deadlift"),
        ("RDL", "romanian_deadlift"),
        ("db rdl", "dumbbell_romanian_deadlift"),
        ("sl rdl", "single_leg_romanian_deadlift"),
        ("kb swing", "kettlebell_swing"),
        ("rfess", "rear_foot_elevated_split_squat"),
        ("Bulgarian split squat", "rear_foot_elevated_split_squat"),
        ("nordic", "nordic_curl"),
        ("Copenhagen plank (short lever)", "copenhagen_plank_short_lever"),
        ("side-plank", "side_plank"),
        ("swing", "kettlebell_swing"),
    ],
)
def test_exercise_names_resolve_by_alias_initials_and_prefix(library, typed, expected):
    assert resolve_exercise(typed, library).id == expected


def test_an_unknown_exercise_names_the_nearest_ones(library):
    with pytest.raises(UserError) as err:
        resolve_exercise("romanian dedlift", library)
    assert str(err.value).startswith("exercise:")
    assert "romanian_deadlift" in str(err.value)


def test_an_ambiguous_name_lists_the_candidates(library):
    with pytest.raises(UserError, match=r"goblet_squat.*goblet_lateral_lunge|goblet_lateral_lunge.*goblet_squat"):
        resolve_exercise("goblet", library)


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("rdl 3x-8@40kg", "reps:"),
        ("rdl 3x8@40km", "load:"),
        ("rdl 3x8@-5kg", "load:"),
        ("rdl 3x8 rpe11", "rpe:"),
        ("rdl 3x8 rir12", "rir:"),
        ("rdl 3x8 rpe7 rir2", "rir:"),
        ("rdl 3x8 form9", "form_quality:"),
        ("rdl 3x8q", "set:"),
        ("rdl 3x8 quickly", "set:"),
        ("rdl", "set:"),
        ("3x8@40kg", "exercise:"),
        ("rdl 0x8", "sets:"),
        ("side plank 2x7.5s", "seconds:"),
    ],
)
def test_bad_lines_name_the_field(library, line, field):
    with pytest.raises(UserError) as err:
        parse(line, library)
    assert str(err.value).startswith(field), str(err.value)


def test_loads_distances_and_durations():
    assert parse_load("bw", Units.metric) is None
    assert parse_load("20", Units.metric) == 20
    assert parse_distance("5mi", Units.metric) == pytest.approx(8.04672)
    assert parse_distance("800m", Units.metric) == pytest.approx(0.8)
    assert parse_distance("10", Units.imperial) == pytest.approx(16.09344)
    assert parse_minutes("1h10") == 70
    assert parse_minutes("1:10:30") == 70.5
    assert parse_minutes("52:30") == 52.5
    with pytest.raises(UserError, match=r"^distance:"):
        parse_distance("8kg", Units.metric)


set_strategy = st.builds(
    lambda measure, amount, load, effort, side, form: SetLog(
        exercise_id="romanian_deadlift",
        set_number=1,
        side=side,
        load_kg=load,
        form_quality=form,
        **{measure: amount},
        **effort,
    ),
    measure=st.sampled_from(["reps", "seconds", "contacts"]),
    amount=st.integers(1, 200),  # a set of 0 is refused as typed (it counts nothing), so it is never shown
    load=st.none() | st.integers(0, 2000).map(lambda q: q / 4),
    effort=st.just({})
    | st.integers(2, 20).map(lambda h: {"rpe": h / 2})
    | st.integers(0, 10).map(lambda r: {"rir": r}),
    side=st.sampled_from([None, "left", "right"]),
    form=st.none() | st.integers(1, 5),
)


@given(sets=st.lists(set_strategy, min_size=1, max_size=4))
def test_what_is_shown_can_be_typed_back(library, sets):
    """format_sets writes set-line syntax: parsing it gives the same sets back."""
    for s in sets:
        line = "romanian_deadlift " + format_sets([s], Units.metric)
        again = parse(line, library)[0]
        assert SetLog.model_validate(again) == s


@pytest.mark.parametrize("line", ["rfess 3x8/side @10kg", "rfess 3x8 each @10kg", "rfess 3x8 per leg @10kg",
                                  "rfess 3x8 left,right @10kg", "rfess 3 x 8 / side @ 10 kg"])  # fmt: skip
def test_sets_written_per_side_are_logged_on_the_left_and_on_the_right(library, line):
    sets = parse(line, library)
    assert [(s["side"], s["set_number"], s["reps"], s["load_kg"]) for s in sets] == [
        (side, n, 8, 10.0) for side in ("left", "right") for n in (1, 2, 3)
    ]


def test_per_side_sets_of_a_two_sided_lift_or_two_sides_at_once_are_refused_with_the_fix(library):
    with pytest.raises(UserError, match=r"side: Romanian deadlift works both sides at once"):
        parse("rdl 3x8/side", library)
    with pytest.raises(UserError, match=r"write one line per side, or '3x8/side'"):
        parse("rfess 3x8 left right", library)


def _printed_dose(exercise, units: Units) -> tuple[str, dict]:
    """The plan's printed volume of `exercise`'s default dose (as `today` shows it) and
    the dose `--as-planned` would log for one set of it."""
    from runstrong.core.plan_model import Intensity, Prescription
    from runstrong.io.dose_words import dose_text

    d = exercise.dose
    presc = Prescription(sets=d.sets, reps=d.reps, seconds=d.seconds, contacts=d.contacts, distance_m=d.distance_m,
                         per_side=d.per_side, intensity=Intensity(kind="bodyweight"), rest_seconds=60)  # fmt: skip
    return dose_text(presc, units), {d.measure: getattr(d, d.measure)}


@pytest.mark.parametrize("units", [Units.metric, Units.imperial])
def test_the_log_reads_back_every_dose_the_plan_prints(library, units):
    """Whatever `today` prints for a lift ("Bird dog 3 × 8/side", "3 × 20 contacts",
    "2 × 44 yd"), typed back into `log --set` logs that dose: as many sets, each the
    printed amount (on each side, for a lift worked one side at a time)."""
    for exercise in library.exercises:
        printed, amount = _printed_dose(exercise, units)
        sets = parse(f"{exercise.name} {printed}", library, units)
        sides = 2 if exercise.dose.per_side and exercise.unilateral else 1
        assert len(sets) == exercise.dose.sets * sides, (exercise.id, printed)
        [(measure, value)] = amount.items()
        assert all(s["exercise_id"] == exercise.id for s in sets), (exercise.id, printed)
        assert all(s[measure] == pytest.approx(value, abs=0.5) for s in sets), (exercise.id, printed, sets[0])
