"""Frozen dataclasses that key memo tables and are hashed far more often than made."""

from __future__ import annotations

from dataclasses import fields
from operator import attrgetter
from typing import TypeVar

T = TypeVar("T")


def hashed_once(cls: type[T]) -> type[T]:
    """`cls` (a frozen dataclass with a `__dict__`) hashing all its fields once per object:
    a week's frame and selection context key every memo lookup of every week, and their
    tuples of reasons and kit were hashed again each time. Every field is in the hash, read
    from the dataclass itself, so a field added later is never left out."""
    values = attrgetter(*(f.name for f in fields(cls)))  # type: ignore[arg-type]

    def __hash__(self: object) -> int:
        h = self.__dict__.get("_hash")
        if h is None:
            h = hash(values(self))
            object.__setattr__(self, "_hash", h)
        return h

    def __getstate__(self: object) -> dict:
        """Pickled without the hash: another process hashes strings differently."""
        return {k: v for k, v in self.__dict__.items() if k != "_hash"}

    cls.__hash__ = __hash__  # type: ignore[method-assign,assignment]
    cls.__getstate__ = __getstate__  # type: ignore[attr-defined]
    return cls
