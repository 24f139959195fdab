"""Read a runner profile from TOML or YAML, with errors that name the field and the fix."""

from __future__ import annotations

import difflib
import tomllib
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from runstrong.core.library import Library
from runstrong.core.model import AthleteProfile
from runstrong.core.profile_checks import ACROSS_FIELDS
from runstrong.errors import Problem, UserError
from runstrong.io.field_errors import (  # noqa: F401 - validation_error re-exported for other readers
    across_field_problems,
    format_validation_error,
    validation_error,
    validation_problems,
)
from runstrong.io.text import PROFILE_BYTES, parse_structured, read_text


def load_profile(path: Path) -> AthleteProfile:
    """Parse and validate a profile file; raise UserError naming file, field and fix."""
    raw = read_profile_data(path)
    return validate_profile(raw, source=path.name)


def kilogram_loads_note(raw: dict[str, Any], source: str) -> str | None:
    """Words for an imperial profile that gives `known_loads_kg`: the one load field in kg
    among fields in pounds, where a pounds runner's own 135 lb became a 275 lb first Romanian
    deadlift (cr21a S3). Said, not refused: a profile that meant kilograms keeps working."""
    given = raw.get("known_loads_kg")
    if raw.get("units") != "imperial" or not isinstance(given, dict) or not given:
        return None
    from runstrong.core.loads import KG_PER_LB

    shown = ", ".join(f"{ex} = {kg:g} kg ({kg / KG_PER_LB:.0f} lb)" for ex, kg in given.items()
                      if isinstance(kg, int | float))  # fmt: skip
    return (f"{source}: known_loads_kg is in kilograms though this profile is in pounds: {shown}. If you meant "
            "pounds, write them under known_loads (your units) instead.")  # fmt: skip


def body_mass_note(raw: dict[str, Any], profile: AthleteProfile, source: str, p: Any) -> str | None:
    """What a profile file's body mass raises (`core.body_mass.body_mass_question`, the question
    `init` and the welcome page ask too): `body_mass_kg` in an imperial profile (cr24a F15: a
    150 lb woman's 150 became 331 lb), or a mass outside what most people of the runner's age
    and sex weigh (body-mass-plausible). Said, not refused: a file is the runner's last word."""
    from runstrong.core.body_mass import body_mass_question

    kg_field = raw.get("units") == "imperial" and "body_mass_kg" in raw
    question = body_mass_question(
        profile.body_mass_kg, profile.age, profile.sex, profile.units, p, kg_among_pounds=kg_field
    )
    if question is None:
        return None
    keep = "." if kg_field else (". If it is right, nothing needs changing.")
    return f"{source}: {question}{keep}"


def read_profile_data(path: Path) -> dict[str, Any]:
    if not path.exists():
        raise UserError(f"{path}: no such file. Copy one from examples/ or run `runstrong schema profile`.")
    data = read_data_file(path, prefix=path.name)
    if data is None:
        raise UserError(f"{path.name}: the file is empty; write the profile's fields (copy one from examples/)")
    if not isinstance(data, dict):
        raise UserError(f"{path.name}: a profile is a set of fields (name, age, start_date, ...), not {_kind(data)}")
    return data


def read_data_file(
    path: Path,
    prefix: str,
    formats: tuple[str, ...] = (".toml", ".yaml", ".yml"),
    limit: int = PROFILE_BYTES,
) -> Any:
    """TOML, YAML or JSON text parsed, with errors that start with `prefix` and say how to fix.
    The bytes are decoded and bounded by io/text (encoding, size, nesting, YAML aliases)."""
    suffix = path.suffix.lower()
    if suffix not in formats:
        raise UserError(f"{prefix}: unknown format {suffix!r}; use {', '.join(formats)}")
    text = read_text(path, limit, source=prefix)
    try:
        return parse_structured(text, suffix, source=prefix)
    except UserError:
        raise
    except tomllib.TOMLDecodeError as err:
        raise UserError(
            f"{prefix}: not valid TOML ({err}). Dates are written 2027-01-04, text goes in quotes."
        ) from None
    except Exception as err:  # yaml.YAMLError, json.JSONDecodeError
        raise UserError(f"{prefix}: not valid {suffix.lstrip('.').upper()} ({err})") from None


def _kind(data: Any) -> str:
    return {list: "a list", str: "a single value", int: "a number", float: "a number"}.get(type(data), "that")


def validate_profile(raw: dict[str, Any], source: str = "profile") -> AthleteProfile:
    """A valid profile, or every problem of the file at once: each bad field, and the checks
    across fields whose fields are valid (a race before the start with a bad session cap)."""
    try:
        profile = AthleteProfile.model_validate(raw)
    except ValidationError as err:
        problems = validation_problems(err, source, AthleteProfile)
        # the model's own check across fields already said its first problem: each is said once
        problems += across_field_problems(raw, err, AthleteProfile, ACROSS_FIELDS, source)
        raise UserError(problems=list(dict.fromkeys(problems))) from None
    from runstrong.clock import today
    from runstrong.core.health import birth_in_future

    if (future := birth_in_future(profile, today())) is not None:  # the model has no clock: asked here
        field, _, message = future.partition(": ")
        raise UserError(problems=[Problem(field, message, source=source)])
    check_loads(profile, source)
    return profile


def check_loads(profile: AthleteProfile, source: str = "profile") -> None:
    """Refuse known loads and recent sets beyond what body mass, sex and level make plausible
    (load-plausible: a load typed in pounds into known_loads_kg), each named with its fix."""
    if not profile.known_loads_kg and not profile.recent_sets:
        return
    from runstrong.core.load_plausible import implausible_loads
    from runstrong.io.data_files import load_context

    ctx = load_context()
    found = implausible_loads(profile, ctx.library, ctx.params)
    if found:
        raise UserError(problems=[Problem(field, said, fix=fix, source=source) for field, said, fix in found])


UNKNOWN_IDS_SHOWN = 20  # unknown exercise ids named one by one; the rest are counted


def check_exercise_ids(profile: AthleteProfile, library: Library, source: str = "profile") -> None:
    """Refuse a profile that names an exercise the library does not hold (a known load, a
    recent set or a swap): a misspelt id would otherwise be dropped without a word, and the
    runner would start from an estimate while believing their own load was used."""
    named = [
        *((f"known_loads_kg.{ex[:80]}", ex) for ex in profile.known_loads_kg),
        *((f"recent_sets.{ex[:80]}", ex) for ex in profile.recent_sets),
        *(
            (f"exercise_swaps[{i}].{side}", ex)
            for i, swap in enumerate(profile.exercise_swaps)
            for side, ex in (("from_id", swap.from_id), ("to_id", swap.to_id))
            if ex is not None
        ),
    ]
    unknown = [(field, ex) for field, ex in named if ex not in library]
    problems = []
    for field, ex in unknown[:UNKNOWN_IDS_SHOWN]:  # a file of thousands of made-up ids is not read out whole
        close = difflib.get_close_matches(ex[:80], library.ids(), n=1)
        fix = f"did you mean {close[0]!r}?" if close else "`runstrong exercises` lists the ids"
        problems.append(Problem(field, f"no exercise {ex[:80]!r} in the library", fix=fix, source=source))
    if len(unknown) > UNKNOWN_IDS_SHOWN:
        more = f"{len(unknown) - UNKNOWN_IDS_SHOWN} more exercise ids the library does not hold"
        problems.append(Problem("", more, fix="`runstrong exercises` lists the ids", source=source))
    if problems:
        raise UserError(problems=problems)
