"""The data that sorts imported activities and calendar events, with the rulebook's long-run threshold.

`activity_types.toml` (watch sports and name keywords) and `run_keywords.toml` (calendar
words in seven languages) ship with the package; the minutes from which an unnamed run is
a long run come from the context's rulebook (rule `long-run`), so an edited copy given by
`--data DIR` or `RUNSTRONG_DATA` changes how runs are classified as it changes plans.
"""

from __future__ import annotations

import tomllib
from dataclasses import replace
from functools import cache, lru_cache
from importlib import resources

from runstrong.core.activity import ImportRules, parse_import_rules
from runstrong.core.context import PlanningContext
from runstrong.core.run_classify import Keywords, parse_keywords


def import_rules(ctx: PlanningContext) -> ImportRules:
    """How activities are sorted, with the long-run threshold of `ctx`'s rulebook."""
    return _import_rules_with(float(ctx.params.long_run_minutes))


def run_keywords(ctx: PlanningContext) -> Keywords:
    """The calendar keyword table, with the long-run threshold of `ctx`'s rulebook."""
    return _keywords_with(float(ctx.params.long_run_minutes))


@cache
def _shipped(name: str) -> dict:
    return tomllib.loads(resources.files("runstrong.data").joinpath(name).read_text("utf-8"))


@lru_cache(maxsize=8)  # one entry per distinct threshold in use
def _import_rules_with(long_run_minutes: float) -> ImportRules:
    return replace(parse_import_rules(_shipped("activity_types.toml")), long_run_minutes=long_run_minutes)


@lru_cache(maxsize=8)
def _keywords_with(long_run_minutes: float) -> Keywords:
    return parse_keywords(_shipped("run_keywords.toml") | {"duration": {"long_from_minutes": long_run_minutes}})
