"""The one-line set syntax, and exercise names as runners type them.

    rdl 3x8@40kg rpe7            three sets of eight Romanian deadlifts at 40 kg, RPE 7
    side plank 2x30s left        two 30-second holds on the left side
    pogo hops 3x20c              three sets of 20 ground contacts
    farmer carry 2x40m @24kg     two 40-metre carries
    split squat 8,8,7 @bw+10kg rir2 form3 # knee drifts in on the last reps

After the exercise come the sets (`SETSxAMOUNT`, or a comma list of amounts, one per set;
`s` seconds, `c` contacts, `m` metres (or `yd`, `ft`: kept in metres), `r` reps; a bare
number counts what the exercise counts: reps of a lift, seconds of a plank, metres of a
carry, or yards for a runner in imperial units, as their plan prints carries), then in any order: `@LOAD`
(`40kg`, `90lb`, `bw`, `bw+10kg`; a bare number is in the runner's units), `rpeN` or
`rirN`, `left` or `right` (or `3x8/side`, `2x10 each`, `left,right`: the same sets on each
side of a one-sided lift), `formN` (1-5) and `# a note` on form.

Pure: the library and the runner's units come in as arguments. Errors are `UserError`s
that name the field and show the fix.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from runstrong.core.diary import counts_nothing
from runstrong.core.library import Library
from runstrong.core.model import Exercise, Units
from runstrong.errors import UserError

from .lift_words import (
    ABBREVIATIONS,
    close_kin,
    expand,
    extra_words,
    initials,
    normalise_name,
    session_lift,
    word_starts,
)
from .set_text import KG_PER_LB, KM_PER_MILE, M_PER_FOOT, M_PER_YARD, format_load, format_set, format_sets  # noqa: F401

SET_HELP = (
    "write the exercise then the sets, e.g. 'rdl 3x8@40kg rpe7', 'side plank 2x30s left', "
    "'pogo hops 3x20c', 'split squat 8,8,7 @bw rir2 form3 # knees wobble'"
)


def exercise_suggestions(text: str, library: Library, n: int = 5) -> list[str]:
    """The ids closest to `text` (by id, by name, and by the words it contains), after the
    abbreviation a typo of one means ("rdll": rdl)."""
    name = expand(normalise_name(text))
    ids = library.ids()
    short = difflib.get_close_matches(normalise_name(text), ABBREVIATIONS, n=1, cutoff=0.75)
    close = difflib.get_close_matches(name, ids, n=n, cutoff=0.5)
    words = set(name.split("_"))
    by_words = sorted(
        (e for e in ids if words & set(e.split("_"))),
        key=lambda e: (-len(words & set(e.split("_"))), len(e)),
    )
    out: list[str] = []
    for candidate in [*short, *close, *by_words]:
        if candidate not in out:
            out.append(candidate)
    return out[:n]


class SessionLifts(tuple):
    """A tier of `Preference` that is the day's planned session: a name that names one of
    its lifts means that lift before any library look-up (see `lift_words.session_lift`)."""

    __slots__ = ()


Preference = Sequence[Collection[str]]  # tiers of exercise ids a short name is looked for in first


def resolve_exercise(text: str, library: Library, field: str = "exercise", prefer: Preference = (),
                     measure: str | None = None) -> Exercise:  # fmt: skip
    """Find the exercise a runner means: an id, a name, an abbreviation (`rdl`, `db rdl`,
    `sl rdl`), the initials of an id (`rfess`) or a unique start of one (`nordic`).

    A name that names one lift of the day's session (the `SessionLifts` tier of `prefer`:
    its words, a sub-phrase, word starts or a close spelling) is that lift, unless the set's
    `measure` is not what it counts: "side plank 3x8" is the session's Side plank with
    top-leg lift in reps. Only an id typed as such (`side_plank`) names another lift. A
    library lift named in full that the session has a close variant of is asked about, not
    logged. Then a short name means the runner's own lift when `prefer` knows it: its tiers
    (the plan, the kit that fits the runner) are searched in order before the library, so
    `rdl` is the Dumbbell Romanian deadlift a dumbbell runner's plan holds.

    Raises UserError naming `field` with the nearest matches when nothing or more than
    one exercise fits.
    """
    name = normalise_name(text)
    if not name:
        raise UserError(f"{field}: name an exercise first; {SET_HELP}")
    if text.strip().lower() in library:
        return library.get(text.strip().lower())
    session = next((tier for tier in prefer if isinstance(tier, SessionLifts)), SessionLifts())
    mine = session_lift(text, library, session, measure, field)
    if mine is not None:
        return mine
    by_name = {normalise_name(e.name): e for e in library.exercises}
    named = library.get(name) if name in library else by_name.get(name)
    if named is not None:
        _not_in_session(text, named, library, session, measure, field)
        return named
    mine = _preferred(text, name, library, prefer, field)
    if mine is not None:
        return mine
    expanded = expand(name)
    if expanded in library:
        return library.get(expanded)
    if expanded in by_name:
        return by_name[expanded]
    return _by_parts(text, name, expanded, library, field)


def _not_in_session(text: str, lift: Exercise, library: Library, session: SessionLifts, measure: str | None,
                    field: str) -> None:  # fmt: skip
    """Refuse `lift`, named by the runner, when the day's session holds a close variant of it
    instead: which one they did is theirs to say, never a guess."""
    kin = close_kin(lift, library, session, measure)
    if kin is not None:
        raise UserError(
            f"{field}: {lift.name} is not in the day's session; did you mean {kin.name}? Name it "
            f"(e.g. {kin.name.lower()!r}), or type the id {lift.id!r} to log {lift.name} itself"
        )


def _by_parts(text: str, name: str, expanded: str, library: Library, field: str) -> Exercise:
    """The one library lift whose id's initials, start or words the name is; else the refusal."""
    by_initials = [e for e in library.ids() if initials(e) == name.replace("_", "")]
    if len(by_initials) == 1:
        return library.get(by_initials[0])
    starts = [e for e in library.ids() if e.startswith(expanded)]
    if len(starts) == 1:
        return library.get(starts[0])
    inside = [e for e in library.ids() if f"_{expanded}_" in f"_{e}_"]
    if not starts and len(inside) == 1:
        return library.get(inside[0])
    if len(starts) > 1 or len(inside) > 1:
        shortest = sorted(starts or inside, key=len)[:6]
        raise UserError(
            f"{field}: {text.strip()!r} could be {', '.join(shortest)}; type more of the name or the exact id"
        )
    if len(by_initials) > 1:
        raise UserError(f"{field}: {text.strip()!r} could be {', '.join(by_initials[:6])}; type the exact id")
    by_starts = [e.id for e in library.exercises if word_starts(expanded, normalise_name(e.name))]
    if len(by_starts) == 1:  # "iso split squat": the one Isometric split-squat hold
        return library.get(by_starts[0])
    close = exercise_suggestions(text, library)
    hint = f" Did you mean: {', '.join(close)}?" if close else ""
    raise UserError(
        f"{field}: no exercise {text.strip()!r} in the library.{hint} List them with `runstrong exercises -s WORD`."
    )


