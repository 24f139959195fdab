"""The base of every domain value: frozen, and strict about unknown fields; and the planner's
way to make and change values it already validated, without validating them again."""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False, defer_build=True)

    # What `model.build` needs to fill a value without validating it, worked out once per class
    # when the class is made: every field in order with its default (None for a required one;
    # no template when no field has a default) and the required names.
    build_template: ClassVar[dict[str, Any] | None] = None
    build_required: ClassVar[frozenset[str]] = frozenset()
    # One set of every field name, shared by each value built with all its fields given (the
    # planner keeps hundreds of thousands of values; a set each would cost the garbage
    # collector). Pydantic never changes it in place: `model_copy` copies it before adding.
    build_fields_set: ClassVar[set[str]] = set()
    # The same for values built with some fields left to their defaults: one set per choice of names.
    build_partial_sets: ClassVar[dict[frozenset[str], set[str]]] = {}

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        fields = cls.model_fields
        defaults = {name: f.get_default(call_default_factory=True) for name, f in fields.items() if not f.is_required()}
        cls.build_template = {name: defaults.get(name) for name in fields} if defaults else None
        cls.build_required = frozenset(fields.keys() - defaults.keys()) if defaults else frozenset()
        cls.build_fields_set = set(fields)
        cls.build_partial_sets = {}


def build(cls: type[Frozen], **fields: object):  # type: ignore[no-untyped-def]
    """Make a model from values the planner already validated, without re-validating.

    Planning builds hundreds of blocks per plan; pydantic's own `model_construct` costs more
    than validation, so this fills `__dict__` directly (defaults included). Only the core
    uses it, on data that came through validated models.
    """
    template, required = cls.build_template, cls.build_required
    if template is not None:  # in the fields' own order, as validation would give (JSON dumps follow it)
        if not required <= fields.keys():
            raise KeyError(f"{cls.__name__}: missing {sorted(required - fields.keys())}")
        values = template.copy()
        values.update(fields)
        if len(values) != len(template):  # a name that is not a field is left out, as validation does
            values = {name: values[name] for name in template}
    else:
        values = fields  # a fresh dict already (keyword arguments)
    obj = cls.__new__(cls)
    object.__setattr__(obj, "__dict__", values)
    every = len(fields) == len(values) == len(cls.build_fields_set)  # no name left out, none unknown
    object.__setattr__(obj, "__pydantic_fields_set__", cls.build_fields_set if every else _fields_set(cls, fields))
    object.__setattr__(obj, "__pydantic_extra__", None)
    object.__setattr__(obj, "__pydantic_private__", None)
    return obj


def _fields_set(cls: type[Frozen], fields: dict[str, object]) -> set[str]:
    """The names given, as one set shared by every value of `cls` built with these names
    (never changed in place): a set per value would be one more object for the collector."""
    names = frozenset(fields)
    shared = cls.build_partial_sets.get(names)
    if shared is None:
        shared = cls.build_partial_sets[names] = set(names)
    return shared


def changed(value: Frozen, **changes: object):  # type: ignore[no-untyped-def]
    """`value` with `changes`, without validating: `model_copy(update=...)` for the planner.

    Trimming and filling copy blocks by the thousand and the memo keeps them; `model_copy`
    gives each copy a set of its own, which the garbage collector walks for as long as the
    memo keeps the block. A copy shares its value's set when the changes are already in it.
    """
    cls = type(value)
    values = value.__dict__.copy()
    values.update(changes)
    fields_set = value.__pydantic_fields_set__
    if not fields_set.issuperset(changes):  # shared, never changed in place (as in `build`)
        fields_set = fields_set | changes.keys()
    obj = cls.__new__(cls)
    object.__setattr__(obj, "__dict__", values)
    object.__setattr__(obj, "__pydantic_fields_set__", fields_set)
    object.__setattr__(obj, "__pydantic_extra__", None)
    object.__setattr__(obj, "__pydantic_private__", None)
    return obj
