"""Pydantic's validation errors in a runner's words: one `Problem` per bad value, located by
the field a person wrote (`equipment[0]`, `heaviest_loads.dumbel`), never by pydantic's
internal parts (`str-enum[Item]`, `[key]`), with the fix.

- A word that is not one of a list (kit, days, pain areas, race distances, run types, as a
  value or as a key) is one line however many lists it was tried against, with the values it
  may take and the closest one: "did you mean 'kettlebell'?".
- A date that does not exist names the day ("30 February 2027 does not exist").
- An unknown field suggests the closest known field.
- A check across fields (a race before the start) is reported with the field errors, when
  the fields it reads are themselves valid (`across_field_problems`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import enum
import functools
import re
from typing import Any, Literal

from pydantic import BaseModel, ValidationError, create_model

from runstrong.errors import Problem, UserError

# pydantic's own steps in an error's location: a union member (`str-enum[Item]`, `int`), an
# after-validator (`function-after[...]`) and a dict's key (`[key]`, kept as a flag)
_INTERNAL = re.compile(r"^(function-[a-z]+|[a-z-]+\[.*\]|\[key\])$", re.S)
_CHOICE_TYPES = {"enum", "literal_error"}
_DATE_TYPES = {"date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact", "date_type"}
_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$", re.S)
DATE_FORMAT = "dates are written year-month-day, e.g. 2027-01-04"


def validation_error(err: ValidationError, source: str, model: type) -> UserError:
    """pydantic's errors as a UserError carrying one located Problem per bad field."""
    return UserError(problems=validation_problems(err, source, model))


def format_validation_error(err: ValidationError, source: str, model: type) -> str:
    """The problems as lines of text, `source: field: message`."""
    return "\n".join(p.text() for p in validation_problems(err, source, model))


def validation_problems(err: ValidationError, source: str, model: type) -> list[Problem]:
    """One Problem per bad value: the errors a union's members raise for one value are one
    problem, located where the person wrote the value."""
    grouped: dict[tuple[tuple, bool], list[dict[str, Any]]] = {}
    for e in err.errors():
        is_key = "[key]" in e["loc"]
        loc = tuple(p for p in e["loc"] if not (isinstance(p, str) and _INTERNAL.match(p)))
        grouped.setdefault((loc, is_key), []).append(e)
    problems = []
    for (loc, is_key), errors in grouped.items():
        if len(errors) > 1 and all(e["type"] in _CHOICE_TYPES for e in errors):
            choice = _choice_problem(loc, errors, is_key, source)
            if choice is not None:  # else each error says its own (the allowed values are not words)
                problems.append(choice)
                continue
        seen: set[str] = set()
        for e in errors:
            problem = _choice_problem(loc, [e], is_key, source) if e["type"] in _CHOICE_TYPES else None
            problem = problem or _one_problem(loc, e, model, source)
            if problem.text() not in seen:
                seen.add(problem.text())
                problems.append(problem)
    return problems


