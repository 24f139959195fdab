"""A reviewed week in a coach's short words: what the roster's Flags column shows for an
athlete's last completed week, and what `review --all`'s line leads with (`weekly-review`:
the coach's view surfaces last week's flags, cr26a F9).

Each flag is short, names its area or categories, and cites the rule of the review step it
came from: pain above the acceptable zone or not settled (`review-pain`), a pain ladder held
or stepped down (`pain-graded-return`), sessions missed (`review-missed-sessions`), signs of
overreaching and a deload (`overreaching-signs`, `monotony-strain`, ...), a hold and why
(`review-hold`), a cut (`review-reduce`), nothing new next week (`nothing-new-after-a-flare`).

Pure: a `Review` in, `Flag`s out; the store keeps them per week (`store/week_flags.py`).
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Category, PainArea
from ..vocab import AREA_NAME, CATEGORY_NAME
from .values import Flag, Review, ReviewDecision

WORDS = 1  # the flags' wording: raise it when they say anything new, and stored rows are worked out again
# the review's own flags that are signs of fatigue or overreaching: kept, in their first words
FATIGUE_KINDS = ("soreness", "running", "wellness", "monotony", "run-spike", "sleep", "appetite", "session-effort",
                 "strength-days", "effort", "form")  # fmt: skip
_RUNG = re.compile(r"rung (\d+) of (\d+)")
# why a category is held or cut, by the first rule its decision cites that names a cause
_WHY = {
    "review-missed-sessions": "sets missed",
    "review-pain-cut": "pain",
    "review-pain": "pain",
    "form-gates-progression": "form slipping",
    "review-sleep-appetite": "short sleep or low appetite",
    "wellness-baseline": "wellness below usual",
    "overreaching-signs": "signs of overreaching",
    "monotony-strain": "days much alike",
    "review-hold": "effort above target",
    "review-reduce": "fatigue",
}


def area_of(scope: str) -> str | None:
    """The painful area a decision is about (its scope), in words; None for any other scope."""
    return AREA_NAME[PainArea(scope)] if scope in PainArea.__members__ else None


def category_of(scope: str) -> str | None:
    return CATEGORY_NAME[Category(scope)] if scope in Category.__members__ else None


def first_words(text: str) -> str:
    """A flag's or decision's text up to its first explanation (a colon, bracket or semicolon)."""
    cut = re.split(r": | \(|; ", text, maxsplit=1)[0]
    return cut.rstrip(".")


_SETTLES = re.compile(r"while the (.+?) settles")
_CUT = re.compile(r"cut about (\d+)%")


def why_held(d: ReviewDecision) -> str:
    """Why a category is held or cut, in a few words (the painful area it waits for, else the
    decision's first causal rule), with the size of a cut: 'about 25%: knee pain'."""
    cut = _CUT.search(d.text)
    size = f"about {cut.group(1)}%: " if cut and d.action == "reduce" else ""
    area = _SETTLES.search(d.text)
    if area:
        return f"{size}{area.group(1)} pain"
    return size + _cause(d)


def _cause(d: ReviewDecision) -> str:
    for rule in d.rule_ids:
        if rule in _WHY and not (rule == "review-hold" and any(r in _WHY for r in d.rule_ids if r != rule)):
            return _WHY[rule]
    return first_words(d.text.split(": ", 1)[-1])


def pain_step(d: ReviewDecision) -> str:
    """A pain area's decision as a short phrase: 'down to rung 1 of 4', 'stays on rung 2 of 4: no pain report'."""
    rung = _RUNG.search(d.text)
    where = f"rung {rung.group(1)} of {rung.group(2)}" if rung else "its rung"
    if d.action == "regress":
        return f"down to {where} of its return ladder"
    if d.action == "exclude":
        return "work that loads it left out"
    if d.action == "hold":
        return f"held on {where}: not settled by the next morning"
    cause = "no pain report this week" if "no pain report" in d.text else "the rung's own work not done"
    return f"stays on {where} of its return ladder: {cause}"


def _pain_flags(review: Review) -> list[Flag]:
    """Pain above the zone or not settled (the review's own words, shortened), then each area's
    ladder step that is not a climb."""
    out = [Flag(kind="pain", text=pain_words(f.text), rule_id=f.rule_id) for f in review.flags if f.kind == "pain"]
    for d in review.decisions:
        area = area_of(d.scope)
        if area is None or d.action in ("progress", "note"):
            continue
        rule = "pain-graded-return" if "pain-graded-return" in d.rule_ids else d.rule_ids[0]
        out.append(Flag(kind="pain", text=f"{area.capitalize()}: {pain_step(d)}", rule_id=rule))
    return out


_PAIN = re.compile(r"^(?P<area>.+?) pain(?P<side> \((?:left|right)\))? up to (?P<score>\d+)/10")


def pain_words(text: str) -> str:
    """A pain flag in short: 'Knee (left) 6/10, above the zone'."""
    found = _PAIN.match(text)
    if found is None:
        return first_words(text)
    return f"{found['area']}{found['side'] or ''} {found['score']}/10" + _zone(text)


def _zone(text: str) -> str:
    """What a pain flag says about the zone, in a few words."""
    for said, short in (("above the acceptable zone", ", above the zone"), ("next morning", ", not settled"),
                        ("bone stress", ", at a bone stress site")):  # fmt: skip
        if said in text:
            return short
    return ""


def _grouped(review: Review, action: str, head: str, kind: str) -> list[Flag]:
    """Category decisions of one action, one flag per cause: 'Hold posterior chain, core: sets missed'."""
    by_why: dict[str, list[ReviewDecision]] = {}
    for d in review.decisions:
        if d.action == action and category_of(d.scope):
            by_why.setdefault(why_held(d), []).append(d)
    return [
        Flag(
            kind=kind,
            text=f"{head} {_names([category_of(d.scope) or '' for d in ds])}{_by(why)}",
            rule_id=ds[0].rule_ids[0],
        )
        for why, ds in by_why.items()
    ]


def _by(why: str) -> str:
    """': knee pain', or ' by about 25%: knee pain' for a cut."""
    return f" by {why}" if why.startswith("about ") else f": {why}"


def _names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _lifts(review: Review, library: Any) -> list[Flag]:
    """Lifts regressed or left out (an exercise's scope), by name."""
    out = []
    for action, words in (("regress", "Regress"), ("exclude", "Leave out")):
        names = [_lift_name(d.scope, library) for d in review.decisions if d.action == action and _is_lift(d.scope)]
        if names:
            rule = next(d.rule_ids[0] for d in review.decisions if d.action == action and _is_lift(d.scope))
            out.append(Flag(kind="regress", text=f"{words} {_names(names)}", rule_id=rule))
    return out


def _is_lift(scope: str) -> bool:
    return scope != "week" and area_of(scope) is None and category_of(scope) is None


def _lift_name(scope: str, library: Any) -> str:
    try:
        return library.get(scope).name if library is not None else scope.replace("_", " ")
    except KeyError:
        return scope.replace("_", " ")


def coach_flags(review: Review, library: Any = None) -> list[Flag]:
    """The week's flags a coach acts on, most pressing first; none for a week that went as planned."""
    m = review.metrics
    out = _pain_flags(review)
    if m.done_sessions < m.planned_sessions:
        text = f"{m.done_sessions} of {m.planned_sessions} sessions done"
        out.append(Flag(kind="missed", text=text, rule_id="review-missed-sessions"))
    deload = next((d for d in review.decisions if d.action == "deload"), None)
    if deload is not None:
        out.append(
            Flag(kind="deload", text=f"Deload next week: {first_words(deload.text)}", rule_id=deload.rule_ids[0])
        )
    out += [Flag(kind=f.kind, text=first_words(f.text), rule_id=f.rule_id)
            for f in review.flags if f.kind in FATIGUE_KINDS]  # fmt: skip
    out += _grouped(review, "reduce", "Cut", "reduce") + _grouped(review, "hold", "Hold", "hold")
    out += _lifts(review, library)
    if any(d.scope == "week" and d.action == "wait" and d.text.startswith("Nothing new") for d in review.decisions):
        out.append(Flag(kind="nothing-new", text="Nothing new next week", rule_id="nothing-new-after-a-flare"))
    return out
