"""An attribute worked out on first use and kept on the object, without a lock."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, overload

T = TypeVar("T")


class cached_attr(Generic[T]):
    """`functools.cached_property` without its lock: on Python 3.11 every first read takes an
    RLock and looks the instance's dict up twice, about 6% of a cold plan, whose sessions are
    made by the thousand and each read once or twice. Planning is single-threaded, and a
    value worked out twice would be the same value, so the lock buys nothing here. Like the
    original it stores into the instance's `__dict__` (frozen dataclasses included), after
    which the dict answers and the descriptor is never asked again."""

    def __init__(self, func: Callable[[Any], T]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> cached_attr[T]: ...
    @overload
    def __get__(self, instance: object, owner: type | None = None) -> T: ...
    def __get__(self, instance: object | None, owner: type | None = None) -> T | cached_attr[T]:
        if instance is None:
            return self
        value = self.func(instance)
        instance.__dict__[self.name] = value
        return value
