"""The rule registry: every programming rule once, with its numbers and its sources.

The planner and the review read their thresholds from here (never from literals), and
every decision they take cites a rule id, so `runstrong rules show ID` can answer "why?".
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

METHODOLOGY_ID = re.compile(r"^S(0[1-9]|[1-3][0-9]|4[01])$")


class Rule(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
    kind: Literal["hard", "soft", "guidance"]
    statement: Annotated[str, Field(min_length=20)]
    methodology: list[Annotated[str, Field(pattern=METHODOLOGY_ID.pattern)]] = []
    papers: list[str] = []
    evidence: Literal["STRONG", "MODERATE", "WEAK", "CONTESTED", "CONVENTION"]
    caveat: str | None = None
    params: dict[str, Any] = {}

    @property
    def sources(self) -> list[str]:
        return [*self.methodology, *self.papers]


class RegistryError(ValueError):
    """The rule data file is malformed, or code asked for a rule or number it lacks."""


@dataclass(frozen=True, eq=False)  # hashed by identity: one per loaded file
class Registry:
    version: str
    rules: tuple[Rule, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {r.id: r for r in self.rules})

    def __contains__(self, rule_id: object) -> bool:
        return rule_id in self._by_id  # type: ignore[attr-defined]

    def get(self, rule_id: str) -> Rule:
        try:
            return self._by_id[rule_id]  # type: ignore[attr-defined]
        except KeyError:
            raise RegistryError(f"no rule {rule_id!r} in the registry") from None

    def param(self, rule_id: str, name: str) -> Any:
        """A number the methodology fixes, read from the rule that owns it."""
        params = self.get(rule_id).params
        if name not in params:
            raise RegistryError(f"rule {rule_id!r} has no parameter {name!r}")
        return params[name]

    def methodology_coverage(self) -> set[str]:
        return {s for r in self.rules for s in r.methodology}


def parse_registry(data: dict, source: str = "rules.toml") -> Registry:
    """Validate raw TOML into a Registry, naming the rule and field on error."""
    rules = []
    seen: set[str] = set()
    for n, raw in enumerate(data.get("rule", []), start=1):
        label = raw.get("id", f"entry {n}") if isinstance(raw, dict) else f"entry {n}"
        try:
            rule = Rule.model_validate(raw)
        except ValidationError as err:
            first = err.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise RegistryError(f"{source}: rule {label}: {where}: {first['msg']}") from None
        if rule.id in seen:
            raise RegistryError(f"{source}: rule {rule.id}: id is used twice")
        seen.add(rule.id)
        rules.append(rule)
    version = str(data.get("registry", {}).get("version", "0"))
    return Registry(version=version, rules=tuple(rules))


@cache
def load_registry() -> Registry:
    """The registry shipped in the package (read once per process)."""
    text = resources.files("runstrong.data").joinpath("rules.toml").read_text("utf-8")
    return parse_registry(tomllib.loads(text))
