"""What kind of run a calendar event is: long, tempo, intervals, easy, race, cross-training
or rest, read from its title in several languages and, failing that, from its length.

The words live in `runstrong/data/run_keywords.toml` (data, checked on load), so a runner
can add their club's jargon without touching code. Classification is pure: an event in,
a run type, minutes and a one-line reason out; reading .ics files is `io.ics_import`'s job,
reading the keywords (with the rulebook's long-run threshold) `io.classify_data.run_keywords`'s.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import Field, ValidationError, field_validator, model_validator

from .base import Frozen
from .model import AthleteProfile, DatedRun, RunningWeek
from .pace import KM_PER_MILE, pace_text
from .phases import lay_out_weeks, monday_of
from .vocab import RunType


class KeywordError(ValueError):
    """The keyword data file is malformed; the message names the table and the phrase."""


# ------------------------------------------------------------------------ the data file


class _Duration(Frozen):
    long_from_minutes: Annotated[int, Field(ge=30, le=300)]


EXTRA_KEYS = ("weak", "patterns")


class _Distance(Frozen):
    easy_min_per_km: Annotated[float, Field(ge=3, le=12)]
    race_min_per_km: Annotated[float, Field(ge=2.5, le=12)]
    races: dict[str, list[str]]

    @field_validator("races")
    @classmethod
    def _km_keys(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for key in value:
            try:
                km = float(key)
            except ValueError:
                raise ValueError(f"distance.races: {key!r} is not a distance in km") from None
            if not 0 < km <= 250:
                raise ValueError(f"distance.races: {key} km is not a race distance")
        return value


class KeywordTable(Frozen):
    """`run_keywords.toml` as validated data."""

    version: str
    languages: Annotated[list[str], Field(min_length=1)]
    priority: list[RunType]
    duration: _Duration | None = None  # filled from the registry's `long-run` rule
    distance: _Distance
    assumed_minutes: dict[RunType, Annotated[int, Field(ge=0, le=600)]]
    types: dict[RunType, dict[str, list[str]]]
    neutral: dict[str, list[str]]
    not_run: dict[str, list[str]]

    @field_validator("priority")
    @classmethod
    def _every_type_once(cls, value: list[RunType]) -> list[RunType]:
        if sorted(value) != sorted(RunType):
            raise ValueError(f"list every run type once ({', '.join(RunType)})")
        return value

    @field_validator("assumed_minutes", "types")
    @classmethod
    def _every_type(cls, value: dict) -> dict:
        missing = [t.value for t in RunType if t not in value]
        if missing:
            raise ValueError(f"missing run types: {', '.join(missing)}")
        return value

    @model_validator(mode="after")
    def _languages_and_phrases(self) -> KeywordTable:
        owner: dict[str, str] = {}
        tables = {f"types.{t.value}": words for t, words in self.types.items()}
        tables |= {"neutral": self.neutral, "not_run": self.not_run}
        for name, table in tables.items():
            unknown = set(table) - set(self.languages) - set(EXTRA_KEYS)
            if unknown:
                raise ValueError(f"{name}: unknown language(s) {', '.join(sorted(unknown))}; add them to `languages`")
            for lang in self.languages:
                if not table.get(lang):
                    raise ValueError(f"{name}: no phrases for language {lang!r}; add at least one")
            for key, phrases in table.items():
                if key == "patterns":
                    for pattern in phrases:
                        try:
                            re.compile(pattern)
                        except re.error as err:
                            raise ValueError(
                                f"{name}.patterns: {pattern!r} is not a regular expression ({err})"
                            ) from err
                    continue
                for phrase in phrases:
                    if normalize(phrase) != phrase or not phrase:
                        raise ValueError(
                            f"{name}.{key}: write {phrase!r} as {normalize(phrase)!r} (lower case, no accents or "
                            "punctuation), the way titles read after normalising"
                        )
                    if owner.setdefault(phrase, name) != name:
                        raise ValueError(f"{name}.{key}: {phrase!r} is already listed under {owner[phrase]}")
        return self


@dataclass(frozen=True)
class _Phrase:
    kind: RunType | Literal["neutral", "not_run"]
    lang: str  # a language code, "weak" or "pattern"
    tier: int  # strong phrases (2) before patterns (1) before weak phrases (0)


@dataclass(frozen=True, eq=False)
class Keywords:
    """The validated table and the matcher built from it."""

    table: KeywordTable
    phrases: dict[str, _Phrase]
    regex: re.Pattern[str]
    patterns: tuple[tuple[RunType, re.Pattern[str]], ...]

    @property
    def rank(self) -> dict[RunType, int]:
        return {t: i for i, t in enumerate(self.table.priority)}


def parse_keywords(data: dict) -> Keywords:
    """Validate the keyword data and build its matcher; KeywordError names what is wrong."""
    try:
        table = KeywordTable.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "(top level)"
        raise KeywordError(f"run_keywords.toml: {where}: {first['msg'].removeprefix('Value error, ')}") from None
    phrases: dict[str, _Phrase] = {}
    patterns: list[tuple[RunType, re.Pattern[str]]] = []
    for run_type, table_words in table.types.items():
        for key, words in table_words.items():
            if key == "patterns":
                patterns += [(run_type, re.compile(p)) for p in words]
            else:
                phrases.update({w: _Phrase(run_type, key, 0 if key == "weak" else 2) for w in words})
    for kind, group in (("neutral", table.neutral), ("not_run", table.not_run)):
        for lang, words in group.items():
            phrases.update({w: _Phrase(kind, lang, 2) for w in words})  # type: ignore[arg-type]
    # longest first: at each place in a title the longest phrase wins
    ordered = sorted(phrases, key=lambda w: (-len(w), w))
    regex = re.compile(r"(?<![a-z0-9])(?:" + "|".join(re.escape(w) for w in ordered) + r")(?![a-z0-9])")
    return Keywords(table, phrases, regex, tuple(patterns))


# ------------------------------------------------------------------------ normalising

_UMLAUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "×": "x", "æ": "ae", "œ": "oe"})


def normalize(text: str) -> str:
    """Lower case, German umlauts as ae/oe/ue, other accents dropped, punctuation as spaces."""
    text = unicodedata.normalize("NFC", text.lower()).translate(_UMLAUT)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


# --------------------------------------------------------------------------- minutes

_HMS = re.compile(r"(?<![\d:])(\d{1,2}):([0-5]\d):([0-5]\d)(?![\d:])")
_HOURS = re.compile(
    r"(?<![\d.,:])(\d(?:[.,]\d{1,2})?)\s*(?:h|hr|hrs|hours?|std\.?|stunden?|heures?|horas?|ore|ora|uur)(?![a-z])"
    r"(?:\s*(\d{1,2})(?!\d)(?:\s*(?:min|mn|m|')(?![a-z]))?)?"
)
_MINUTES = re.compile(
    r"(?<![\d.,:])(\d{1,3})\s*(?:minutes|minute|minuten|minuti|minutos|minuto|minuut|mins|min|mn|'|’|′)(?![a-z])"
)
_REPEATED = re.compile(r"\d\s*[x×]\s*$")  # "3x10'": ten minutes a repetition, not the session


def text_minutes(text: str) -> int | None:
    """A session's length written in text: "1:30:00", "1h45", "1,5 h", "45 min", "60'".

    Hours count up to 4 h 59 (a larger "9h30" is a clock time in French); several minute
    figures ("15' + 5x1000 + 10'") are segments, not the total, so they give nothing.
    """
    low = text.lower()
    if m := _HMS.search(low):
        total = int(m[1]) * 60 + int(m[2]) + (1 if int(m[3]) >= 30 else 0)
        return total if 0 < total <= 600 else None
    for m in _HOURS.finditer(low):
        hours = float(m[1].replace(",", "."))
        total = round(hours * 60) + (int(m[2]) if m[2] else 0)
        if hours < 5 and 0 < total <= 300:
            return total
    found = {int(m[1]) for m in _MINUTES.finditer(low) if not _REPEATED.search(low[: m.start()])}
    if len(found) == 1:
        (value,) = found
        return value if 0 < value <= 600 else None
    return None


# ------------------------------------------------------------------------ classifying


@dataclass(frozen=True)
class CalendarEntry:
    """One calendar event as far as classifying needs: its local date, words and length."""

    date: dt.date
    title: str
    description: str = ""
    minutes: int | None = None  # from its start and end; None when it has no length (all-day, no end)
    all_day: bool = False
    uid: str = ""
    time: dt.time | None = None  # local start time, for showing; None for all-day events


@dataclass(frozen=True)
class Classification:
    type: RunType | None  # None: left out of the running week
    minutes: int
    why: str
    by: Literal["keyword", "duration", "override", "left_out"]


@dataclass(frozen=True)
class _Hit:
    phrase: str
    info: _Phrase


def _hits(text: str, kw: Keywords) -> list[_Hit]:
    hits = [_Hit(m[0], kw.phrases[m[0]]) for m in kw.regex.finditer(text)]
    for run_type, pattern in kw.patterns:
        if m := pattern.search(text):
            hits.append(_Hit(m[0], _Phrase(run_type, "pattern", 1)))
    return hits


def _decide(hits: list[_Hit], kw: Keywords) -> tuple[_Hit | None, list[_Hit]]:
    """The hit that decides the type (strong phrases, then patterns, then weak phrases; within
    a tier by priority), and the other typed hits of that tier."""
    typed = [h for h in hits if isinstance(h.info.kind, RunType)]
    if not typed:
        return None, []
    tier = max(h.info.tier for h in typed)
    pool = [h for h in typed if h.info.tier == tier]
    rank = kw.rank
    best = min(pool, key=lambda h: rank[h.info.kind])  # type: ignore[index]
    others = [h for h in pool if h.info.kind != best.info.kind]
    return best, others


def _said(hit: _Hit, where: str) -> str:
    note = {"pattern": " (repetitions)", "weak": " (no stronger word)"}.get(hit.info.lang, f" ({hit.info.lang})")
    return f'{where} says "{hit.phrase}"{note}'


def classify_entry(entry: CalendarEntry, kw: Keywords, easy_pace: float | None = None) -> Classification:
    """Classify one event: keywords in the title, then in the description, then its length
    (or its distance at `easy_pace`, the runner's minutes per km when known)."""
    not_run: _Hit | None = None
    for where, text in (("title", entry.title), ("description", entry.description)):
        hits = _hits(normalize(text), kw)
        if where == "description":  # coach's notes mention the coming race often; only a title names one
            hits = [h for h in hits if h.info.kind != RunType.race]
        best, others = _decide(hits, kw)
        if best is not None:
            run_type = best.info.kind
            assert isinstance(run_type, RunType)
            why = _said(best, where)
            if others:
                names = ", ".join(dict.fromkeys(str(h.info.kind) for h in others))
                why += f"; {run_type.value} before {names}"
            minutes, note = _minutes(entry, run_type, kw, easy_pace)
            return Classification(run_type, minutes, why + note, "keyword")
        if not_run is None:
            not_run = next((h for h in hits if h.info.kind == "not_run"), None)
        if not_run is not None:
            break  # "Krafttraining" in the title: what the description says does not make it a run
    if not_run is not None:
        return Classification(None, 0, f'not a run: "{not_run.phrase}" ({not_run.info.lang}); left out', "left_out")
    minutes = entry.minutes or text_minutes(entry.title) or text_minutes(entry.description)
    if not minutes and (by_distance := distance_minutes(entry, False, kw, easy_pace)):
        minutes = by_distance[0]
    if not minutes:
        return Classification(None, 0, "no keyword and no duration; left out", "left_out")
    long_from = kw.table.duration.long_from_minutes
    if minutes >= long_from:
        return Classification(RunType.long, minutes, f"no keyword; {minutes} min ≥ {long_from}: long", "duration")
    return Classification(RunType.easy, minutes, f"no keyword; {minutes} min < {long_from}: easy", "duration")


def _minutes(entry: CalendarEntry, run_type: RunType, kw: Keywords, easy_pace: float | None = None) -> tuple[int, str]:
    """Minutes for a run: the event's length, else a length in its text, else its distance
    at a pace (the runner's easy pace when known), else the assumed minutes."""
    if run_type == RunType.rest:
        return 0, ""
    minutes = entry.minutes or text_minutes(entry.title) or text_minutes(entry.description)
    if minutes:
        return min(minutes, 600), ""
    by_distance = distance_minutes(entry, run_type == RunType.race, kw, easy_pace)
    if by_distance is not None:
        return by_distance
    assumed = kw.table.assumed_minutes[run_type]
    return assumed, f"; no duration, {assumed} min assumed"


_DISTANCE = re.compile(r"(?<![\d.,x])(\d{1,3}(?:[.,]\d{1,2})?)\s*(km|k|mi|miles?|meilen?)(?![a-z])")


def text_km(text: str, kw: Keywords | None = None) -> float | None:
    """A run's distance written in text: "30 km", "10k", "13.1 mi", or a race that names it
    ("Halbmarathon"); None for none, or for several figures (segments such as "2 km + 5x1 km")."""
    low = normalize(text) if text else ""
    found = set()
    for m in _DISTANCE.finditer(text.lower()):
        if _REPEATED.search(text.lower()[: m.start()]):
            continue  # "5x1km": a repetition, not the run
        km = float(m[1].replace(",", "."))
        found.add(round(km * KM_PER_MILE if m[2].startswith(("mi", "meile")) else km, 3))
    if len(found) == 1:
        (km,) = found
        return km if 0 < km <= 250 else None
    if found or kw is None:
        return None
    for key, words in sorted(kw.table.distance.races.items(), key=lambda item: -float(item[0])):
        if any(re.search(rf"(?<![a-z0-9]){re.escape(w)}(?![a-z0-9])", low) for w in words):
            return float(key)
    return None


def distance_minutes(
    entry: CalendarEntry, race: bool, kw: Keywords, easy_pace: float | None = None
) -> tuple[int, str] | None:
    """Minutes from the distance the event states, at the runner's easy pace (min/km) when
    known, else the data's easy pace; a race at the data's race pace, scaled by how the
    runner's easy pace compares with the data's (a faster runner races faster too).
    None when it states no distance."""
    km = text_km(entry.title, kw) or text_km(entry.description, kw)
    if km is None:
        return None
    table = kw.table.distance
    known = easy_pace is not None
    if race:
        pace = table.race_min_per_km * (easy_pace / table.easy_min_per_km if easy_pace else 1)
        whose = "race pace from your easy pace" if known else "an assumed race pace"
    else:
        pace = easy_pace if easy_pace else table.easy_min_per_km
        whose = "your easy pace" if known else "an assumed easy pace"
    minutes = min(round(km * pace), 600)
    shown = f"{km:.1f}".removesuffix(".0")
    return minutes, f"; {shown} km at {pace_text(pace)}/km ({whose}): {minutes} min"


def override(
    entry: CalendarEntry, run_type: RunType | None, kw: Keywords, easy_pace: float | None = None
) -> Classification:
    """The runner's own answer for an event (`--set DATE=TYPE`, or `skip`)."""
    if run_type is None:
        return Classification(None, 0, "left out by you", "override")
    minutes, note = _minutes(entry, run_type, kw, easy_pace)
    return Classification(run_type, minutes, "set by you" + note, "override")


# ---------------------------------------------------------------- into the profile


def merge_dated(running: RunningWeek, runs: list[DatedRun]) -> tuple[RunningWeek, int, int]:
    """`running` with its dated runs replaced in every week (Monday to Sunday) that `runs` cover.

    The planner reads a week with dated runs as that week's whole running (days without one
    are rest days), so an imported week replaces the old one entirely rather than day by day.
    Returns the new running week, how many old dated runs were replaced and how many kept.
    """
    weeks = {monday_of(r.date) for r in runs}
    kept = [r for r in running.dated if monday_of(r.date) not in weeks]
    replaced = len(running.dated) - len(kept)
    merged = sorted([*kept, *runs], key=lambda r: (r.date, list(RunType).index(r.type), r.minutes))
    return RunningWeek(weekly=running.weekly, dated=merged), replaced, len(kept)


def plan_period(profile: AthleteProfile, params: Any) -> tuple[dt.date, dt.date]:
    """The first Monday and last Sunday of the plan `profile` gives (with the rulebook's
    `params`): the dates an import keeps."""
    frames = lay_out_weeks(profile, params)
    return frames[0].start, frames[-1].end
