"""Write a runner profile (TOML or YAML) and append screens to one, atomically.

Every write goes to a temporary file beside the target and is renamed over it only once
the new text reads back as a valid profile, so a failed write leaves the old file as it
was. Appending a screen to TOML adds a `[[screens]]` table as text, so the runner's own
comments and layout survive.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from enum import Enum
from pathlib import Path
from typing import Any

from runstrong import clock
from runstrong.core.model import AthleteProfile
from runstrong.core.screen import Screen
from runstrong.errors import UserError
from runstrong.io.files import write_atomically
from runstrong.io.profile_file import read_profile_data, validate_profile
from runstrong.io.text import PROFILE_BYTES, read_text

TOML_SUFFIXES = (".toml",)
YAML_SUFFIXES = (".yaml", ".yml")


def profile_format(path: Path) -> str:
    """ "toml" or "yaml" from the file name; anything else is a UserError naming the fix."""
    suffix = path.suffix.lower()
    if suffix in TOML_SUFFIXES:
        return "toml"
    if suffix in YAML_SUFFIXES:
        return "yaml"
    raise UserError(f"{path.name}: a profile ends in .toml, .yaml or .yml (got {suffix or 'no extension'!r})")


def plain(value: Any) -> Any:
    """Plain data for a writer: enum values, whole floats as ints; None and empty lists/tables left out."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, float) and value.is_integer():
        return int(value)  # 61 rather than 61.0; it reads back as the same float
    if isinstance(value, dict):
        out = {str(plain(k)): plain(v) for k, v in value.items() if v is not None}
        return {k: v for k, v in out.items() if v not in ([], {})}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def profile_data(profile: AthleteProfile) -> dict[str, Any]:
    """The profile as a file holds it: the body mass in the runner's own units (`body_mass`,
    pounds in an imperial profile, so a pounds runner who edits the file meets no kg field)."""
    from runstrong.core.profile_checks import mass_in_units

    data = plain(profile.model_dump(mode="python"))
    imperial = profile.units.value == "imperial"
    if imperial:  # the field's place kept, its name and value in pounds
        data = {("body_mass" if k == "body_mass_kg" else k): (mass_in_units(v, True) if k == "body_mass_kg" else v)
                for k, v in data.items()}  # fmt: skip
    for name, field in type(profile).model_fields.items():  # an empty list that is not the default says something
        if getattr(profile, name) == [] and field.default is None:
            data[name] = []  # furniture = []: nothing at home to step on, sit to or lean on
    for run in (data.get("running") or {}).get("dated") or []:
        if run.get("goal") is False:
            del run["goal"]  # a dated run is no goal race unless it says so (goal-race)
    return data


def screen_data(screen: Screen) -> dict[str, Any]:
    return plain(screen.model_dump(mode="python"))


# ------------------------------------------------------------------------------- TOML

_LIST = re.compile(r"^(?P<key>[A-Za-z0-9_]+) = \[\n(?P<items>(?: +(?:\"[^\"\\\n]*\"|[-+0-9.]+),\n)+)\]$", re.M)


def _compact_lists(text: str) -> str:
    """`days = ["mon", "wed"]` on one line instead of tomli-w's one item per line."""

    def join(m: re.Match[str]) -> str:
        items = [line.strip().rstrip(",") for line in m["items"].splitlines()]
        one_line = f"{m['key']} = [{', '.join(items)}]"
        return one_line if len(one_line) <= 100 else m[0]

    return _LIST.sub(join, text)


def toml_text(data: dict[str, Any]) -> str:
    import tomli_w

    return _compact_lists(tomli_w.dumps(data))


def _comment(text: str) -> str:
    return "".join(f"# {line}".rstrip() + "\n" for line in text.splitlines())


# ------------------------------------------------------------------------------- YAML


