"""The exercise library: parsed from `runstrong/data/exercises.toml` (read by `io/data_files`), validated, queried.

The library is data, not code: a coach can add an exercise by editing the TOML file,
and the tests check every entry (schema, links, coverage, Garmin names).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pydantic import ValidationError

from .model import Category, Exercise, Item, Level, PainArea, Pattern


class LibraryError(ValueError):
    """The exercise data file is malformed; the message names the entry and field.

    `errors` lists every problem found."""

    def __init__(self, message: str, errors: list[str] | None = None) -> None:
        super().__init__(message)
        self.errors = errors or [message]


@dataclass(frozen=True, eq=False)  # one per loaded file: caches key on the planning context
class Library:
    version: str
    exercises: tuple[Exercise, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {e.id: e for e in self.exercises})

    def __len__(self) -> int:
        return len(self.exercises)

    def __contains__(self, exercise_id: object) -> bool:
        return exercise_id in self._by_id  # type: ignore[attr-defined]

    def get(self, exercise_id: str) -> Exercise:
        try:
            return self._by_id[exercise_id]  # type: ignore[attr-defined]
        except KeyError:
            raise KeyError(exercise_id) from None

    def ids(self) -> list[str]:
        return [e.id for e in self.exercises]

    def above(self, exercise_id: str) -> frozenset[str]:
        """Every exercise up `exercise_id`'s progressions, however many rungs (worked out for
        the whole library the first time it is asked, and kept with it)."""
        ups = self.__dict__.get("_above")
        if ups is None:
            ups = {e.id: _up_closure(self, e.id) for e in self.exercises}
            object.__setattr__(self, "_above", ups)
        return ups.get(exercise_id, frozenset())

    def rungs_below(self, exercise_id: str) -> int:
        """How many exercises of `exercise_id`'s pattern have it up their progressions (worked
        out for the whole library the first time it is asked, and kept with it)."""
        counts = self.__dict__.get("_rungs_below")
        if counts is None:
            counts = {
                e.id: sum(1 for x in self.exercises if x.pattern == e.pattern and e.id in self.above(x.id))
                for e in self.exercises
            }
            object.__setattr__(self, "_rungs_below", counts)
        return counts.get(exercise_id, 0)

    def gentler_forms(self, exercise_id: str) -> frozenset[str]:
        """Every exercise down `exercise_id`'s regressions whose every step keeps the movement
        pattern: a gentler form of the same movement (a single-leg calf raise's isometric hold),
        not another movement that takes its place (a Nordic curl's bridge march). Worked out for
        the whole library the first time it is asked, and kept with it."""
        downs = self.__dict__.get("_gentler")
        if downs is None:
            downs = {e.id: _gentler_closure(self, e) for e in self.exercises}
            object.__setattr__(self, "_gentler", downs)
        return downs.get(exercise_id, frozenset())

    def query(
        self,
        *,
        category: Category | None = None,
        pattern: Pattern | None = None,
        equipment: frozenset[Item] | None = None,
        max_level: Level | None = None,
        exclude_pain: Iterable[PainArea] = (),
    ) -> list[Exercise]:
        """Exercises matching every given filter, in library order."""
        pain = set(exclude_pain)
        out = []
        for e in self.exercises:
            if category is not None and e.category != category:
                continue
            if pattern is not None and e.pattern != pattern:
                continue
            if equipment is not None and not e.fits(equipment):
                continue
            if max_level is not None and e.level.rank > max_level.rank:
                continue
            if pain and pain.intersection(e.contraindications):
                continue
            out.append(e)
        return out

    def ladder(self, exercise_id: str) -> list[Exercise]:
        """The progression chain through an exercise: easiest regression first.

        Follows the first regression down and the first progression up, so a ladder is
        one path even where the graph branches.
        """
        start = self.get(exercise_id)
        down: list[Exercise] = []
        seen = {start.id}
        current = start
        while current.regressions and current.regressions[0] not in seen:
            current = self.get(current.regressions[0])
            seen.add(current.id)
            down.append(current)
        up: list[Exercise] = []
        current = start
        while current.progressions and current.progressions[0] not in seen:
            current = self.get(current.progressions[0])
            seen.add(current.id)
            up.append(current)
        return [*reversed(down), start, *up]

    def broken_links(self) -> list[str]:
        """Every progression or regression that names no exercise, as `id -> missing`."""
        return [
            f"{e.id} -> {link}"
            for e in self.exercises
            for link in (*e.regressions, *e.progressions)
            if link not in self
        ]


def _up_closure(library: Library, exercise_id: str) -> frozenset[str]:
    seen: set[str] = set()
    todo = [exercise_id]
    while todo:
        for x in library.get(todo.pop()).progressions:
            if x in library and x not in seen and x != exercise_id:
                seen.add(x)
                todo.append(x)
    return frozenset(seen)


def _gentler_closure(library: Library, start: Exercise) -> frozenset[str]:
    seen: set[str] = set()
    todo = [start]
    while todo:
        for x in todo.pop().regressions:
            if x in library and x not in seen and x != start.id and library.get(x).pattern == start.pattern:
                seen.add(x)
                todo.append(library.get(x))
    return frozenset(seen)


def library_errors(data: dict, source: str = "exercises.toml") -> tuple[Library | None, list[str]]:
    """The library in `data` and every problem with it, each named by exercise and field."""
    exercises, errors = [], []
    seen: set[str] = set()
    for n, raw in enumerate(data.get("exercise", []), start=1):
        label = raw.get("id", f"entry {n}") if isinstance(raw, dict) else f"entry {n}"
        try:
            ex = Exercise.model_validate(raw)
        except ValidationError as err:
            errors += [f"exercise {label}: {'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in err.errors()]
            continue
        if ex.id in seen:
            errors.append(f"exercise {ex.id}: id is used twice")
        seen.add(ex.id)
        exercises.append(ex)
    version = data.get("version", data.get("library", {}).get("version"))
    if not isinstance(version, str) or not version:
        errors.append('version: missing; add version = "YYYY.MM.N" at the top of the file')
    library = Library(version=str(version), exercises=tuple(exercises))
    written = {raw.get("id") for raw in data.get("exercise", []) if isinstance(raw, dict)}
    broken = [link for link in library.broken_links() if link.split(" -> ")[1] not in written]
    if broken:
        errors.append(f"links to unknown exercises: {', '.join(broken)}")
    if errors:
        return None, [f"{source}: {e}" for e in errors]
    return library, []


def parse_library(data: dict, source: str = "exercises.toml") -> Library:
    """Validate raw TOML data into a Library; LibraryError lists every problem at once."""
    library, errors = library_errors(data, source)
    if library is None:
        raise LibraryError("\n".join(errors), errors)
    return library
