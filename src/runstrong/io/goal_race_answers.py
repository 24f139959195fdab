"""Goal races as typed at the door: `init --goal-race`, init's question and the welcome and
profile pages' field share this reader, and `core.goal_entry` writes them into the dated
running week (goal-race). A goal race is "2027-03-14 half", with its minutes and its name if
the runner likes ("2027-03-14 half 1h35 City Half"); several are separated by ";".
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

GOAL_RACE_HELP = (
    "like 2027-03-14 half, or 2027-03-14 half 1h35 City Half (minutes and name optional; several: a ; between)"
)
_ONE = re.compile(
    r"^(?P<date>\d{4}-\d{1,2}-\d{1,2})[\s:]+(?P<distance>[^\s:]+)"
    r"(?:[\s:]+(?P<minutes>\d+h\d{0,2}(?:m|min)?|\d+:\d{2}|\d+(?:m|min|mins)?)(?=\s|:|$))?"
    r"(?:[\s:]+(?P<name>.+))?$",
    re.IGNORECASE,
)


def goal_races_answer(today: dt.date, start: dt.date | None = None, main: dt.date | None = None) -> Any:
    """A reader of the goal-races answer into DatedRun fields (empty for none): each a date
    after `start` and before the main race's date `main`, with a race distance."""
    from runstrong.core.model import RaceDistance, RunType
    from runstrong.io import answers as q
    from runstrong.io.init_answers import RACE_ALIASES

    distances = q.pick("distance", q.choices_of(RaceDistance), RACE_ALIASES)

    def one(part: str) -> dict[str, Any]:
        m = _ONE.match(part)
        if m is None:
            raise ValueError(f"goal race: {part!r} is not a date and a distance, {GOAL_RACE_HELP}")
        try:
            date = dt.date.fromisoformat("-".join(x.zfill(2) for x in m["date"].split("-")))
        except ValueError:
            raise ValueError(f"goal race: {m['date']!r} is not a date; write it like 2027-03-14") from None
        try:
            distance = distances(m["distance"])
        except ValueError:
            raise ValueError(
                f"goal race: {m['distance']!r} is not a race distance (5k, 10k, half, marathon or ultra)"
            ) from None
        if start is not None and date < start:
            raise ValueError(f"goal race: {date} is before the plan starts ({start}); a later date, or none")
        if main is not None and date >= main:
            raise ValueError(
                f"goal race: {date} is not before your main race ({main}); a goal race comes before it "
                "(a later race is the main race)"
            )
        minutes = q.minutes_answer(m["minutes"]) if m["minutes"] else q.RUN_MINUTES[RunType.race]
        name = " ".join((m["name"] or "").split())[:80]
        return {"date": date, "type": "race", "minutes": minutes, "goal": True, "distance": distance,
                **({"name": name} if name else {})}  # fmt: skip

    def parse(text: str) -> list[dict[str, Any]]:
        parts = [x.strip() for x in text.split(";") if x.strip()]
        if [p.lower() for p in parts] in ([], ["none"], ["no"], ["-"]):
            return []
        races = [one(x) for x in parts]
        if len({r["date"] for r in races}) < len(races):
            raise ValueError("goal race: two goal races on one day; give each day once")
        return sorted(races, key=lambda r: r["date"])

    return parse


def goal_races_text(dated: Any) -> str:
    """The profile's goal races as the field shows them, for editing ("2027-03-14 half 95 City Half")."""
    from runstrong.core.goal_entry import goal_races_in

    return "; ".join(
        " ".join(x for x in (r.date.isoformat(), r.distance.value, str(r.minutes), r.name or "") if x)
        for r in goal_races_in(dated)
    )


def running_with_goal_races(running: Any, races: list[dict[str, Any]]) -> dict[str, Any]:
    """The raw running week (`{"weekly": [...], "dated": [...]}`, or a RunningWeek) with these
    goal races in place of its own (`core.goal_entry.with_goal_races`), as raw fields again."""
    from runstrong.core.goal_entry import with_goal_races
    from runstrong.core.model import DatedRun, RunningWeek

    week = running if isinstance(running, RunningWeek) else RunningWeek.model_validate(running or {})
    return with_goal_races(week, [DatedRun.model_validate(r) for r in races]).model_dump(
        mode="json", exclude_defaults=True
    )
