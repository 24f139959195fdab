"""Cues that name only the furniture the runner has (cr25a F14).

The library's cues offer the pieces of furniture any one of which will do ("Sit back to the
chair or bench", "Back foot laces-down on a bench, chair or sofa"), and a few name one that
only helps ("Touch a wall for balance at first"). A runner who listed a chair and no bench was
told "chair or bench". A plan's cues now keep, of such a list, only the pieces the runner has
(the furniture listed, else a home's: a stair, a chair, a sofa or bed and a wall; a gym has
all), and leave out a cue whose only furniture the runner lacks. Other words of a list (a
plate, stacked cushions) stay: they are not furniture the runner was asked about.

Pure: the runner's items come in as a value.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from .model import AthleteProfile, Block, Session, Week
from .vocab import FURNITURE, Item, spoken_list

# the words a cue names furniture by
NOUNS = {"bench": Item.bench, "chair": Item.chair, "sofa": Item.sofa, "bed": Item.sofa, "wall": Item.wall,
         "step": Item.step, "stair": Item.step}  # fmt: skip
_NOUN = r"(?:bench|chair|sofa|bed|wall|step|stair)"
_OTHER = r"(?:plate|stacked cushions|cushions?|book)"
_ALT = rf"(?:(?:a|an|the)\s+)?(?:(?:low|sturdy)\s+)?(?:{_NOUN}|{_OTHER})(?:'s edge|\s+seat|\s+edge)?"
_LIST = re.compile(rf"\b{_ALT}(?:(?:,\s+|\s+or\s+){_ALT})+\b")
_SPLIT = re.compile(r",\s+|\s+or\s+")
_ARTICLE = re.compile(r"^(a|an|the)\s+")
# one piece named as a thing, not the verb "step": after an article or "low"
_ONE = re.compile(rf"\b(?:a|an|the|low)\s+(?:low\s+|sturdy\s+)?({_NOUN})\b")


def _item(alternative: str) -> Item | None:
    found = re.search(rf"\b{_NOUN}\b", alternative)
    return NOUNS[found.group(0)] if found else None


def _kept_list(match: re.Match[str], has: frozenset[Item]) -> str:
    """A list of what will do, with only the pieces of furniture the runner has (its other
    words kept); the list as it was when nothing of it is left (the cue is then left out)."""
    alternatives = _SPLIT.split(match.group(0))
    kept = [a for a in alternatives if (i := _item(a)) is None or i in has]
    if len(kept) == len(alternatives) or not kept:
        return match.group(0)
    shared = _ARTICLE.match(alternatives[0])  # "the chair or bench": "the" is both's, unless each has its own
    if shared and not any(_ARTICLE.match(a) for a in alternatives[1:]) and not _ARTICLE.match(kept[0]):
        kept[0] = f"{shared.group(1)} {kept[0]}"
    return spoken_list(kept, "or")


def furnished(cue: str, has: frozenset[Item]) -> str | None:
    """`cue` naming only the furniture in `has`; None when it still names a piece that is not
    there (a list with none of its pieces, a piece named alone: the cue is left out).

    >>> has = frozenset({Item.chair, Item.step, Item.wall})
    >>> furnished("Sit back to the chair or bench on one leg, slowly", has)
    'Sit back to the chair on one leg, slowly'
    >>> furnished("Back foot laces-down on a bench, chair or sofa", frozenset({Item.sofa}))
    'Back foot laces-down on a sofa'
    >>> furnished("Touch a wall for balance at first", frozenset({Item.chair})) is None
    True
    """
    if not any(noun in cue for noun in NOUNS):  # most cues name no furniture: no pattern to run
        return cue
    said = _LIST.sub(lambda m: _kept_list(m, has), cue)
    named = {NOUNS[n] for n in _ONE.findall(said)} | {i for m in _LIST.finditer(said) for a in _SPLIT.split(m.group(0))
                                                      if (i := _item(a)) is not None}  # fmt: skip
    return None if named - has else said


def furnished_cues(cues: Sequence[str], has: frozenset[Item]) -> list[str]:
    """`cues` naming only the furniture in `has`, those naming none of it left out (all kept
    when that would leave none)."""
    return [c for c in (furnished(cue, has) for cue in cues) if c is not None] or list(cues)


def runner_furniture(profile: AthleteProfile) -> frozenset[Item]:
    """The furniture the runner has: listed, else a home's (a gym has every piece)."""
    return profile.equipment_items & FURNITURE


def with_furniture_words(weeks: Sequence[Week], profile: AthleteProfile,
                         lived: frozenset[dt.date] = frozenset()) -> list[Week]:  # fmt: skip
    """`weeks` whose blocks' cues name only furniture the runner has (weeks already lived are
    left as they were planned); the same weeks when the runner has every piece (a gym)."""
    has = runner_furniture(profile)
    if has == FURNITURE:
        return list(weeks)
    said: dict[int, list[str]] = {}  # per cue list: blocks dosed alike share one
    out = []
    for w in weeks:
        if w.start_date in lived:
            out.append(w)
            continue
        sessions = [_session(s, has, said) for s in w.sessions]
        same = all(a is b for a, b in zip(sessions, w.sessions, strict=True))
        out.append(w if same else w.model_copy(update={"sessions": sessions}))
    return out


def _session(s: Session, has: frozenset[Item], said: dict[int, list[str]]) -> Session:
    blocks = [_block(b, has, said) for b in s.blocks]
    return s if all(a is b for a, b in zip(blocks, s.blocks, strict=True)) else s.model_copy(update={"blocks": blocks})


def _block(b: Block, has: frozenset[Item], said: dict[int, list[str]]) -> Block:
    cues = said.get(id(b.cues))
    if cues is None:
        cues = furnished_cues(b.cues, has)
        said[id(b.cues)] = cues
    return b if cues == b.cues else b.model_copy(update={"cues": cues})
