"""A week's notes as a whole-plan read shows them: a note that holds for a run of weeks is
said once, in the first, naming the weeks ("Weeks 7-20: ..."), not word for word in each.

Every renderer that shows several weeks' notes (terminal, markdown, booklet) reads them
here; a week shown alone keeps all its notes. The plan's data (JSON) keeps each week's own.
"""

from __future__ import annotations

from collections.abc import Sequence

from runstrong.core.model import Reason, Week, why


def said_once(weeks: Sequence[Week]) -> dict[int, list[Reason]]:
    """Each shown week's notes (by its index), a note repeated word for word over consecutive
    shown weeks said in the first of them only, with the weeks it holds for."""
    out: dict[int, list[Reason]] = {}
    for k, week in enumerate(weeks):
        notes: list[Reason] = []
        for r in dict.fromkeys(week.reasons):  # a note twice in one week is said once
            if k and _holds(weeks[k - 1], week, r):
                continue  # said with the run of weeks it belongs to
            last = k
            while last + 1 < len(weeks) and _holds(weeks[last], weeks[last + 1], r):
                last += 1
            if last == k:
                notes.append(r)
            else:
                notes.append(why(r.rule_id, f"Weeks {week.index}-{weeks[last].index}: {r.text}"))
        out[week.index] = notes
    return out


def _holds(before: Week, week: Week, r: Reason) -> bool:
    """Whether `r` is said in `week` and in `before`, the week just before it."""
    return week.index == before.index + 1 and r in week.reasons and r in before.reasons


def unique_reasons(reasons: Sequence[Reason]) -> list[dict[str, str]]:
    """The reasons as the booklet lists them, each (rule, sentence) once."""
    seen: dict[tuple[str, str], None] = {}
    for r in reasons:
        seen.setdefault((r.rule_id, r.text), None)
    return [{"rule_id": rid, "text": text} for rid, text in seen]
