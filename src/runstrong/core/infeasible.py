"""Why a week cannot hold its sessions, said so the runner can fix it."""

from __future__ import annotations

from runstrong.errors import UserError

from .phases import WeekFrame, most_spaced
from .placement import sessions_word
from .schedule import DayInfo


class InfeasibleWeekError(UserError):
    """No placement of the week's sessions satisfies the hard rules."""


def infeasible_message(
    frame: WeekFrame,
    n: int,
    blocked: list[tuple[str, frozenset[str]]],
    allow_double: bool,
    days: tuple[DayInfo, ...],
    min_days: int,
) -> str:
    """The week, what rules out each day, and the ways out (the field to change first)."""
    open_days = [d for d in days if d.available]
    if most_spaced(sorted(d.date.weekday() for d in open_days), min_days) < n:
        names = ", ".join(d.date.strftime("%a").lower() for d in open_days) or "none this week"
        return (
            f"available_days: week {frame.index} (from {frame.start}) has {names} to train on, which cannot hold "
            f"{sessions_word(n)} with a day between them. Ways out: add a training day that is not next to "
            "these to available_days; or run `runstrong plan --least-bad` to accept fewer sessions, with a warning."
        )
    lines = [
        f"running.weekly / available_days: week {frame.index} (from {frame.start}) has no way to place "
        f"{sessions_word(n)} of strength on non-consecutive days under the hard rules.",
    ]
    if blocked:
        lines.append("Days ruled out:")
        lines += [f"  - {line}" for line, _ in blocked]
    ways = ["move one of the runs named above to another day", "add training days to available_days"]
    if not allow_double and any("no-heavy-near-speed" in rules for _, rules in blocked):  # what double days open
        ways.append("allow double days (allow_double_days = true) to lift after a speed run or the long run")
    ways.append("or run `runstrong plan --least-bad` to accept fewer sessions that week, with a warning")
    lines.append("Ways out: " + "; ".join(ways) + ".")
    return "\n".join(lines)