def _preferred(text: str, name: str, library: Library, prefer: Preference, field: str) -> Exercise | None:
    """The lift of the first tier of `prefer` that the name means: the one its abbreviations
    spell out, else the one with the fewest words beyond it; None when no tier holds one.
    Equally close lifts are named, not guessed."""
    expanded = expand(name)
    spelled = {expanded, *(e.id for e in library.exercises if normalise_name(e.name) == expanded)}
    for tier in prefer:
        ids = [i for i in dict.fromkeys(tier) if i in library]
        fits = {i: n for i in ids if (n := extra_words(name, expanded, i)) is not None}
        fits |= {i: -1 for i in ids if i in spelled}
        if not fits:
            continue
        best = [i for i, n in fits.items() if n == min(fits.values())]
        if len(best) == 1:
            return library.get(best[0])
        names = ", ".join(library.get(i).name for i in sorted(best))
        raise UserError(f"{field}: {text.strip()!r} could be {names}; type more of the name, e.g. {best[0]!r}")
    return None


# ------------------------------------------------------------------------- amounts


class _Measure(NamedTuple):
    """A quantity typed as a number and a unit: its units' factors to the base unit, the unit
    a bare number means for a metric or an imperial runner, and the forms its messages show."""

    noun: str
    factors: dict[str, float]
    metric: str
    imperial: str
    forms: str
    units: str


