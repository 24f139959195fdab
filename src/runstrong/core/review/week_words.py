"""A review speaks from the week it read: "this week" is that week, "next week" the one it
changes. What it changes is shown again inside the week it changes, as that week's own note
(the plan's week notes, which the terminal, the web pages, markdown and JSON all print),
where the same words point a week off: "Posterior chain: hold next week at this week's dose"
inside the week held. `as_said_in` puts a review's words in the week they are shown in."""

from __future__ import annotations

import datetime as dt
import re

# "next week", "this week('s)", "last week" and "this dose", not "the next week with a session"
# (the first week after the review that holds one: the same words from any week)
_RELATIVE = re.compile(r"(?<!the )\b(this|next|last) week\b|\bthis dose\b", re.IGNORECASE)
_OFFSET = {"last": -1, "this": 0, "next": 1}
_WEEK = dt.timedelta(days=7)


def _named(monday: dt.date, shown: dt.date) -> str:
    """A week as a note shown in the week starting `shown` names it."""
    if monday == shown:
        return "this week"
    if monday == shown - _WEEK:
        return "last week"
    if monday == shown + _WEEK:
        return "next week"
    return f"the week of {monday:%d %b}"


def as_said_in(text: str, reviewed: dt.date, shown: dt.date) -> str:
    """`text`, which the review of the week starting `reviewed` wrote, as a note of the week
    starting `shown`: each week it names, named from there (the same text when they are one)."""
    if reviewed == shown:
        return text

    def swap(m: re.Match[str]) -> str:
        said = m.group(0)
        if m.group(1) is None:  # "this dose": the reviewed week's
            out = _named(reviewed, shown) + "'s dose"
        else:
            out = _named(reviewed + _OFFSET[m.group(1).lower()] * _WEEK, shown)
        return out[0].upper() + out[1:] if said[0].isupper() else out

    return _RELATIVE.sub(swap, text)
