"""A week that looks like illness is asked about (review-illness-signal; coach read cr22a P3).

Pete's flu week (check-ins "flu, fever" at energy 1/5, nothing done) was read as missed
sessions: the review held every category and never offered `--ill`, whose deload is the
gentle way back. The review now asks "Were you ill?" and says how to tell it, when a mostly
missed week's check-ins show energy at the rule's mark or its notes name an illness; it
decides nothing on its own, and a review already told (`--ill`) does not ask."""

from __future__ import annotations

import dataclasses

from hypothesis import assume, event, example, given
from hypothesis import strategies as st

from runstrong.core.diary import Wellness
from runstrong.core.review import RealLife
from runstrong.core.review.metrics import DiaryWindow

from .helpers import LIBRARY, REGISTRY, SETTINGS, any_profile, picks, plan_of
from .scenarios import DAY, done_as_planned, reviewed_and_applied, week_end
from .test_review_sequences import PETE

RULE = "review-illness-signal"
MARK = int(REGISTRY.param(RULE, "energy_at_or_below"))
WORDS = [str(w) for w in REGISTRY.param(RULE, "words")]
ASKED = "Were you ill?"
NEUTRAL = ["busy at work", "travelling", "long day", None]


def sick_week(profile, pick: int, energies: list[int], note: str | None, done: int):  # type: ignore[no-untyped-def]
    """The weeks before as planned, then a week with `done` of its sessions and a check-in a
    day at these energies (the first one with `note`)."""
    plan = plan_of(profile)
    assume(plan is not None)
    weeks = [w for w in plan.weeks[1:] if len(w.sessions) >= 2]
    assume(weeks)
    week = weeks[pick % len(weeks)]
    diary = done_as_planned(plan, week_end(week))
    kept = {s.date for s in week.sessions[:done]}
    sessions = tuple(s for s in diary.sessions if s.date < week.start_date or s.date in kept)
    checks = tuple(
        Wellness(date=week.start_date + k * DAY, energy=e, mood=2, note=note if k == 0 else None)
        for k, e in enumerate(energies)
    )
    return plan, week, dataclasses.replace(diary, sessions=sessions, wellness=checks)


def asked(review) -> list:  # type: ignore[no-untyped-def]
    return [d for d in review.decisions if d.text.startswith(ASKED)]


@SETTINGS
@example(profile=PETE, pick=0, energies=[1, 1, 2], note="flu, fever", done=0, ill=False)  # cr22a P3
@given(
    profile=any_profile,
    pick=picks,
    energies=st.lists(st.integers(1, 5), min_size=1, max_size=7),
    note=st.one_of(st.sampled_from(NEUTRAL), st.sampled_from(WORDS).map(lambda w: f"{w.capitalize()}, stayed in")),
    done=st.integers(0, 3),
    ill=st.booleans(),
)
def test_a_mostly_missed_week_that_looks_like_illness_asks_whether_the_runner_was_ill(
    profile, pick, energies, note, done, ill
):
    plan, week, diary = sick_week(profile, pick, energies, note, done)
    review, _, _ = reviewed_and_applied(plan, profile, diary, week, LIBRARY, REGISTRY, RealLife(ill=ill))
    missed = review.metrics.completion_pct is not None and review.metrics.completion_pct < REGISTRY.param(
        "review-missed-sessions", "consistent_pct"
    )
    signal = min(energies) <= MARK or (note is not None and note.split(",")[0].lower() in WORDS)
    questions = asked(review)
    event(f"asked={bool(questions)} missed={missed} signal={signal} ill={ill}")
    assert bool(questions) == (missed and signal and not ill), (missed, signal, ill, [d.text for d in questions])
    for d in questions:
        assert "runstrong review --ill --accept" in d.text and RULE in d.rule_ids
        assert d.action == "note"


def test_petes_flu_week_asks_whether_he_was_ill_and_says_how_to_tell_the_review():
    plan, week, diary = sick_week(PETE, 0, [1, 1, 2], "flu, fever", 0)
    review, _, _ = reviewed_and_applied(plan, PETE, diary, week, LIBRARY, REGISTRY)
    (d,) = asked(review)
    assert 'your note "flu, fever"' in d.text and "energy at most 1/5 on 2 of 3 check-ins" in d.text
    assert "`runstrong review --ill --accept`" in d.text and "deload" in d.text
    told, _, _ = reviewed_and_applied(plan, PETE, diary, week, LIBRARY, REGISTRY, RealLife(ill=True))
    assert not asked(told)
    assert any(x.action == "deload" for x in told.decisions)


def test_a_missed_week_with_no_check_ins_is_not_asked_about_illness():
    plan, week, diary = sick_week(PETE, 0, [], None, 0)
    review, _, _ = reviewed_and_applied(plan, PETE, dataclasses.replace(diary, wellness=()), week, LIBRARY, REGISTRY)
    assert not asked(review)
    assert isinstance(diary, DiaryWindow)