_LOAD = _Measure(
    "load",
    {"kg": 1.0, "kgs": 1.0, "kilo": 1.0, "kilos": 1.0, "lb": KG_PER_LB, "lbs": KG_PER_LB, "pound": KG_PER_LB,
     "pounds": KG_PER_LB},
    "kg", "lb", "40kg, 90lb, bw or bw+10kg", "kg or lb, e.g. 40kg or 90lb",
)  # fmt: skip
_DISTANCE = _Measure(
    "distance",
    {"km": 1.0, "k": 1.0, "kms": 1.0, "mi": KM_PER_MILE, "mile": KM_PER_MILE, "miles": KM_PER_MILE, "m": 0.001},
    "km", "mi", "8km, 5mi or 800m", "km, mi or m",
)  # fmt: skip


def _amount(raw: str, text: str, units: Units, field: str, measure: _Measure) -> float:
    """A number and its unit (the runner's own unit when none is written) in the base unit."""
    m = re.fullmatch(r"(-?\d+(?:\.\d+)?)([a-z]*)", raw)
    if not m:
        raise UserError(f"{field}: {text!r} is not a {measure.noun}; write {measure.forms}")
    unit = m.group(2) or (measure.imperial if units == Units.imperial else measure.metric)
    if unit not in measure.factors:
        raise UserError(f"{field}: {unit!r} is not a unit of {measure.noun} (in {text!r}); write {measure.units}")
    return float(m.group(1)) * measure.factors[unit]


def parse_load(text: str, units: Units, field: str = "load") -> float | None:
    """`40kg`, `90lb`, `bw`, `bw+10kg`, or a bare number in the runner's units -> kg
    (None for bodyweight alone)."""
    raw = text.strip().lower().replace(" ", "")
    if raw in ("bw", "bodyweight", "body"):
        return None
    added = raw.removeprefix("bodyweight+").removeprefix("bw+")
    kg = _amount(added, text, units, field, _LOAD)
    if kg < 0:
        raise UserError(f"{field}: {text!r} is negative; a load is 0 or more (use bw for bodyweight)")
    if kg > 500:
        raise UserError(f"{field}: {text!r} is more than 500 kg; check the number and the unit")
    return kg


def parse_distance(text: str, units: Units, field: str = "distance") -> float:
    """`8km`, `8 km`, `5mi`, `8 miles`, `800m`, or a bare number in the runner's units -> km.
    The one reader of a typed distance: the CLI's arguments and the web's forms."""
    raw = text.strip().lower().replace(" ", "")
    km = _amount(raw, text, units, field, _DISTANCE)
    if km < 0:
        raise UserError(f"{field}: {text!r} is negative; a distance is 0 or more")
    return km


_MIN = r"(?:m|min|mins|minute|minutes)"


def parse_minutes(text: str, field: str = "minutes") -> float:
    """`45`, `45min`, `65 minutes`, `1h05`, `1 h 5 min`, `1:05:00` or `52:30` -> minutes.
    The one reader of a typed duration: the CLI's arguments and the web's forms."""
    raw = text.strip().lower().replace(" ", "")
    try:
        if m := re.fullmatch(rf"(\d+(?:\.\d+)?){_MIN}?", raw):
            minutes = float(m.group(1))
        elif m := re.fullmatch(rf"(\d+)(?:h|hr|hrs|hour|hours)(?:(\d+){_MIN}?)?", raw):
            minutes = int(m.group(1)) * 60 + _under_sixty(int(m.group(2) or 0), text, field, "minutes", int(m.group(1)))
        elif m := re.fullmatch(r"(\d+):(\d{2})(?::(\d{2}))?", raw):
            if m.group(3) is None:  # mm:ss
                minutes = int(m.group(1)) + _under_sixty(int(m.group(2)), text, field, "seconds") / 60
            else:
                hours, mins = int(m.group(1)), _under_sixty(int(m.group(2)), text, field, "minutes", int(m.group(1)))
                minutes = hours * 60 + mins + _under_sixty(int(m.group(3)), text, field, "seconds") / 60
        else:
            raise ValueError
    except ValueError:
        raise UserError(f"{field}: {text!r} is not a duration; write 45, 45min, 1h10 or 1:10:00") from None
    return minutes


def _under_sixty(part: int, text: str, field: str, unit: str, hours: int | None = None) -> int:
    """A clock's minutes or seconds run 0-59: `4h99` is a slip (for 4h09? 4h59?), not 339 minutes."""
    if part < 60:
        return part
    hint = ""
    if hours is not None:
        total = hours * 60 + part
        hint = f"; for {total} minutes write {total // 60}h{total % 60:02d} or {total}"
    raise UserError(f"{field}: {text!r} has {part} {unit}, and {unit} run 0-59{hint}")


