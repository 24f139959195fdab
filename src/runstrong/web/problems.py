"""Problems with input, said by field, for the web pages and the API alike: pydantic's
errors and the flows' refusals turned into `FieldProblem`s (where, what is wrong), and the error
families the app answers with a status (422, 404, 409).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from runstrong.core.diary import validate_entry
from runstrong.errors import UserError
from runstrong.flows.base import Conflict, Refused
from runstrong.io.field_errors import plain_words

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class FieldProblem:
    """One bad value: where it is (field path), what is wrong, and pydantic's error type."""

    loc: Loc
    msg: str
    type: str = "value_error"


class InputError(UserError):
    """Bad input, problem by problem, each located by its field."""

    def __init__(self, problems: Sequence[FieldProblem]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(f"{'.'.join(map(str, p.loc)) or 'input'}: {p.msg}" for p in self.problems))

    @classmethod
    def one(cls, field: str, msg: str) -> InputError:
        return cls([FieldProblem((field,), msg)])


class NotFound(UserError):
    """The thing asked for does not exist (HTTP 404)."""


class Unavailable(UserError):
    """The diary cannot answer yet: no athlete, or no plan (HTTP 409)."""


class Changed(Unavailable):
    """The diary changed since the form or request was made (HTTP 409): nothing written."""


def problem_of(err: Exception) -> UserError:
    """A flow's refusal as the web's error: a conflict, or a problem by its field."""
    if isinstance(err, Conflict):
        return Changed(str(err))
    if isinstance(err, Refused):
        return InputError.one(err.field, err.message)
    assert isinstance(err, ValidationError)
    return InputError(problems_from(err))


_NAMED = re.compile(r"^([a-z_][a-z0-9_.]*): (.*)$", re.S)
# pydantic's words for typing mistakes, said the way a form would say them
FRIENDLY = {
    "int_parsing": "write a whole number",
    "int_from_float": "write a whole number",
    "float_parsing": "write a number",
    "date_from_datetime_parsing": "write a date as YYYY-MM-DD",
    "date_parsing": "write a date as YYYY-MM-DD",
    "missing": "fill this in",
    "too_short": "choose at least one",
}
# errors whose message gains the field's scale ("Hours slept, 0-16")
SCALED = {"greater_than", "greater_than_equal", "less_than", "less_than_equal", "multiple_of", "int_parsing",
          "float_parsing", "missing"}  # fmt: skip


def _message(e: Any) -> str:
    """One pydantic error in a form's words: `must be at most 16 (you gave 30)` (the words
    every face shares, `io/field_errors.plain_words`), a form's own for typing slips."""
    kind, given = e["type"], e.get("input")
    if kind in FRIENDLY:
        return FRIENDLY[kind] + ("" if kind in ("missing", "too_short") else f" (you gave {given!r})")
    return plain_words(e) or e["msg"].removeprefix("Value error, ")


def problems_from(err: ValidationError, model: type[BaseModel] | None = None, prefix: Loc = ()) -> list[FieldProblem]:
    """pydantic's errors as Problems: a check across fields ("reps: give exactly one...")
    is put on the field it names; a scale's description is added to its message."""
    out = []
    for e in err.errors():
        loc = tuple(p for p in e["loc"] if p != "function-after")
        msg = _message(e)
        named = _NAMED.match(msg)
        if named and not loc:
            loc, msg = tuple(named.group(1).split(".")), named.group(2)
        fields = getattr(model, "model_fields", {})
        info = fields.get(loc[0]) if len(loc) == 1 else None
        if info is not None and info.description and e["type"] in SCALED and len(info.description) <= 100:
            msg += f"; {info.description.rstrip('.')}"
        out.append(FieldProblem((*prefix, *loc), msg, e["type"]))
    return out


def problem_from_user_error(err: UserError, default_field: str) -> FieldProblem:
    """A UserError's "field: message" as a FieldProblem on that field."""
    named = _NAMED.match(str(err))
    if named:
        return FieldProblem(tuple(named.group(1).split(".")), named.group(2))
    return FieldProblem((default_field,), str(err))


def entry_from_input(model: type[Any], data: dict[str, Any], today: dt.date, prefix: Loc = ()) -> Any:
    """A diary value validated like the CLI's (no dates after today), or InputError."""
    try:
        return validate_entry(model, data, today)
    except ValidationError as err:
        raise InputError(problems_from(err, model, prefix)) from None


def day_in_url(text: str) -> dt.date:
    """The day a page's address names; anything else is a page that does not exist (404)."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise NotFound(f"date: {text!r} is not a date; write it as 2027-01-05") from None