def yaml_text(data: dict[str, Any]) -> str:
    import yaml

    def convert(value: Any) -> Any:
        if isinstance(value, dt.time):
            return value.isoformat()  # quoted by the dumper: YAML 1.1 would read 18:30 as a number
        if isinstance(value, dict):
            return {k: convert(v) for k, v in value.items()}
        if isinstance(value, list):
            return [convert(v) for v in value]
        return value

    return yaml.safe_dump(convert(data), sort_keys=False, default_flow_style=None, allow_unicode=True, width=100)


# ------------------------------------------------------------------------------ write


def render_profile(profile: AthleteProfile, fmt: str, header: str = "") -> str:
    data = profile_data(profile)
    body = toml_text(data) if fmt == "toml" else yaml_text(data)
    return (_comment(header) + "\n" if header else "") + body


def write_profile(path: Path, profile: AthleteProfile, *, header: str = "", force: bool = False) -> None:
    """Write `profile` to `path` (format from the suffix); refuse to overwrite unless `force`."""
    fmt = profile_format(path)
    check_writable(path, force=force)
    text = render_profile(profile, fmt, header)
    _check_reads_back(text, fmt, path, lambda p: p == profile)
    write_atomically(path, text)


def check_writable(path: Path, *, force: bool) -> None:
    if path.exists() and not force:
        raise UserError(f"{path}: already exists; pick another name or add --force to replace it")
    if path.is_dir():
        raise UserError(f"{path}: is a folder; give a file name such as {path / 'profile.toml'}")
    if not path.parent.exists():
        raise UserError(f"{path}: folder {path.parent} does not exist; create it or pick another path")


def append_screen(path: Path, screen: Screen) -> tuple[AthleteProfile, str | None]:
    """Add `screen` to the profile at `path`; return the updated profile and a note for the runner, if any.

    TOML gets a `[[screens]]` table appended as text (comments kept); YAML is loaded,
    appended to and dumped. Nothing is written unless the result validates.
    """
    fmt = profile_format(path)
    old = validate_profile(read_profile_data(path), source=path.name)
    expected = old.model_copy(update={"screens": [*old.screens, screen]})
    note = None
    if fmt == "toml":
        text = read_text(path, PROFILE_BYTES)
        block = f"# Baseline screen recorded with `runstrong assess` on {clock.today().isoformat()}.\n"
        block += "[[screens]]\n" + toml_text(screen_data(screen))
        new_text = text + ("" if text.endswith("\n") or not text else "\n") + "\n" + block
        try:
            tomllib.loads(new_text)
        except tomllib.TOMLDecodeError:
            # e.g. `screens = [...]` written inline: rewrite the file, keeping its opening comments
            lead = _leading_comments(text)
            new_text = lead + ("\n" if lead else "") + toml_text(profile_data(expected))
            note = f"{path.name} held its screens inline, so it was rewritten: comments after the header were not kept."
    else:
        import yaml

        raw = yaml.safe_load(read_text(path, PROFILE_BYTES))
        raw["screens"] = [*(raw.get("screens") or []), screen_data(screen)]
        text = read_text(path, PROFILE_BYTES)
        lead = _leading_comments(text)
        new_text = lead + yaml_text(raw)
        if re.search(r"(^|\s)#", text[len(lead) :], flags=re.M):
            note = f"{path.name}: YAML comments below the header are not kept when a screen is added."
    _check_reads_back(new_text, fmt, path, lambda p: p == expected)
    write_atomically(path, new_text)
    return expected, note


def _leading_comments(text: str) -> str:
    lines = []
    for line in text.splitlines(keepends=True):
        if not line.startswith("#"):
            break
        lines.append(line)
    return "".join(lines)


def _check_reads_back(text: str, fmt: str, path: Path, ok) -> None:  # type: ignore[no-untyped-def]
    """Parse and validate `text` as the profile it will become; refuse to write anything else."""
    if fmt == "toml":
        data = tomllib.loads(text)
    else:
        import yaml

        data = yaml.safe_load(text)
    profile = validate_profile(data, source=path.name)
    if not ok(profile):
        raise UserError(f"{path.name}: the written profile would not read back as entered; nothing was written")
