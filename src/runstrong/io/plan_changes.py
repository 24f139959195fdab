"""The review's "what changes" in words: every change of the first week that differs, then
one line for each later week (a review's hold or deload shifts the rest of the block,
which would otherwise fill pages)."""

from __future__ import annotations

import datetime as dt

from runstrong.core.model import Category, Role, Units
from runstrong.core.review.changes import Change, ChangeKind, PlanChange, WeekChanges
from runstrong.core.vocab import CATEGORY_NAME
from runstrong.io.dose_words import dose_text

WEEK_KINDS = (ChangeKind.deload_on, ChangeKind.deload_off, ChangeKind.phase)


def describe_changes(
    weeks: list[WeekChanges], units: Units = Units.metric, decided: dict[dt.date, frozenset[Category]] | None = None
) -> list[Change]:
    """The first week's changes line by line (by date, then words), a summary line per later week.
    With `decided` (by week, the categories whose loads the review decided: `decided_loads`), a
    load change the review did not decide says what set the load, in the first week; in a later
    week a load that falls so is named on its own line, not summed with the block's shift (cr19b
    #2: an RDL's 25 -> 15 lb was "2 doses move with the block this review shifted")."""
    if not weeks:
        return []
    main = [c for c in weeks[0].changes if c.role not in _DRILLS]
    undecided = _undecided(decided)
    lines = [Change(date=c.date, text=change_text(c, units, undecided(weeks[0], c, True))) for c in main]
    drills: dict = {}
    for c in weeks[0].changes:
        if c.role in _DRILLS:
            drills[c.date] = drills.get(c.date, 0) + 1
    lines += [
        Change(date=day, text=f"Warm-up and mobility drills: {_count(n, 'change')}.") for day, n in drills.items()
    ]
    first = sorted(lines, key=lambda c: (c.date, c.text))
    summaries: list[tuple[int, Change]] = []
    named_drops: list[Change] = []
    again: dict[str, list[int]] = {}  # a lift's load drop named once: the later weeks it recurs in
    for w in weeks[1:]:
        named = [c for c in w.changes if undecided(w, c, False)]
        rest = w.model_copy(update={"changes": [c for c in w.changes if c not in named]})
        if rest.changes:
            summaries.append((w.index, Change(date=w.start_date, text=week_summary(rest))))
        for c in named:
            if c.exercise in again:
                again[c.exercise].append(w.index)
                continue
            again[c.exercise] = []
            named_drops.append(Change(date=c.date, text=f"Week {w.index}: " + change_text(c, units, True)))
    later = sorted([*_runs_of_weeks(summaries), *named_drops], key=lambda c: c.date)
    return first + [_recurring(c, again) for c in later]


def _recurring(c: Change, again: dict[str, list[int]]) -> Change:
    """A named load drop with the later weeks the same lift's load drops in too."""
    lift = next((x for x in again if c.text.partition(": ")[2].startswith(f"{x}:")), None)
    weeks = sorted(set(again.get(lift, []))) if lift else []
    if not weeks:
        return c
    return c.model_copy(update={"text": f"{c.text} Lighter in week{'s' if len(weeks) > 1 else ''} "
                                        f"{', '.join(map(str, weeks))} too."})  # fmt: skip


def _undecided(decided: dict[dt.date, frozenset[Category]] | None):  # type: ignore[no-untyped-def]
    """Whether a dose change moves a load the review did not decide (in a later week: lowers it)."""

    def check(w: WeekChanges, c: PlanChange, first: bool) -> bool:
        if decided is None or c.kind != ChangeKind.dose or not c.load_why or c.before is None or c.after is None:
            return False
        if c.category in decided.get(w.start_date, frozenset()):
            return False
        if any(x.kind in WEEK_KINDS for x in w.changes):  # a deload or phase moved: the week says so
            return False
        was, now = c.before.load_kg, c.after.load_kg
        return first or (was is not None and now is not None and now < was)

    return check


