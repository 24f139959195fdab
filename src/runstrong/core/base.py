"""The base of every domain value: frozen, and strict about unknown fields."""

from __future__ import annotations

from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field

from .vocab import LONGEST_RUN_MINUTES

RunMinutes = Annotated[int, Field(ge=0, le=LONGEST_RUN_MINUTES)]  # a planned run's minutes


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

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        fields = cls.model_fields
        defaults = {name: f.get_default(call_default_factory=True) for name, f in fields.items() if not f.is_required()}
        cls.build_template = {name: defaults.get(name) for name in fields} if defaults else None
        cls.build_required = frozenset(fields.keys() - defaults.keys()) if defaults else frozenset()
        cls.build_fields_set = set(fields)