# ------------------------------------------------------------------------ set lines


@dataclass(frozen=True)
class SetLine:
    """A parsed `--set` line: the exercise and one dict of SetLog fields per set."""

    exercise: Exercise
    sets: tuple[dict, ...]


_SETS_X = re.compile(r"^(\d+)x(-?\d+(?:\.\d+)?)([a-z]*)$")
_LIST = re.compile(r"^(-?\d+(?:\.\d+)?(?:,-?\d+(?:\.\d+)?)+)([a-z]*)$")
_MEASURE = {"": "reps", "r": "reps", "reps": "reps", "s": "seconds", "sec": "seconds", "secs": "seconds",
            "c": "contacts", "contacts": "contacts", "m": "distance_m", "yd": "distance_m", "yds": "distance_m",
            "yard": "distance_m", "yards": "distance_m", "ft": "distance_m", "feet": "distance_m"}  # fmt: skip
_METRES = {"yd": M_PER_YARD, "yds": M_PER_YARD, "yard": M_PER_YARD, "yards": M_PER_YARD, "ft": M_PER_FOOT,
           "feet": M_PER_FOOT}  # a distance is stored in metres, whatever it was typed in  # fmt: skip
_EXAMPLE = {"reps": "3x8", "seconds": "3x30s", "contacts": "3x20c", "distance_m": "2x40m"}
_SIDES = {"left": "left", "l": "left", "right": "right", "r": "right"}
_BOTH = "both"  # sets done on each side: logged as the same sets on the left and on the right
_PER_SIDE = re.compile(r"\s*/\s*(?:side|leg|arm)\b|\s+(?:each|per|a)\s+(?:side|leg|arm)\b|\s+each\b"
                       r"|\s+(?:left\s*,\s*right|right\s*,\s*left|both\s+sides)\b")  # fmt: skip


def _tidy(line: str) -> str:
    line = line.strip().lower()
    line = re.sub(r"(\d)\s*[x×*]\s*(-?\d)", r"\1x\2", line)  # 3 x 8 -> 3x8
    line = re.sub(r"(\d+x\d+(?:\.\d+)?)\s+(contacts|yards|yard|yds|yd|m|s)\b", r"\1\2", line)  # 3x30 m -> 3x30m
    line = re.sub(r"@\s+", "@", line)  # @ 40kg -> @40kg
    line = re.sub(r"(@[^\s]*\d)\s+(kg|kgs|lb|lbs)\b", r"\1\2", line)  # @40 kg -> @40kg
    line = re.sub(r"\b(rpe|rir|form|q)\s+(\d)", r"\1\2", line)  # rpe 7 -> rpe7
    line = re.sub(r"(\S)@", r"\1 @", line)  # 3x8@40 -> 3x8 @40, 3x30m@14kg -> 3x30m @14kg
    return _PER_SIDE.sub(f" {_BOTH}", line)  # 3x8/side, 2x10 each, left,right -> both


def _amounts(token: str, line: str) -> tuple[str | None, list[float]] | None:
    """The measure a token of sets names (None for a bare number: the exercise's own) and
    its amounts; None when the token is no sets."""
    if m := _SETS_X.match(token):
        count, amount, unit = int(m.group(1)), float(m.group(2)), m.group(3)
        if count < 1 or count > 20:
            raise UserError(f"sets: {count} in {line!r}; log 1 to 20 sets per line ({SET_HELP})")
        values = [amount] * count
    elif m := _LIST.match(token):
        values, unit = [float(v) for v in m.group(1).split(",")], m.group(2)
    else:
        return None
    if unit and unit not in _MEASURE:
        raise UserError(
            f"set: {unit!r} in {token!r} is not a measure; write reps as 3x8, seconds as 3x30s, "
            "contacts as 3x20c, a distance as 2x40m or 2x44yd"
        )
    return _MEASURE[unit] if unit else None, [round(v * _METRES.get(unit, 1.0), 2) for v in values]


def _checked(measure: str, values: list[float], token: str, line: str) -> list[float]:
    for v in values:
        if v < 0:
            raise UserError(f"{measure}: {v:g} in {line!r} is negative; count more than 0 (e.g. {_EXAMPLE[measure]})")
        if v == 0:
            raise UserError(f"{measure}: {token!r} in {line!r}: {counts_nothing(measure)} (e.g. {_EXAMPLE[measure]})")
        if measure != "distance_m" and v != int(v):
            raise UserError(f"{measure}: {v:g} in {line!r} must be a whole number")
    return values


