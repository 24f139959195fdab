"""`--pain` as a runner types it: `knee=5 left during from=split_squat note=sharp on stairs`.

The area and score come first; a side word (left, right, both, none), a timing word
(during, after, next_morning or "morning"), `from=` the exercise (any name the set lines
accept) or run type that provoked it, and `note=` the rest of the text, all optional.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import click

from runstrong.errors import UserError

if TYPE_CHECKING:
    from runstrong.core.diary import PainReport

PAIN_HELP = (
    "Pain as AREA=SCORE (0 = none ... 10 = worst), then optionally a side (left, right, both, none), when "
    "(during, after, next_morning), from=EXERCISE or run type, note=TEXT; e.g. "
    "--pain 'knee=5 left during from=split_squat'. Repeatable. Areas: achilles, calf, knee, hip, lower_back, "
    "hamstring, foot, shin."
)
WHEN_WORDS = {"during": "during", "after": "after", "next_morning": "next_morning", "morning": "next_morning"}


def pain_option(f):  # type: ignore[no-untyped-def]
    return click.option("--pain", "pains", multiple=True, metavar="'AREA=0-10 [SIDE] [WHEN] ...'", help=PAIN_HELP)(f)


def _word(text: str) -> str:
    return text.strip().lower().replace(" ", "_").replace("-", "_")


def _area(area: str, value: str) -> str:
    from runstrong.core.model import PainArea

    if area in PainArea._value2member_map_:
        return area
    import difflib

    close = difflib.get_close_matches(area, list(PainArea._value2member_map_), n=1)
    hint = f"did you mean {close[0]}? " if close else ""
    raise UserError(f"--pain: {area!r} is not a pain area; {hint}areas: {', '.join(a.value for a in PainArea)}")


def _provoked_by(text: str) -> str:
    """A run type as it is, else the exercise the name means (as the set lines resolve it)."""
    from runstrong.core.setline import resolve_exercise
    from runstrong.core.vocab import RunType
    from runstrong.io.data_files import load_library

    if _word(text) in RunType._value2member_map_:
        return _word(text)
    return resolve_exercise(text.replace("_", " "), load_library(), field="--pain from=").id


def parse_pain(value: str, day: dt.date, today: dt.date) -> Any:
    """One `--pain` value as a validated PainReport; a UserError names what is wrong."""
    from runstrong.cli.diary_common import entry_from_options
    from runstrong.core.diary import PAIN_SIDES, PainReport

    text, _, note = value.partition("note=")
    head, *rest = text.split() or [""]
    area, sep, score = head.partition("=")
    if not sep or not score.strip().lstrip("-").isdigit():
        raise UserError(f"--pain: {value!r}; write AREA=SCORE with a score 0-10, e.g. --pain 'knee=3 left during'")
    data: dict[str, Any] = {"date": day, "area": _area(_word(area), value), "score": int(score)}
    for token in rest:
        word = _word(token)
        if word in PAIN_SIDES:
            data["side"] = word
        elif word in WHEN_WORDS:
            data["when"] = WHEN_WORDS[word]
        elif word.startswith("from="):
            data["provoked_by"] = _provoked_by(token.partition("=")[2])
        else:
            raise UserError(
                f"--pain: {token!r} in {value!r} is not a side (left, right, both, none), a time (during, after, "
                "next_morning), from=EXERCISE or note=TEXT"
            )
    if note.strip():
        data["note"] = note.strip()
    return entry_from_options(PainReport, data, today, {"score": "--pain", "note": "--pain note="})


def parse_pains(values: tuple[str, ...], day: dt.date, today: dt.date) -> list[Any]:
    return [parse_pain(v, day, today) for v in values]


def pain_argument(p: Any) -> str:
    """A stored-to-be PainReport typed back as one `--pain` value (what `parse_pain` reads)."""
    words = [f"{p.area.value}={p.score}", p.side or "", p.when or "", f"from={p.provoked_by}" if p.provoked_by else ""]
    text = " ".join(w for w in words if w)
    return f"{text} note={p.note}" if p.note else text


def pain_alone(pains: Any, day: dt.date, today: dt.date) -> str:
    """What a refused log says when it carried pain: nothing was kept, and the command that
    logs the pain by itself (a runner who does not retry the sets still keeps the report)."""
    if not pains:
        return ""
    date = "" if day == today else f" --date {day.isoformat()}"
    args = " ".join(f"--pain {pain_argument(p)!r}" for p in pains)
    return f"\nNothing was logged, the pain report included. Log the pain alone with: runstrong wellness{date} {args}"


def counted_for(p: PainReport, logged: dt.date) -> str:
    """For a check-in's report dated to the training it names: the day it counts for."""
    return f" (counted for {p.date:%a %d %b}, the day of that training)" if p.date != logged else ""