_DRILLS = frozenset({Role.warm_up, Role.finisher})  # one line a day for these: a deload swaps many


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def change_text(c: PlanChange, units: Units = Units.metric, why_load: bool = False) -> str:
    """One change as a sentence (a dose with its load, in the runner's units; with `why_load`,
    what set its new load)."""
    match c.kind:
        case ChangeKind.deload_on | ChangeKind.deload_off | ChangeKind.phase:
            return f"Week {c.week} is {_week_text(c)}."
        case ChangeKind.session_added:
            return f"New {CATEGORY_NAME[c.category]} session."  # type: ignore[index]
        case ChangeKind.session_removed:
            return f"{CATEGORY_NAME[c.category].capitalize()} session removed."  # type: ignore[index]
        case ChangeKind.exercise_out:
            return f"{c.exercise} out."
        case ChangeKind.exercise_in:
            return f"{c.exercise} in."
    assert c.before is not None and c.after is not None
    text = f"{c.exercise}: {dose_text(c.before, units)} → {dose_text(c.after, units)}."
    return f"{text} {c.load_why}" if why_load and c.load_why else text  # each reason names the load itself


def week_summary(w: WeekChanges) -> str:
    """`Week 9: now a deload week; Romanian deadlift and Step-up follow the block this review
    shifted; Dumbbell step-up in, Isometric split-squat hold out.` Each lift named (cr25a F16: "1
    dose moves with the block this review shifted" left a runner nothing to act on)."""
    return f"Week {w.index}: {_summary_body(w)}."


def _summary_body(w: WeekChanges) -> str:
    parts = sorted(_week_text(c) for c in w.changes if c.kind in WEEK_KINDS)
    doses = list(dict.fromkeys(c.exercise for c in w.changes if c.kind == ChangeKind.dose and c.exercise))
    others = [c for c in w.changes if c.kind not in WEEK_KINDS and c.kind != ChangeKind.dose]
    if doses:
        verb = "follows" if len(doses) == 1 else "follow"
        parts.append(f"{_names(doses)} {verb} the block this review shifted")
    if others:
        parts.append(_names(list(dict.fromkeys(change_text(c).rstrip(".") for c in others)), joiner=", "))
    return "; ".join(parts)


def _names(items: list[str], most: int = 4, joiner: str = " and ") -> str:
    """`A`, `A and B`, `A, B and C`, `A, B, C, D and 2 more` (with `joiner` ", ": all commas)."""
    shown = items[:most] if len(items) > most + 1 else items
    rest = len(items) - len(shown)
    words = [*shown, f"{rest} more"] if rest else shown
    if len(words) == 1:
        return words[0]
    return ", ".join(words[:-1]) + joiner + words[-1]


def _runs_of_weeks(later: list[tuple[int, Change]]) -> list[Change]:
    """Later weeks with the same summary said once: `Weeks 5-8: Dumbbell step-up in, ...`."""
    runs: list[list[tuple[int, str, dt.date]]] = []
    for index, c in later:
        body = c.text.partition(": ")[2]
        if runs and runs[-1][-1][1] == body and runs[-1][-1][0] == index - 1:
            runs[-1].append((index, body, c.date))
        else:
            runs.append([(index, body, c.date)])
    return [Change(date=run[0][2], text=f"{_weeks_label(run[0][0], run[-1][0])}: {run[0][1]}") for run in runs]


def _weeks_label(first: int, last: int) -> str:
    return f"Week {first}" if first == last else f"Weeks {first}-{last}"


def _week_text(c: PlanChange) -> str:
    if c.kind == ChangeKind.deload_on:
        return "now a deload week"
    if c.kind == ChangeKind.deload_off:
        return "no longer a deload week (the deload cycle restarted)"
    return f"now in the {c.phase.value.replace('_', ' ')} phase"  # type: ignore[union-attr]