def parse_set_line(line: str, library: Library, units: Units = Units.metric, prefer: Preference = ()) -> SetLine:
    """Parse `rdl 3x8@40kg rpe7` into the exercise and one dict of SetLog fields per set
    (a short name looked for in `prefer` first: see `resolve_exercise`)."""
    line, _, note = line.partition("#")
    tidy = _tidy(line)
    tokens = tidy.split()
    found = next(((i, a) for i, t in enumerate(tokens) if (a := _amounts(t, line.strip()))), None)
    if found is None:
        raise UserError(f"set: no sets in {line.strip()!r}; {SET_HELP}")
    index, (typed, values) = found
    exercise = resolve_exercise(" ".join(tokens[:index]), library, prefer=prefer, measure=typed)
    measure = typed or exercise.dose.measure  # a bare number counts what the exercise counts: 3x30 of a carry is metres
    if typed is None and measure == "distance_m" and units == Units.imperial:  # yards, as the plan prints them
        values = [round(v * M_PER_YARD, 2) for v in values]
    _checked(measure, values, tokens[index], line.strip())
    common: dict = {"load_kg": None, "side": None}
    for token in tokens[index + 1 :]:
        _apply_option(token, common, units, line.strip())
    if "rpe" in common and "rir" in common:
        raise UserError(f"rir: give RPE or RIR, not both (in {line.strip()!r})")
    if note.strip():
        common["form_note"] = note.strip()
    sides = _sides(common.pop("side"), exercise, line.strip())
    sets = tuple(
        {"exercise_id": exercise.id, "set_number": n, measure: int(v) if measure != "distance_m" else v, **common,
         "side": side}
        for side in sides for n, v in enumerate(values, start=1)
    )  # fmt: skip
    return SetLine(exercise=exercise, sets=sets)


def _sides(side: str | None, exercise: Exercise, line: str) -> tuple[str | None, ...]:
    """The sides a line's sets were done on: one, none, or each side of a one-sided lift
    ("3x8/side", "2x10 each": the same sets on the left and on the right). An alternating
    drill dosed per side (bird dog, bridge march) logs "3x8/side" as the plan prints it:
    three sets of 8 a side, both sides in each set, as `--as-planned` logs them."""
    if side != _BOTH:
        return (side,)
    if not exercise.unilateral and exercise.dose.per_side:
        return (None,)
    if not exercise.unilateral:
        raise UserError(f"side: {exercise.name} works both sides at once; drop '/side' or 'each' (in {line!r})")
    return ("left", "right")


def _apply_option(token: str, out: dict, units: Units, line: str) -> None:
    if token.startswith("@"):
        out["load_kg"] = parse_load(token[1:], units)
    elif m := re.fullmatch(r"rpe(-?\d+(?:\.\d+)?)", token):
        out["rpe"] = _scale(float(m.group(1)), "rpe", 1, 10, line, "RPE 1-10, e.g. rpe7 or rpe7.5")
    elif m := re.fullmatch(r"rir(-?\d+)", token):
        out["rir"] = int(_scale(float(m.group(1)), "rir", 0, 10, line, "reps in reserve 0-10, e.g. rir2"))
    elif m := re.fullmatch(r"(?:form|q)(-?\d+)", token):
        out["form_quality"] = int(_scale(float(m.group(1)), "form_quality", 1, 5, line, "form 1-5, e.g. form4"))
    elif token in _SIDES or token == _BOTH:
        if out["side"] not in (None, _SIDES.get(token, token)):
            raise UserError(f"side: {line!r} names two sides; write one line per side, or '3x8/side' for both")
        out["side"] = _SIDES.get(token, token)
    elif re.fullmatch(r"\d+(?:\.\d+)?(?:kg|kgs|lb|lbs)", token):
        out["load_kg"] = parse_load(token, units)
    else:
        raise UserError(
            f"set: {token!r} in {line!r} is not understood; after the sets write @load (40kg, 90lb, bw), "
            "rpeN or rirN, left, right or /side (both sides), formN (1-5) and '# a note'"
        )


def _scale(value: float, field: str, low: float, high: float, line: str, how: str) -> float:
    if not low <= value <= high:
        raise UserError(f"{field}: {value:g} in {line!r} is out of range; write {how}")
    return value
