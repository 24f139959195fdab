"""The placement's words name the runs of the session's day (cr22a P1): a double day of
intervals and an easy run read "Paired with an easy run or easy cross-training", and a
duathlete's bike days "Run first"."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from runstrong.core.model import RunType
from tests.conftest import examples

from .strategies import profiles
from .test_starting_loads import plan_of

EASY = {RunType.easy: "an easy run", RunType.cross_train: "easy cross-training"}


def pairing_faults(plan) -> list[tuple]:  # type: ignore[no-untyped-def]
    """(date, words) of each placement sentence that names runs the day does not hold, or hides one it does."""
    out = []
    for w in plan.weeks:
        for s in w.sessions:
            runs = {r.type for r in w.runs if r.date == s.date and r.type != RunType.rest}
            for r in s.reasons:
                if r.rule_id != "pair-with-easy-day":
                    continue
                t = r.text
                if t.startswith("Paired with"):
                    named = {k for k, words in EASY.items() if words in t}
                    if named != runs & set(EASY) or (runs - set(EASY) and "come" not in t):
                        out.append((s.date, t, sorted(runs)))
                if t.startswith("Cross-train first") and runs != {RunType.cross_train}:
                    out.append((s.date, t, sorted(runs)))
                if t.startswith("Run first") and not runs - {RunType.cross_train}:
                    out.append((s.date, t, sorted(runs)))
    return out


@settings(max_examples=examples(0.3), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profile=profiles())
def test_a_sessions_pairing_words_name_the_runs_its_day_holds(profile):
    plan = plan_of(profile)
    if plan is not None:
        assert pairing_faults(plan) == []
