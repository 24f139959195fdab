"""Error families shared by the core and the adapters.

The core raises these as values the edges translate: the CLI exits 2 for a `UserError`
(bad input the user can fix) and 1 for any other `RunstrongError` (our failure).

A `UserError` carries structured `Problem`s (where, what, how to fix) so a face (the CLI's
flags, the web's form fields) maps them by field, never by reading the message text:

    raise UserError("must be after start_date", field="race.date", fix="give a later date")
    raise UserError("race.date: must be after start_date")   # older style: field first, still understood
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# "<source>: <field>: <message>" as older code writes it; a source is a file name (it has an extension)
_FILE_LIKE = re.compile(r"^[^\s:]*\.(toml|ya?ml|json|csv|zip|fit|gpx|tcx|ics|gz|db|txt)$", re.I)
_ONE_FIELD = r"(--[a-z][a-z0-9-]*|[A-Za-z_][A-Za-z0-9_]*(\[\d+\])*(\.[A-Za-z_][A-Za-z0-9_]*(\[\d+\])*)*)"
_FIELD_LIKE = re.compile(rf"^{_ONE_FIELD}( / {_ONE_FIELD})*$")  # "running.weekly / available_days": either


@dataclass(frozen=True)
class Problem:
    """One bad value: `field` (a dotted path such as `race.date`, or a flag such as `--date`),
    what is wrong, how to fix it, and the file or input it came from when there is one."""

    field: str
    message: str
    fix: str = ""
    source: str = ""

    @property
    def loc(self) -> tuple[str, ...]:
        """The field as a path, for faces that locate by parts (a form's field names)."""
        return tuple(p for p in re.split(r"[.\[\]]+", self.field) if p) if self.field else ()

    def text(self) -> str:
        """One line: `source: field: message; fix`, the way messages have always read."""
        head = ": ".join(p for p in (self.source, self.field) if p)
        body = self.message + (f"; {self.fix}" if self.fix else "")
        return f"{head}: {body}" if head else body

    @classmethod
    def parse(cls, line: str) -> Problem:
        """A message written field first (`race.date: must be ...`, `plan.toml: race.date: ...`)
        as a Problem; the one place older messages are read, so faces never parse them."""
        source = ""
        head, sep, rest = line.partition(": ")
        if sep and _FILE_LIKE.match(head):
            source, line = head, rest
            head, sep, rest = line.partition(": ")
        if sep and _FIELD_LIKE.match(head):
            return cls(field=head, message=rest, source=source)
        return cls(field="", message=line, source=source)


def _parse_lines(message: str) -> tuple[Problem, ...]:
    """Older multi-line messages: a line naming a field starts a problem; a line that does
    not (an indented list, "Ways out: ...") continues the one before."""
    found: list[Problem] = []
    for line in message.splitlines():
        if not line.strip():
            continue
        problem = Problem.parse(line)
        if found and not (problem.field or problem.source):
            last = found[-1]
            found[-1] = Problem(last.field, f"{last.message}\n{line}", last.fix, last.source)
        else:
            found.append(problem)
    return tuple(found) or (Problem("", message),)


class RunstrongError(Exception):
    """Something went wrong inside runstrong."""


class UserError(RunstrongError):
    """Bad input: names the field and says how to fix it.

    `UserError("field: message")` still works (the field is read from the text once, here);
    new code passes `field=`, `fix=` and `source=`, or several `problems=`.
    """

    def __init__(
        self,
        message: str = "",
        *,
        field: str | None = None,
        fix: str = "",
        source: str = "",
        problems: Iterable[Problem] | None = None,
    ) -> None:
        if problems is not None:
            found = tuple(problems)
        elif field is not None:
            found = (Problem(field, message, fix, source),)
        else:
            found = _parse_lines(message)
        text = "\n".join(p.text() for p in found) if (problems is not None or field is not None) else message
        super().__init__(text)
        # a subclass may set its own `problems` (another shape) before calling this: keep them
        if "problems" not in self.__dict__:
            self.problems = found
        self.problem: Problem = found[0]

    @property
    def field(self) -> str:
        return self.problem.field

    @property
    def fix(self) -> str:
        return self.problem.fix

    @property
    def source(self) -> str:
        return self.problem.source
