"""Reading the data a plan is made from: the shipped files, or a coach's edited copy.

`load_context()` gives the planning context every adapter passes into the core: from
`data_dir` when given, else from the directory named by `RUNSTRONG_DATA`, else from the
files shipped in the package. A directory may hold any of exercises.toml, rules.toml,
screen.toml and ladders.toml; a file it lacks comes from the package. Contexts are kept per process (a few,
keyed by the files' paths and modification times), so a server or a bench builds one once
and its planning memo stays warm.

`check_data(dir)` validates such a directory and returns every problem at once. The core
only parses (`parse_library`, `parse_registry`, `ladder_errors`, `parse_poses` take the
decoded TOML): reading the files, the package's or a copy's, happens here and nowhere else.
`load_library()`, `load_registry()`, `load_params()`, `load_ladders()` and `load_poses()`
give the shipped data to adapters that do not plan (listings, figures, forms).
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from runstrong.errors import UserError

if TYPE_CHECKING:  # the core's models are imported where they are used: listing exercises needs no rulebook
    from runstrong.core.context import PlanningContext
    from runstrong.core.library import Library
    from runstrong.core.pain_return import Ladders
    from runstrong.core.pose import Pose
    from runstrong.core.rules import Registry

ENV = "RUNSTRONG_DATA"
FILES = ("exercises.toml", "rules.toml", "screen.toml", "ladders.toml")
_KEPT = 4  # contexts kept per process: the shipped data and a few edited copies


class DataError(UserError):
    """A data directory holds invalid files; `errors` lists every problem, each with its path."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass(frozen=True)
class Checked:
    """A data directory read and checked: the parts that loaded, and every problem found."""

    library: Library | None
    registry: Registry | None
    errors: list[str]
    files: dict[str, Path]
    ladders: Ladders | None = None


def data_dir_from_env() -> Path | None:
    value = os.environ.get(ENV, "").strip()
    return Path(value).expanduser() if value else None


SHIPPED = Path(__file__).resolve().parent.parent / "data"  # the package's data folder (`runstrong.data`)


def _shipped(name: str) -> Path:
    return SHIPPED / name


def data_files(data_dir: Path | None) -> dict[str, Path]:
    """Each data file's path: from `data_dir` where it has the file, else the shipped one."""
    out = {}
    for name in FILES:
        edited = data_dir / name if data_dir is not None else None
        out[name] = edited if edited is not None and edited.is_file() else _shipped(name)
    return out


def _toml(path: Path, errors: list[str]) -> dict | None:
    try:
        return tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        errors.append(f"{path}: cannot be read ({err})")
    except tomllib.TOMLDecodeError as err:
        errors.append(f"{path}: not valid TOML ({err})")
    return None


def _screen_errors(path: Path) -> list[str]:
    from pydantic import ValidationError

    from runstrong.io.screen_text import Battery

    errors: list[str] = []
    data = _toml(path, errors)
    if data is None:
        return errors
    try:
        Battery.model_validate(data)
    except ValidationError as err:
        errors += [f"{path.name}: {'.'.join(map(str, e['loc']))}: {e['msg']}" for e in err.errors()]
    return errors


def check_data(data_dir: Path | None) -> Checked:
    """Read and validate every data file (the directory's, or the shipped one in its place)."""
    from runstrong.core.library import library_errors
    from runstrong.core.pain_return import ladder_errors
    from runstrong.core.rules import rule_errors

    if data_dir is not None and not data_dir.is_dir():
        return Checked(None, None, [f"{data_dir}: not a directory; give the folder that holds the .toml files"], {})
    files = data_files(data_dir)
    errors: list[str] = []
    library = registry = None
    raw = _toml(files["exercises.toml"], errors)
    if raw is not None:
        library, problems = library_errors(raw, files["exercises.toml"].name)
        errors += problems
    raw = _toml(files["rules.toml"], errors)
    if raw is not None:
        registry, problems = rule_errors(raw, files["rules.toml"].name)
        errors += problems
    errors += _screen_errors(files["screen.toml"])
    ladders = None
    raw = _toml(files["ladders.toml"], errors)
    if raw is not None:
        ladders, problems = ladder_errors(raw, library, files["ladders.toml"].name)
        errors += problems
    return Checked(library, registry, errors, files, ladders)