def field_path(loc: tuple) -> str:
    """`('equipment', 0)` as `equipment[0]`, `('race', 'date')` as `race.date`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def _one_problem(loc: tuple, e: dict[str, Any], model: type, source: str) -> Problem:
    field = field_path(loc) or "(top level)"
    msg = e["msg"].removeprefix("Value error, ")
    named = re.match(r"^([a-z_][a-z0-9_.\[\]]*): (.*)$", msg, flags=re.S)
    if not loc and named:  # a check across fields names the field it blames
        field, msg = named.groups()
    if e["type"] == "extra_forbidden":
        known = _known_fields(model, loc)
        close = difflib.get_close_matches(str(loc[-1]), known, n=1)
        msg = "unknown field" + (f"; did you mean {close[0]!r}?" if close else f"; known fields: {', '.join(known)}")
    elif e["type"] == "missing":
        msg = "required field is missing; add it"
    elif e["type"] in _DATE_TYPES and isinstance(e.get("input"), str):
        return Problem(field, *date_words(e["input"]), source=source)
    elif e["type"] == "too_short" and isinstance(e.get("input"), list):
        choices = _allowed_items(model, loc)
        fix = f"list at least one of: {', '.join(choices)}" if choices else "list at least one, or leave the field out"
        return Problem(field, plain_words(e) or msg, fix, source=source)
    elif (plain := plain_words(e)) is not None:
        return Problem(field, plain, source=source)
    elif "input" in e and not isinstance(e["input"], dict | list):
        given = e["input"]
        msg = f"{msg} (got {given.isoformat() if isinstance(given, dt.date) else repr(given)})"
    return Problem(field, msg, source=source)


_BOUNDS = {"less_than_equal": ("le", "at most"), "greater_than_equal": ("ge", "at least"),
           "greater_than": ("gt", "more than"), "less_than": ("lt", "less than")}  # fmt: skip
_PARSING = {"int_parsing": "write a whole number", "int_from_float": "write a whole number",
            "int_type": "write a whole number", "float_parsing": "write a number", "float_type": "write a number",
            "bool_parsing": "write true or false", "bool_type": "write true or false",
            "string_type": "write it as text, in quotes", "list_type": "write a list, in [ ]",
            "dict_type": "write a table of name = value"}  # fmt: skip


def _num(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def plain_words(e: dict[str, Any]) -> str | None:
    """One pydantic error of a common kind in a person's words, the one wording every face
    uses (profile files, the CLI's options, the pages and the API): "must be at most 10 (you
    gave 11)", "is empty: give at least 1", "write a whole number (you gave '40 min')". None
    for a kind with no such words (the caller keeps pydantic's, or its own)."""
    kind, given, ctx = e["type"], e.get("input"), e.get("ctx", {})
    if kind in _BOUNDS:
        key, words = _BOUNDS[kind]
        return f"must be {words} {_num(ctx.get(key))} (you gave {_num(given)})"
    if kind == "multiple_of":
        return f"use steps of {_num(ctx.get('multiple_of'))} (you gave {_num(given)})"
    if kind in _PARSING:
        shown = repr(given) if not isinstance(given, dict | list) else "a " + type(given).__name__
        return f"{_PARSING[kind]} (you gave {shown})"
    if kind in ("too_short", "string_too_short"):
        least = ctx.get("min_length", 1)
        if isinstance(given, str):
            return "is empty: write it" if not given else f"write at least {least} characters (you gave {given!r})"
        return "is empty: give at least one" if least == 1 else f"give at least {least} (you gave {len(given or [])})"
    if kind in ("too_long", "string_too_long"):
        most = ctx.get("max_length")
        return f"too long: at most {most} characters" if isinstance(given, str) else f"too many: at most {most}"
    if kind == "missing":
        return "required: fill it in"
    return None


def _allowed_items(model: type, loc: tuple) -> list[str]:
    """The values a list field's items may take (its enums' and literals'), for a fix."""
    fields = getattr(model, "model_fields", {})
    if len(loc) != 1 or loc[0] not in fields:
        return []
    todo, found = [fields[loc[0]].annotation], []
    while todo:
        t = todo.pop(0)
        if isinstance(t, type) and issubclass(t, enum.Enum):
            found += [str(m.value) for m in t]
        elif getattr(t, "__origin__", None) is Literal:
            found += [str(a) for a in t.__args__]
        else:
            todo.extend(getattr(t, "__args__", ()))
    return list(dict.fromkeys(found))


def _choice_problem(loc: tuple, errors: list[dict[str, Any]], is_key: bool, source: str) -> Problem | None:
    """A word outside the lists it was checked against: one line, the allowed words, the
    closest one. None when the allowed values are not words (a literal number)."""
    expected = (e.get("ctx", {}).get("expected", "") for e in errors)
    allowed = list(dict.fromkeys(v for text in expected for v in re.findall(r"'([^']*)'", text)))
    given = errors[0].get("input")
    if not allowed:
        return None
    given = given if isinstance(given, str) else given.isoformat() if isinstance(given, dt.date) else repr(given)
    shown = given if len(given) <= 40 else given[:40] + "..."
    what = "key" if is_key else "value"
    close = closest(given, allowed)
    use = f"use one of: {', '.join(allowed)}"
    fix = f"did you mean {close!r}? {use[0].upper()}{use[1:]}" if close else use
    return Problem(field_path(loc) or "(top level)", f"unknown {what} {shown!r}", fix=fix, source=source)


def closest(given: str, allowed: list[str]) -> str | None:
    """The allowed word closest to a misspelt one, or None. A word's numbers are what it says
    (a 50k is not a 5k), so a word suggested has the same digits; case is ignored."""
    digits = re.sub(r"\D", "", given)
    same = {a.lower(): a for a in allowed if re.sub(r"\D", "", a) == digits}
    found = difflib.get_close_matches(given.strip().lower()[:80], list(same), n=1)
    return same[found[0]] if found else None


def date_words(given: str) -> tuple[str, str]:
    """What is wrong with a date written as text, and how to write it."""
    shown = given if len(given) <= 40 else given[:40] + "..."
    day = _ISO_DAY.match(given)
    if day is None:
        return f"{shown!r} is not a date", DATE_FORMAT
    year, month, mday = (int(p) for p in day.groups())
    if not 1 <= month <= 12:
        return f"{shown.strip()} is not a date: there is no month {month}", DATE_FORMAT
    last = calendar.monthrange(year, month)[1] if 1 <= year <= 9999 else 31
    month_name = calendar.month_name[month]
    if not 1 <= mday <= last:
        return f"{mday} {month_name} {year} does not exist", f"{month_name} {year} has {last} days"
    return f"{shown!r} is not a date", DATE_FORMAT


def _known_fields(model: type, loc: tuple) -> list[str]:
    """The field names valid at the parent of `loc`, to suggest a fix for a typo."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", {})
        if part not in fields:
            return []
        annotation = fields[part].annotation
        args = getattr(annotation, "__args__", ())
        candidates = [annotation, *args]
        current = next((c for c in candidates if hasattr(c, "model_fields")), None)
        if current is None:
            # a list of models: look one level deeper
            nested = [a for c in candidates for a in getattr(c, "__args__", ()) if hasattr(a, "model_fields")]
            current = nested[0] if nested else None
        if current is None:
            return []
    return list(getattr(current, "model_fields", {}))


def across_field_problems(
    raw: dict[str, Any], err: ValidationError, model: type[BaseModel], checks: tuple, source: str
) -> list[Problem]:
    """The checks across fields a model makes once every field is valid, run on the fields
    each reads when those are valid and others are not, so a file's errors come in one run.
    `checks` holds (fields read, check returning "field: message; fix" or None)."""
    wrong = {e["loc"][0] for e in err.errors() if e["loc"]}
    problems = []
    for fields, check in checks:
        if wrong & set(fields) or not set(fields) <= set(model.model_fields):
            continue
        try:
            part = _part_of(model, fields).model_validate({f: raw[f] for f in fields if f in raw})
        except ValidationError:
            continue
        if (found := check(part)) is not None:
            problems.append(Problem.parse(found))
    return [Problem(p.field, p.message, p.fix, source) for p in problems]


@functools.cache
def _part_of(model: type[BaseModel], fields: tuple[str, ...]) -> type[BaseModel]:
    """A model of some of `model`'s fields, each defined as there (types, limits, defaults)."""
    return create_model(  # type: ignore[call-overload, no-any-return]
        f"{model.__name__}Part", **{f: (model.model_fields[f].annotation, model.model_fields[f]) for f in fields}
    )
