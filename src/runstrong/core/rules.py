"""The rule registry: every programming rule once, with its numbers and its sources.

The planner and the review read their thresholds from here (never from literals), and
every decision they take cites a rule id, so `runstrong rules show ID` can answer "why?".
Each rule's params are typed (`rule_params`), and a statement that names a number takes
it from the params (`{volume_cut_pct}`), so a number is written once.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .params import RULE_MODELS, params_of
from .rule_params import GenericParams, RuleParams

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
    params: dict[str, Any] = {}  # as written in the file, checked against the rule's typed model

    @property
    def sources(self) -> list[str]:
        return [*self.methodology, *self.papers]


class RegistryError(ValueError):
    """The rule data file is malformed, or code asked for a rule or number it lacks.

    `errors` lists every problem found, each as `file: rule.field: what is wrong`."""

    def __init__(self, message: str, errors: list[str] | None = None) -> None:
        super().__init__(message)
        self.errors = errors or [message]


@dataclass(frozen=True, eq=False)  # one per loaded file; `fingerprint` says what it holds
class Registry:
    version: str
    rules: tuple[Rule, ...]
    typed: dict[str, RuleParams] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {r.id: r for r in self.rules})
        raw = {r.id: r.params for r in self.rules}
        object.__setattr__(self, "params", params_of(self.version, self.typed, raw))

    @property
    def fingerprint(self) -> str:
        return self.params.fingerprint  # type: ignore[attr-defined]

    def __contains__(self, rule_id: object) -> bool:
        return rule_id in self._by_id  # type: ignore[attr-defined]

    def get(self, rule_id: str) -> Rule:
        try:
            return self._by_id[rule_id]  # type: ignore[attr-defined]
        except KeyError:
            raise RegistryError(f"no rule {rule_id!r} in the registry") from None

    def param(self, rule_id: str, name: str) -> Any:
        """A number the methodology fixes, read from the rule that owns it (as written)."""
        params = self.get(rule_id).params
        if name not in params:
            raise RegistryError(f"rule {rule_id!r} has no parameter {name!r}")
        return params[name]

    def methodology_coverage(self) -> set[str]:
        return {s for r in self.rules for s in r.methodology}


# ----------------------------------------------------------------------------- reading


def describe(err: dict) -> str:
    """Pydantic's error in our words: what was expected, or how to fix it."""
    kind, msg = err["type"], err["msg"].removeprefix("Value error, ")
    if kind == "missing":
        return "missing; add it"
    if kind == "extra_forbidden":
        return "not a parameter of this rule; check the spelling"
    if kind in ("int_type", "int_parsing", "float_type", "float_parsing"):
        return "expected a number"
    if kind in ("string_type",):
        return "expected some text"
    if kind in ("list_type", "tuple_type", "frozen_set_type", "set_type"):
        return "expected a list"
    if kind == "dict_type":
        return "expected a table"
    return msg[:1].lower() + msg[1:]


def _where(loc: tuple) -> str:
    return ".".join(str(p) for p in loc if p not in ("function-plain", "function-after"))


class _Template(string.Formatter):
    """Statement placeholders: `{reps}` -> "8-12", `{distances}` -> "10k, 5k", 2.0 -> "2"."""

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, tuple | list) and len(value) == 2 and not format_spec:
            return f"{self.format_field(value[0], '')}-{self.format_field(value[1], '')}"
        if isinstance(value, frozenset | set | tuple | list):
            return ", ".join(sorted(self.format_field(v, "") for v in value))
        if isinstance(value, float) and not format_spec:
            return f"{value:g}"
        if hasattr(value, "value") and isinstance(value.value, str):
            return value.value
        return super().format_field(value, format_spec)


TEMPLATE = _Template()


def render_statement(template: str, params: dict[str, Any]) -> str:
    """The statement with its placeholders filled from the rule's own params."""
    return TEMPLATE.format(template, **params)


def _typed(rule_id: str, raw: object) -> tuple[BaseModel | None, list[str]]:
    model = RULE_MODELS.get(rule_id, GenericParams)
    try:
        return model.model_validate(raw if raw is not None else {}), []
    except ValidationError as err:
        return None, [f"{rule_id}.{_where(e['loc'])}: {describe(e)}" for e in err.errors()]


def _statement(rule: Rule, params: dict[str, Any]) -> tuple[str, list[str]]:
    try:
        return render_statement(rule.statement, params), []
    except (KeyError, IndexError, AttributeError, ValueError) as err:
        return rule.statement, [f"{rule.id}.statement: {{{err.args[0]}}} names no parameter of this rule"]


def _parse_rule(n: int, raw: object) -> tuple[Rule | None, BaseModel | None, list[str]]:
    label = raw.get("id", f"entry {n}") if isinstance(raw, dict) else f"entry {n}"
    try:
        rule = Rule.model_validate({**raw, "params": {}} if isinstance(raw, dict) else raw)
    except ValidationError as err:
        return None, None, [f"{label}.{_where(e['loc'])}: {describe(e)}" for e in err.errors()]
    typed, errors = _typed(rule.id, raw.get("params"))  # type: ignore[union-attr]
    if typed is None:
        return None, None, errors
    params = dict(raw.get("params") or {})  # type: ignore[union-attr]  # as written (typed above): order kept
    statement, errors = _statement(rule, params)
    return rule.model_copy(update={"statement": statement, "params": params}), typed, errors


def rule_errors(data: dict, source: str = "rules.toml") -> tuple[Registry | None, list[str]]:
    """The registry in `data` and every problem with it, each named by its path."""
    rules, typed, errors = [], {}, []
    for n, raw in enumerate(data.get("rule", []), start=1):
        rule, params, problems = _parse_rule(n, raw)
        errors += problems
        if rule is None:
            continue
        if rule.id in typed:
            errors.append(f"{rule.id}: id is used twice")
        rules.append(rule)
        typed[rule.id] = params
    written = {raw.get("id") for raw in data.get("rule", []) if isinstance(raw, dict)}
    missing = [rid for rid in RULE_MODELS if rid not in written]
    if missing:
        errors.append(f"rules the planner needs are missing: {', '.join(missing)}")
    version = data.get("version", data.get("registry", {}).get("version"))
    if not isinstance(version, str) or not version:
        errors.append('version: missing; add version = "YYYY.MM.N" at the top of the file')
    if errors:
        return None, [f"{source}: {e}" for e in errors]
    modelled = {rid: m for rid, m in typed.items() if isinstance(m, RuleParams)}
    return Registry(version=version, rules=tuple(rules), typed=modelled), []  # type: ignore[arg-type]


def parse_registry(data: dict, source: str = "rules.toml") -> Registry:
    """Validate raw TOML into a Registry; RegistryError lists every problem at once."""
    registry, errors = rule_errors(data, source)
    if registry is None:
        raise RegistryError("\n".join(errors), errors)
    return registry