def _stamp(files: dict[str, Path]) -> tuple:
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files.values())


_CONTEXTS: dict[tuple, PlanningContext] = {}  # adapters' process cache: bounded, keyed by files and times


def load_context(data_dir: Path | str | None = None) -> PlanningContext:
    """The planning context for `data_dir` (else `RUNSTRONG_DATA`, else the shipped data).
    Raises DataError, listing every problem, when the files are invalid."""
    return _context_at(Path(data_dir).expanduser() if data_dir is not None else data_dir_from_env())


def shipped_context() -> PlanningContext:
    """The planning context of the data shipped in the package (`RUNSTRONG_DATA` aside)."""
    return _context_at(None)


@cache
def load_library() -> Library:
    """The shipped exercise library, for adapters that list or look up exercises (read alone:
    no rulebook to import or read back)."""
    from runstrong.core.library import parse_library

    return _shipped_file("exercises.toml", parse_library)


@cache
def load_registry() -> Registry:
    """The shipped rule registry, for adapters that show rules or read their numbers."""
    from runstrong.core.rules import parse_registry

    return _shipped_file("rules.toml", parse_registry)


def load_params() -> Any:
    """The shipped rulebook's numbers, flat and typed (`core.params.Params`)."""
    return load_registry().params  # type: ignore[attr-defined]


def load_ladders() -> Ladders:
    """The shipped graded-return ladders."""
    return shipped_context().ladders


@cache
def load_poses() -> dict[str, Pose]:
    """The shipped poses, by exercise id (only figures need them: ~30 ms to parse, ~5 to read back)."""
    from runstrong.core.pose import parse_poses

    return _shipped_file("poses.toml", parse_poses)


def _shipped_file(name: str, parse: Callable[[dict], Any]) -> Any:
    """One shipped file parsed by the core's `parse` (which refuses invalid data): kept on disk
    like the planning context, so a process reads it back instead of parsing it again."""
    from . import data_cache

    files = {name: _shipped(name)}
    kept = data_cache.load(files)
    if kept is None:
        kept = parse(tomllib.loads(files[name].read_text("utf-8")))
        data_cache.save(files, kept)
    return kept


def _context_at(where: Path | None) -> PlanningContext:
    from runstrong.core.context import PlanningContext

    files = data_files(where) if where is None or where.is_dir() else {}
    key = (str(where), _stamp(files)) if files else None
    if key is not None and key in _CONTEXTS:
        return _CONTEXTS[key]
    library, registry, ladders = _checked(where, files)
    source = "package" if where is None else str(where.resolve())
    context = PlanningContext(library=library, registry=registry, source=source, ladders=ladders)
    if len(_CONTEXTS) >= _KEPT:
        del _CONTEXTS[next(iter(_CONTEXTS))]
    _CONTEXTS[key] = context  # type: ignore[index]
    return context


def _checked(where: Path | None, files: dict[str, Path]) -> tuple[Library, Registry, Ladders]:
    """The library, registry and ladders: from the on-disk cache when these exact files passed
    before (`data_cache`), else read, checked (DataError on any problem) and cached."""
    from . import data_cache

    cached = data_cache.load(files) if files else None
    if cached is not None:
        return cached
    checked = check_data(where)
    if checked.errors or checked.library is None or checked.registry is None:
        raise DataError(checked.errors)
    from runstrong.core.pain_return import Ladders

    found = (checked.library, checked.registry, checked.ladders or Ladders())
    if files:
        data_cache.save(files, found)
    return found
