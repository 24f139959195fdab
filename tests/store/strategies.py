"""Hypothesis strategies for whole diaries: every field, every scale, awkward text."""

from __future__ import annotations

import datetime as dt
from functools import cache

from hypothesis import strategies as st

from runstrong.core.diary import (
    PAIN_SIDES,
    PAIN_WHENS,
    Assessment,
    AthleteDiary,
    Note,
    PainReport,
    PlanVersion,
    ProfileVersion,
    RunLog,
    SessionLog,
    SetLog,
    Wellness,
)
from runstrong.core.model import PainArea, RunType
from runstrong.io.data_files import load_context

TODAY = dt.date(2027, 6, 30)
dates = st.dates(min_value=dt.date(2024, 1, 1), max_value=TODAY)
datetimes = st.datetimes(min_value=dt.datetime(2020, 1, 1), max_value=dt.datetime(2030, 1, 1))
text = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), min_size=1, max_size=30)
maybe_text = st.none() | text
halves = st.integers(2, 20).map(lambda h: h / 2)
scale5 = st.none() | st.integers(1, 5)
finite = {"allow_nan": False, "allow_infinity": False}


def _set(exercise: str, number: int, measure: str, amount, **rest) -> SetLog:
    return SetLog(exercise_id=exercise, set_number=number, **{measure: amount}, **rest)


set_logs = st.builds(
    _set,
    exercise=st.sampled_from(["romanian_deadlift", "side_plank", "pogo_hops", "farmer_carry", "x_1"]),
    number=st.integers(1, 99),
    measure=st.sampled_from(["reps", "seconds", "contacts", "distance_m"]),
    amount=st.integers(0, 500),
    side=st.sampled_from([None, "left", "right"]),
    load_kg=st.none() | st.floats(0, 500, **finite),
    rpe=st.none() | halves,
    form_quality=scale5,
    form_note=maybe_text,
)


def pains(day) -> st.SearchStrategy[PainReport]:
    return st.builds(
        PainReport,
        date=day,
        area=st.sampled_from(list(PainArea)),
        score=st.integers(0, 10),
        note=maybe_text,
        side=st.none() | st.sampled_from(PAIN_SIDES),
        when=st.none() | st.sampled_from(PAIN_WHENS),
        provoked_by=st.none() | st.sampled_from(["split_squat", "long", "pogo_hops"]),
    )


session_logs = st.builds(
    SessionLog,
    date=dates,
    plan_version=st.none() | st.integers(1, 3),
    planned_date=st.none() | dates,
    planned_label=st.none() | st.sampled_from(["A", "B", "C"]),
    minutes=st.none() | st.integers(1, 300),
    session_rpe=st.none() | halves,
    note=maybe_text,
    sets=st.lists(set_logs, max_size=6),
    pains=st.lists(pains(dates), max_size=2),
)
wellness = st.builds(
    Wellness,
    date=dates,
    sleep_hours=st.floats(0, 16, **finite),
    sleep_quality=scale5,
    mood=scale5,
    appetite=scale5,
    soreness=scale5,
    stress=scale5,
    energy=scale5,
    note=maybe_text,
)
runs = st.builds(
    RunLog,
    date=dates,
    type=st.sampled_from(list(RunType)),
    minutes=st.floats(0.01, 1440, **finite),
    distance_km=st.none() | st.floats(0, 500, **finite),
    rpe=st.none() | halves,
    leg_feel=scale5,
    tightness=st.none() | st.integers(0, 10),
    form_note=maybe_text,
    note=maybe_text,
    started_at=st.none() | datetimes,
    avg_hr=st.none() | st.integers(20, 250),
    max_hr=st.none() | st.integers(20, 250),
    source=maybe_text,
)
notes = st.builds(Note, date=dates, text=text)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**40), 2**40) | st.floats(**finite) | text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
    max_leaves=8,
)
assessments = st.builds(
    Assessment,
    date=dates,
    results=st.dictionaries(st.from_regex(r"[a-z_]{1,12}", fullmatch=True), json_values, max_size=4),
    note=maybe_text,
)


@cache
def _real_planned():
    from runstrong.core.diary import planned_work
    from runstrong.core.planner import build_plan
    from runstrong.io.profile_file import load_profile
    from tests.conftest import EXAMPLES

    return planned_work(build_plan(load_profile(EXAMPLES / "5k-racer.toml"), load_context()))


@cache
def _real_documents() -> tuple[dict, dict]:
    """A real profile and plan as stored (an import checks both are what runstrong stores)."""
    import json

    from runstrong.core.planner import build_plan
    from runstrong.io.profile_file import load_profile
    from tests.conftest import EXAMPLES

    profile = load_profile(EXAMPLES / "5k-racer.toml")
    plan = build_plan(profile, load_context())
    return json.loads(profile.model_dump_json()), json.loads(plan.model_dump_json(exclude_computed_fields=True))


@st.composite
def athlete_diaries(draw) -> AthleteDiary:
    n_profiles = draw(st.integers(0, 2))
    profiles = [
        ProfileVersion(version=v, created_at=draw(datetimes), profile=_real_documents()[0])
        for v in range(1, n_profiles + 1)
    ]
    sessions, planned_runs = _real_planned()
    plans = []
    for v in range(1, (draw(st.integers(0, 2)) if profiles else 0) + 1):
        plans.append(
            PlanVersion(
                version=v,
                created_at=draw(datetimes),
                profile_version=draw(st.integers(1, n_profiles)),
                start_date=draw(dates),
                end_date=draw(dates),
                plan=_real_documents()[1],
                sessions=draw(st.lists(st.sampled_from(sessions), max_size=2)),
                runs=draw(st.lists(st.sampled_from(planned_runs), max_size=2)),
            )
        )
    by_date = lambda x: x.date  # noqa: E731 - exports list entries in date order
    return AthleteDiary(
        name=draw(
            st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), min_size=1, max_size=20)
        ),
        units=draw(st.sampled_from(["metric", "imperial"])),
        created_at=draw(datetimes),
        profiles=profiles,
        plans=plans,
        assessments=sorted(draw(st.lists(assessments, max_size=2)), key=by_date),
        sessions=sorted(draw(st.lists(session_logs, max_size=4)), key=by_date),
        pains=sorted(draw(st.lists(pains(dates), max_size=2)), key=by_date),
        wellness=sorted(draw(st.lists(wellness, max_size=4, unique_by=by_date)), key=by_date),
        runs=sorted(draw(st.lists(runs, max_size=4)), key=by_date),
        notes=sorted(draw(st.lists(notes, max_size=2)), key=by_date),
    )
