"""How a runner's typed answers are read, by `runstrong init`, `runstrong assess` and the welcome page.

Each parser is a plain function from the typed text to a value; each raises ValueError
with a hint that names the answer and how to write it. The terminal asks with
`cli.prompts.Asker`; the web shows the same hint under the field.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterable
from enum import Enum
from typing import TypeVar

from runstrong.core.model import RunType, Units, Weekday
from runstrong.io.field_errors import date_words

T = TypeVar("T")
KG_PER_LB = 0.45359237
CM_PER_IN = 2.54
SKIP = "skip"


def field_bounds(model: type, name: str) -> tuple[float | None, float | None]:
    """The (low, high) limits a pydantic field declares, so hints and checks follow the model."""
    lo = hi = None
    for m in model.model_fields[name].metadata:  # type: ignore[attr-defined]
        lo = getattr(m, "ge", getattr(m, "gt", lo))
        hi = getattr(m, "le", getattr(m, "lt", hi))
    return lo, hi


def whole(name: str, lo: int, hi: int, unit: str = "") -> Callable[[str], int]:
    hint = f"{name}: a whole number from {lo} to {hi}{' ' + unit if unit else ''}"

    def parse(text: str) -> int:
        t = text.strip().lower().removesuffix(unit).strip() if unit else text.strip()
        if not re.fullmatch(r"[-+]?\d+", t):
            raise ValueError(f"{hint} (got {text.strip()!r})" if text.strip() else hint)
        value = int(t)
        if not lo <= value <= hi:
            raise ValueError(f"{hint} (got {value})")
        return value

    return parse


def decimal(name: str, lo: float, hi: float) -> Callable[[str], float]:
    hint = f"{name}: a number from {lo:g} to {hi:g}"

    def parse(text: str) -> float:
        try:
            value = float(text.strip().replace(",", "."))
        except ValueError:
            raise ValueError(f"{hint} (got {text.strip()!r})" if text.strip() else hint) from None
        if not lo <= value <= hi:
            raise ValueError(f"{hint} (got {value:g})")
        return value

    return parse


def _key(text: str) -> str:
    return re.sub(r"[\s-]+", "_", text.strip().lower())


def pick(
    name: str,
    options: Iterable[str],
    aliases: dict[str, str] | None = None,
    numbered: bool = False,
) -> Callable[[str], str]:
    """One of `options`: exact, an alias, a unique prefix or (when numbered) its 1-based number."""
    opts = list(options)
    aliases = aliases or {}
    listed = ", ".join(f"{i} {o}" if numbered else o for i, o in enumerate(opts, 1))
    hint = f"{name}: one of {listed}"

    def parse(text: str) -> str:
        k = _key(text)
        if not k:
            raise ValueError(hint)
        if k in opts:
            return k
        if k in aliases:
            return aliases[k]
        if numbered and k.isdigit() and 1 <= int(k) <= len(opts):
            return opts[int(k) - 1]
        starts = [o for o in opts if o.startswith(k)]
        if len(starts) == 1:
            return starts[0]
        close = difflib.get_close_matches(k, opts + list(aliases), n=1, cutoff=0.75)
        if close:
            return aliases.get(close[0], close[0])
        raise ValueError(f"{hint} (got {text.strip()!r})")

    return parse


def pick_many(
    name: str, options: Iterable[str], aliases: dict[str, str] | None = None, numbered: bool = False
) -> Callable[[str], list[str]]:
    """Several of `options`, separated by commas or spaces; empty or `none` means none."""
    one = pick(name, options, aliases, numbered)

    def parse(text: str) -> list[str]:
        t = text.strip().lower()
        if t in ("", "none", "no", "-"):
            return []
        # "lower back" is one answer; split on commas first, then on spaces when each word is an answer
        out: list[str] = []
        for part in (p for p in re.split(r"[,;/]+", t) if p.strip()):
            try:
                value = [one(part)]
            except ValueError:
                value = [one(word) for word in part.split()]
            out += [v for v in value if v not in out]
        return out

    return parse


def yes_no(text: str) -> bool:
    t = text.strip().lower()
    if t in ("y", "yes", "yep", "true", "1", "pass", "p"):
        return True
    if t in ("n", "no", "nope", "false", "0", "fail", "f"):
        return False
    raise ValueError("answer y (yes) or n (no)")


def next_monday(today: dt.date) -> dt.date:
    """`today` when it is a Monday, else the coming Monday."""
    return today + dt.timedelta(days=(7 - today.weekday()) % 7)


def date_answer(name: str, today: dt.date, after: dt.date | None = None) -> Callable[[str], dt.date]:
    hint = f"{name}: a date like {today + dt.timedelta(days=30):%Y-%m-%d}, or today, tomorrow or a weekday (mon)"

    def parse(text: str) -> dt.date:
        t = text.strip().lower()
        days = [d.value for d in Weekday]
        if t == "today":
            value = today
        elif t == "tomorrow":
            value = today + dt.timedelta(days=1)
        elif t[:3] in days and t.isalpha():
            value = today + dt.timedelta(days=(days.index(t[:3]) - today.weekday()) % 7 or 7)
        else:
            try:
                value = dt.date.fromisoformat(t)
            except ValueError:
                if re.fullmatch(r"\d{4}-\d{2}-\d{2}", t):  # a calendar slip: say which day is missing
                    what, how = date_words(t)
                    raise ValueError(f"{name}: {what}; {how}") from None
                raise ValueError(f"{hint} (got {text.strip()!r})" if t else hint) from None
        if after is not None and value <= after:
            raise ValueError(f"{name}: must be after {after:%a %d %b %Y} (got {value:%a %d %b %Y})")
        return value

    return parse


def time_answer(text: str) -> dt.time | None:
    t = text.strip().lower().replace(" ", "").replace(".", ":")
    if t in ("", "none", "any", "-"):
        return None
    m = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?(am|pm)?", t)
    if m:
        hour, minute = int(m[1]), int(m[2] or 0)
        if m[3] == "pm" and hour < 12:
            hour += 12
        elif m[3] == "am" and hour == 12:
            hour = 0
        if hour < 24 and minute < 60 and (m[2] or m[3]):
            return dt.time(hour, minute)
    raise ValueError(f"time: like 18:30, 6:30pm or 7am, or Enter for no preference (got {text.strip()!r})")


DAY_GROUPS = {
    "all": list(Weekday),
    "every": list(Weekday),
    "any": list(Weekday),
    "weekdays": list(Weekday)[:5],
    "weekends": list(Weekday)[5:],
    "weekend": list(Weekday)[5:],
}


def days_answer(text: str) -> list[Weekday]:
    """`mon,wed,fri`, `mon-fri`, `weekdays`, `weekends` or `all`, in week order."""
    hint = "days: like mon,wed,fri or mon-fri, weekdays, weekends or all"
    day = pick("day", [d.value for d in Weekday])
    chosen: set[Weekday] = set()
    t = text.strip().lower()
    if not t:
        raise ValueError(f"{hint}; at least one day")
    for part in (p for p in re.split(r"[,\s]+", t) if p):
        if part in DAY_GROUPS:
            chosen |= set(DAY_GROUPS[part])
            continue
        try:
            if "-" in part:
                a, b = (Weekday(day(x)).index for x in part.split("-", 1))
                chosen |= {list(Weekday)[(a + i) % 7] for i in range((b - a) % 7 + 1)}
            else:
                chosen.add(Weekday(day(part)))
        except ValueError:
            raise ValueError(f"{hint} (got {part!r})") from None
    return sorted(chosen, key=lambda d: d.index)


RUN_MINUTES = {
    RunType.easy: 40,
    RunType.long: 90,
    RunType.tempo: 50,
    RunType.intervals: 60,
    RunType.race: 45,
    RunType.cross_train: 45,
    RunType.rest: 0,
}
RUN_ALIASES = {
    "long_run": "long",
    "lsr": "long",
    "speed": "intervals",
    "reps": "intervals",
    "track": "intervals",
    "threshold": "tempo",
    "xt": "cross_train",
    "cross": "cross_train",
    "bike": "cross_train",
    "swim": "cross_train",
    "recovery": "easy",
    "jog": "easy",
    "jogging": "easy",
    "steady": "easy",
    "run": "easy",
    "off": "rest",
}
_run_type = pick("run type", [t.value for t in RunType], RUN_ALIASES)


def minutes_answer(text: str) -> int:
    """`45`, `45min`, `1h`, `1h20` or `1:20` as minutes (0-600)."""
    t = text.strip().lower().replace(" ", "")
    if m := re.fullmatch(r"(\d+)(?:m|min|mins|minutes)?", t):
        minutes = int(m[1])
    elif m := re.fullmatch(r"(\d+)(?:h|:)(\d{1,2})?(?:m|min)?", t):
        if int(m[2] or 0) >= 60:  # `1h99` is a slip, not 159 minutes
            raise ValueError(f"minutes: the minutes after the hour run 0-59 (got {text.strip()!r})")
        minutes = int(m[1]) * 60 + int(m[2] or 0)
    else:
        raise ValueError(f"minutes: like 45, 1h20 or 1:20 (got {text.strip()!r})")
    if not 0 <= minutes <= 600:
        raise ValueError(f"minutes: from 0 to 600 (got {minutes})")
    return minutes


def runs_answer(text: str) -> list[tuple[RunType, int]]:
    """A day's runs: `easy 40`, `long 1h40`, `tempo` (usual minutes), `easy 30, tempo 40`, `30` (easy);
    empty or `-` for none."""
    t = text.strip().lower()
    if t in ("", "-", "none", "no", "n", "off"):
        return []
    if re.fullmatch(r"\d[\dhm:in ]*", t):
        t = f"easy {t}"  # a bare time is an easy run
    out = []
    for part in (p.strip() for p in re.split(r"[,+&]|\band\b", t) if p.strip()):
        m = re.fullmatch(r"([a-z_\- ]+?)\s*(\d[\dhm:in ]*)?", part)
        if not m:
            raise ValueError(f"run: a type and minutes, like easy 40 or long 1h30 (got {part!r})")
        try:
            kind = RunType(_run_type(m[1]))
        except ValueError as err:
            raise ValueError(f"{err}; then the minutes, like easy 40") from None
        out.append((kind, minutes_answer(m[2]) if m[2] else RUN_MINUTES[kind]))
    return out


def mass_answer(units: Units) -> Callable[[str], float]:
    """Body mass in kg from `61`, `61kg`, `135lb` (a bare number is in the runner's unit)."""
    unit = "lb" if units == Units.imperial else "kg"

    def parse(text: str) -> float:
        t = text.strip().lower().replace(" ", "").replace(",", ".")
        m = re.fullmatch(r"(\d+(?:\.\d+)?)(kg|kgs|lb|lbs|pounds?)?", t)
        if not m:
            raise ValueError(f"body mass: a number in {unit}, like {'135' if unit == 'lb' else '61'} (got {text!r})")
        value = float(m[1])
        kg = value * KG_PER_LB if (m[2] or unit).startswith(("lb", "pound")) else value
        if not 25 < kg < 250:
            raise ValueError(f"body mass: between 25 and 250 kg (55-550 lb) (got {text.strip()})")
        return round(kg, 1)

    return parse


LOAD_ITEM_ALIASES = {"db": "dumbbell", "dumbbells": "dumbbell", "kb": "kettlebell", "kettlebells": "kettlebell",
                     "bell": "kettlebell", "bar": "barbell", "rucksack": "backpack", "bag": "backpack"}  # fmt: skip


def kit_loads_answer(
    name: str, items: Iterable[str], units: Units, bare: Iterable[str] = ()
) -> Callable[[str], dict[str, float | list[float]]]:
    """A load per piece of kit, in the runner's unit, from `dumbbell 16, kettlebell 12` (or
    `db=16 kb=12`, `dumbbell 35lb`); a bare number is for each of `bare` (the kit asked
    about); empty or `none` leaves the defaults. Fixed weights owned come as a list: several
    numbers for one kit (`dumbbell 6 8 10`) or one and `only` (`dumbbell 10 only`, one pair).
    Read token by token, so any text is read in one pass."""
    bare = tuple(bare)
    unit = "lb" if units == Units.imperial else "kg"
    item = pick(name, items, LOAD_ITEM_ALIASES)
    example = "dumbbell 35, kettlebell 26" if unit == "lb" else "dumbbell 16, kettlebell 12"
    hint = f"{name}: the kit and its heaviest load in {unit}, like {example}"

    def parse(text: str) -> dict[str, float | list[float]]:
        t = text.strip().lower()
        if t in ("", "none", "no", "-", SKIP):
            return {}
        if len(t) > 200:
            raise ValueError(f"{name}: at most 200 characters, like {example}")
        tokens = re.findall(r"[a-z_]+|\d+(?:[.,]\d+)?|[^\sa-z_\d]", t)
        if bare and tokens and all(re.fullmatch(r"\d+(?:[.,]\d+)?|kgs?|lbs?|only", x) for x in tokens):
            tokens = [x for kit in bare for x in (kit, *tokens)]
        out: dict[str, float | list[float]] = {}
        words: list[str] = []
        last = ""  # the kit the last number was for: a number or `only` after it makes a list of weights owned
        for i, token in enumerate(tokens):
            if token[0].isdigit():
                given = tokens[i + 1] if i + 1 < len(tokens) else ""
                load = _kit_load(name, token, given if given in _UNITS else "", unit)
                if not words and last:
                    out[last] = [*_owned(out[last]), load]
                    continue
                if not words:
                    raise ValueError(f"{hint} (got {text.strip()!r})")
                last, words = item(" ".join(words)), []
                out[last] = load
            elif token in _UNITS and i and tokens[i - 1][0].isdigit():
                continue
            elif token == "only" and last and not words:
                out[last] = _owned(out[last])
            elif token[0].isalpha() or token[0] == "_":
                words.append(token)
            elif token not in ",;/=:":
                raise ValueError(f"{hint} (got {text.strip()!r})")
        if not out or words:
            raise ValueError(f"{hint} (got {text.strip()!r})")
        return out

    return parse


def _owned(value: float | list[float]) -> list[float]:
    return value if isinstance(value, list) else [value]


_UNITS = ("kg", "kgs", "lb", "lbs")


def _kit_load(name: str, number: str, given: str, unit: str) -> float:
    """A load in the runner's unit, converted when typed in the other one, to the half unit."""
    value = float(number.replace(",", "."))
    if given and given[:2] != unit:
        value = value / KG_PER_LB if unit == "lb" else value * KG_PER_LB
    if not 0 < value <= 500:
        raise ValueError(f"{name}: a load above 0 and at most 500 {unit} (got {number})")
    return round(value * 2) / 2


def kit_loads_text(loads: dict, owned: dict | None = None) -> str:
    """`dumbbell 16, kettlebell 12`: the answer that gives these loads back; the weights owned
    as `dumbbell 6 8 10` or `dumbbell 10 only`."""
    given = [f"{getattr(kit, 'value', kit)} {value:g}" for kit, value in loads.items() if kit not in (owned or {})]
    for kit, ws in (owned or {}).items():
        given.append(f"{getattr(kit, 'value', kit)} {' '.join(f'{w:g}' for w in ws)}{' only' if len(ws) == 1 else ''}")
    return ", ".join(given)


def seconds_answer(name: str, hi: int = 600) -> Callable[[str], int]:
    """Seconds from `75`, `75s`, `1:15` or `1m15`."""
    hint = f"{name}: whole seconds from 0 to {hi}, like 75 or 1:15"

    def parse(text: str) -> int:
        t = text.strip().lower().replace(" ", "")
        if m := re.fullmatch(r"(\d+)(?:s|sec|secs|seconds)?", t):
            value = int(m[1])
        elif m := re.fullmatch(r"(\d+)(?::|m|min)(\d{1,2})s?", t):
            value = int(m[1]) * 60 + int(m[2])
        elif t.startswith("-") and t[1:].isdigit():
            raise ValueError(f"{hint}; a time cannot be negative (got {t})")
        else:
            raise ValueError(f"{hint} (got {text.strip()!r})" if t else hint)
        if value > hi:
            raise ValueError(f"{hint} (got {value} s)")
        return value

    return parse


def length_answer(name: str, units: Units, hi_cm: int = 400) -> Callable[[str], int]:
    """Centimetres from `150`, `150cm`, `1.5m` or `59in` (a bare number is in the runner's unit)."""
    unit = "in" if units == Units.imperial else "cm"
    hint = f"{name}: a distance like {'59in' if unit == 'in' else '150cm'} (0-{hi_cm} cm)"

    def parse(text: str) -> int:
        t = text.strip().lower().replace(" ", "")
        m = re.fullmatch(r"(\d+(?:\.\d+)?)(cm|m|in|inches|\")?", t)
        if not m:
            raise ValueError(f"{hint} (got {text.strip()!r})" if t else hint)
        value, u = float(m[1]), m[2] or unit
        cm = value * 100 if u == "m" else value * CM_PER_IN if u in ("in", "inches", '"') else value
        if cm > hi_cm:
            raise ValueError(f"{hint} (got {round(cm)} cm)")
        return round(cm)

    return parse


def choices_of(enum: type[Enum]) -> list[str]:
    return [m.value for m in enum]
