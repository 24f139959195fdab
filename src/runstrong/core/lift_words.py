"""Exercise names as runners type them, and which lift of the day's session a name means.

A runner logging today's session names its lifts loosely: "side plank" for the session's
Side plank with top-leg lift, "calf raise" for its Dumbbell single-leg calf raise, "iso
split squat" for its Isometric split-squat hold. Such a name once resolved to the library's
plainer lift of that name, so the planned lift showed as not done, an unplanned one appeared
and reps were stored as seconds (coach read 18). `session_lift` finds the one lift of the
day's session a name means (its words, a sub-phrase, word starts, or a close spelling)
before any library look-up; `close_kin` finds the session's lift a library name is close
to, so the runner is asked rather than another lift logged.

Pure: the library and the session's exercise ids come in as arguments.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection

from runstrong.core.library import Library
from runstrong.core.model import Exercise
from runstrong.errors import UserError

# Words runners and coaches abbreviate; expanded word by word before matching.
ABBREVIATIONS: dict[str, str] = {
    "rdl": "romanian_deadlift",
    "rdls": "romanian_deadlift",
    "sl": "single_leg",
    "db": "dumbbell",
    "kb": "kettlebell",
    "bb": "barbell",
    "bw": "bodyweight",
    "rfess": "rear_foot_elevated_split_squat",
    "bss": "rear_foot_elevated_split_squat",
    "bulgarian": "rear_foot_elevated",
    "nordics": "nordic_curl",
    "dl": "deadlift",
}

_CLOSE = 0.8  # how alike a typed name and a session lift's name are to be the same (difflib ratio)


def normalise_name(text: str) -> str:
    """`Romanian Deadlift` and `romanian-deadlift` both become `romanian_deadlift`."""
    text = text.strip().lower().replace("'", "").replace("’", "")
    text = re.sub(r"[^a-z0-9]+", "_", text)
    return text.strip("_")


def expand(name: str) -> str:
    """A normalised name with its abbreviations spelled out: `db_rdl` -> `dumbbell_romanian_deadlift`."""
    return "_".join(ABBREVIATIONS.get(word, word) for word in name.split("_"))


def initials(exercise_id: str) -> str:
    return "".join(word[0] for word in exercise_id.split("_") if word)


def extra_words(name: str, expanded: str, exercise_id: str) -> int | None:
    """How many words `exercise_id` has beyond what the runner typed, when it can be what
    they mean (the typed words inside it, its start or its initials); else None."""
    words = exercise_id.split("_")
    if f"_{expanded}_" in f"_{exercise_id}_" or exercise_id.startswith(expanded):
        return len(words) - len(expanded.split("_"))
    if initials(exercise_id) == name.replace("_", ""):
        return 0
    return None


def word_starts(expanded: str, spelled: str) -> bool:
    """Whether each typed word starts a word of `spelled`, in order: "iso split squat" in
    "isometric split squat hold"."""
    words = iter(spelled.split("_"))
    return all(any(w.startswith(t) for w in words) for t in expanded.split("_"))


def _closeness(name: str, expanded: str, lift: Exercise) -> float | None:
    """How closely a typed name names `lift`, lower is closer: -1 its id or name, the
    number of words beyond the typed ones for a sub-phrase, 50 for word starts, 100 for a
    close spelling; None when it does not name it."""
    spellings = (lift.id, normalise_name(lift.name))
    if expanded in spellings or name in spellings:
        return -1
    fits = [n for s in spellings if (n := extra_words(name, expanded, s)) is not None]
    if fits:
        return min(fits)
    if any(word_starts(expanded, s) for s in spellings):
        return 50
    if any(difflib.SequenceMatcher(None, expanded, s).ratio() >= _CLOSE for s in spellings):
        return 100
    return None


def counts(lift: Exercise, measure: str | None) -> bool:
    """Whether a set typed in `measure` (None: a bare number) can be a set of `lift`."""
    return measure is None or measure == lift.dose.measure


def session_lift(text: str, library: Library, session: Collection[str], measure: str | None,
                 field: str = "exercise") -> Exercise | None:  # fmt: skip
    """The one lift of the day's `session` (exercise ids) that `text` names, None when it
    names none of them. A set typed in another measure than the lift counts (seconds for a
    lift in reps) is not of that lift. Equally close lifts are named, not guessed."""
    name = normalise_name(text)
    expanded = expand(name)
    lifts = [library.get(i) for i in dict.fromkeys(session) if i in library]
    fits = {e.id: n for e in lifts if counts(e, measure) and (n := _closeness(name, expanded, e)) is not None}
    if not fits:
        return None
    best = sorted(i for i, n in fits.items() if n == min(fits.values()))
    if len(best) == 1:
        return library.get(best[0])
    names = ", ".join(library.get(i).name for i in best)
    raise UserError(f"{field}: {text.strip()!r} could be {names} of the day's session; type more of the name")


def close_kin(lift: Exercise, library: Library, session: Collection[str], measure: str | None) -> Exercise | None:
    """The lift of the day's `session` that `lift` (named by the runner, not in the session)
    is a close variant of: the one a step up or down its ladder, or spelled alike; None when
    there is none, or the set's measure says the runner meant `lift`."""
    if lift.id in session:
        return None
    for i in session:
        other = library.get(i) if i in library else None
        if other is None or not counts(other, measure):
            continue
        kin = lift.id in (*other.regressions, *other.progressions) or i in (*lift.regressions, *lift.progressions)
        if kin or difflib.SequenceMatcher(None, lift.id, i).ratio() >= _CLOSE:
            return other
    return None
