"""Classifying calendar events as runs: words in seven languages, then the event's length."""

from __future__ import annotations

import copy
import datetime as dt
import tomllib
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from runstrong.core.model import DatedRun, Run, RunningWeek, RunType, Weekday
from runstrong.core.run_classify import (
    CalendarEntry,
    KeywordError,
    classify_entry,
    merge_dated,
    normalize,
    override,
    parse_keywords,
    text_minutes,
)
from runstrong.io.classify_data import run_keywords
from runstrong.io.data_files import load_context

DAY = dt.date(2027, 3, 2)
KW = run_keywords(load_context())
RAW = tomllib.loads(resources.files("runstrong.data").joinpath("run_keywords.toml").read_text("utf-8"))


def kind(title: str, minutes: int | None = None, description: str = "") -> RunType | None:
    return classify_entry(CalendarEntry(DAY, title, description, minutes), KW).type


# The words the issue names, and the usual titles of running apps and coaches.
TITLES = {
    RunType.long: [
        "Long run",
        "Langer Lauf",
        "Sortie longue",
        "Tirada larga",
        "Lungo 25 km",
        "Lange duurloop",
        "Longão 22 km",
        "Long Run with marathon pace finish",
        "LSD",
    ],
    RunType.intervals: [
        "Fartlek",
        "Intervalle 6x1000m",
        "Fractionné 10x400m",
        "Series en pista",
        "Ripetute in salita",
        "Intervaltraining",
        "Tiros 10x400m",
        "Hill repeats",
        "6 x 800 m",
        "Marathon 3x5km",  # repetitions before a weak race word
        "VMA courte",
    ],
    RunType.tempo: [
        "Drempel",
        "Threshold",
        "Tempo",
        "Tempodauerlauf",
        "Seuil 3x10'",
        "Umbral",
        "Soglia",
        "Limiar",
        "Marathon pace",
        "Half marathon race pace",
        "Half marathon pace 3x3km",  # a named pace before repetitions
        "Allure spécifique semi",
    ],
    RunType.easy: [
        "Easy",
        "Recovery run",
        "Locker",
        "Lockerer Dauerlauf",
        "Footing",
        "Rodaje",
        "Corsa lenta",
        "Herstelloop",
        "Rodagem leve",
        "Easy 45 min + 6 strides",
    ],
    RunType.race: [
        "Race",
        "Wettkampf",
        "Course des 10 km de Lyon",
        "Carrera popular",
        "Gara",
        "Wedstrijd",
        "Prova teste",
        "Berlin Marathon",
        "Mezza maratona di Roma",
    ],
    RunType.cross_train: ["Bike", "Swim", "Yoga", "Schwimmen", "Vélo", "Natación", "Nuoto", "Fietsen", "Caminhada"],
    RunType.rest: ["Rest", "Rest day", "Ruhetag", "Repos", "Descanso", "Riposo", "Rustdag", "Folga", "Day Off"],
}


@pytest.mark.parametrize(("expected", "title"), [(t, title) for t, titles in TITLES.items() for title in titles])
def test_titles_in_seven_languages_are_classified(expected: RunType, title: str) -> None:
    assert kind(title) == expected


def test_every_phrase_in_the_keyword_file_classifies_as_its_own_type() -> None:
    for run_type, table in RAW["types"].items():
        for key, phrases in table.items():
            if key == "patterns":
                continue
            for phrase in phrases:
                assert kind(phrase) == RunType(run_type), (run_type, key, phrase)


def test_every_type_has_words_in_every_language() -> None:
    for run_type in RunType:
        for lang in KW.table.languages:
            assert KW.table.types[run_type][lang], (run_type, lang)
    assert set(KW.table.languages) >= {"en", "de", "fr", "es", "it", "nl", "pt"}


def test_the_longest_phrase_wins() -> None:
    assert kind("Marathon") == RunType.race
    assert kind("Marathon pace") == RunType.tempo
    assert kind("Course") == RunType.race
    assert kind("Course à pied", minutes=40) == RunType.easy  # "running" in French, not a race
    assert kind("Rodaje") == RunType.easy
    assert kind("Rodaje largo") == RunType.long


def test_accents_case_and_umlauts_do_not_matter() -> None:
    assert normalize("FRACTIONNÉ") == "fractionne"
    assert normalize("Hügelsprints") == normalize("Huegelsprints") == "huegelsprints"
    assert kind("HÜGELSPRINTS") == kind("huegelsprints") == RunType.intervals
    assert kind("🏃 Ripetute 8×1000") == RunType.intervals


def test_without_keywords_the_length_decides() -> None:
    assert kind("Laufen mit Anna", minutes=90) == RunType.long
    assert kind("Laufen mit Anna", minutes=89) == RunType.easy
    assert kind("Laufen mit Anna") is None
    assert kind("Nachmittag", description="Planned Time: 1:45:00") == RunType.long


def test_strength_and_physio_are_left_out_even_with_a_duration() -> None:
    result = classify_entry(CalendarEntry(DAY, "Krafttraining", "", 45), KW)
    assert result.type is None and "krafttraining" in result.why


def test_the_description_speaks_when_the_title_does_not() -> None:
    result = classify_entry(CalendarEntry(DAY, "Einheit mit der Gruppe", "Einlaufen, dann Schwelle 2 x 15'", 60), KW)
    assert result.type == RunType.tempo and result.why.startswith("description")


def test_a_description_mentioning_the_race_does_not_make_a_race() -> None:
    assert kind("Session", 40, "Keep it easy: the race is in two weeks.") == RunType.easy
    assert kind("Session", 40, "Race week shake-out") == RunType.easy  # not a race


def test_minutes_come_from_the_event_then_the_text_then_the_assumption() -> None:
    assert classify_entry(CalendarEntry(DAY, "Langer Lauf", "", 105), KW).minutes == 105
    assert classify_entry(CalendarEntry(DAY, "Sortie longue 1h45"), KW).minutes == 105
    assert classify_entry(CalendarEntry(DAY, "Run: Sortie longue", "Planned Time: 1:50:00"), KW).minutes == 110
    assumed = classify_entry(CalendarEntry(DAY, "Langer Lauf"), KW)
    assert assumed.minutes == KW.table.assumed_minutes[RunType.long] and "assumed" in assumed.why
    assert classify_entry(CalendarEntry(DAY, "Ruhetag", "", 60), KW).minutes == 0


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("Planned Time: 1:05:00", 65),
        ("1h45", 105),
        ("1 h 15 min", 75),
        ("1,5 uur", 90),
        ("2 Std.", 120),
        ("45 min", 45),
        ("Rodaje suave 40'", 40),
        ("60 minutos", 60),
        ("3x10' Schwelle", None),  # ten minutes a repetition, not the session
        ("15' + 5x1000 + 10'", None),  # segments, not a total
        ("RDV 9h30 au stade", None),  # a clock time
        ("no numbers", None),
    ],
)
def test_text_minutes_reads_common_ways_of_writing_a_duration(text: str, minutes: int | None) -> None:
    assert text_minutes(text) == minutes


def test_override_sets_the_type_and_skip_leaves_the_event_out() -> None:
    entry = CalendarEntry(DAY, "Laufen mit Anna", "", 50)
    assert override(entry, RunType.tempo, KW).type == RunType.tempo
    assert override(entry, RunType.tempo, KW).minutes == 50
    assert override(entry, None, KW).type is None


# ------------------------------------------------------------------------ properties

STRONG = sorted(
    (phrase, RunType(t))
    for t, table in RAW["types"].items()
    for key, phrases in table.items()
    if key not in ("weak", "patterns")
    for phrase in phrases
)
FILLER = ["Morning", "Stadtpark", "mit", "Anna", "club", "🏃", "Woche", "3", "Sunday", "nach", "dem", "Frühstück"]
filler = st.lists(st.sampled_from(FILLER), max_size=3).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(STRONG), filler, filler, st.one_of(st.none(), st.integers(1, 600)))
def test_keywords_win_over_duration(pair: tuple[str, RunType], before: str, after: str, minutes: int | None) -> None:
    phrase, expected = pair
    result = classify_entry(CalendarEntry(DAY, f"{before} {phrase.upper()} {after}", "", minutes), KW)
    assert result.type == expected
    assert result.by == "keyword"
    if minutes is not None and expected != RunType.rest:
        assert result.minutes == minutes


@settings(max_examples=200, deadline=None)
@given(filler, st.integers(1, 600))
def test_without_keywords_ninety_minutes_is_the_line_between_easy_and_long(title: str, minutes: int) -> None:
    result = classify_entry(CalendarEntry(DAY, title or "Einheit", "", minutes), KW)
    assert result.type == (RunType.long if minutes >= KW.table.duration.long_from_minutes else RunType.easy)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60), st.text(max_size=80), st.one_of(st.none(), st.integers(1, 600)))
def test_classification_is_deterministic_and_total(title: str, description: str, minutes: int | None) -> None:
    entry = CalendarEntry(DAY, title, description, minutes)
    first = classify_entry(entry, KW)
    assert first == classify_entry(entry, KW)
    assert first.type is None or 0 <= first.minutes <= 600


# ------------------------------------------------------------------------- the data


def _broken(change) -> dict:  # type: ignore[no-untyped-def]
    data = copy.deepcopy(RAW)
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["types"]["easy"]["en"].append("tempo"), "already listed under"),
        (lambda d: d["types"]["easy"]["fr"].append("Récupération"), "write 'Récupération' as 'recuperation'"),
        (lambda d: d["types"]["rest"].pop("nl"), "no phrases for language 'nl'"),
        (lambda d: d["types"]["easy"].update(xx=["foo"]), "unknown language"),
        (lambda d: d["types"]["intervals"].update(patterns=["(unclosed"]), "not a regular expression"),
        (lambda d: d["priority"].remove("rest"), "every run type once"),
        (lambda d: d["types"].pop("race"), "missing run types: race"),
    ],
)
def test_a_malformed_keyword_file_is_refused_with_the_reason(change, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(KeywordError, match=message):
        parse_keywords(_broken(change))


# ------------------------------------------------------------------- into the profile


def test_imported_weeks_replace_the_old_dated_runs_of_those_weeks_only() -> None:
    old = RunningWeek(
        weekly=[Run(day=Weekday.sun, type=RunType.long, minutes=90)],
        dated=[
            DatedRun(date=dt.date(2027, 3, 4), type=RunType.tempo, minutes=50),  # week of Mar 1: replaced
            DatedRun(date=dt.date(2027, 3, 18), type=RunType.tempo, minutes=50),  # week of Mar 15: kept
        ],
    )
    new = [DatedRun(date=dt.date(2027, 3, 2), type=RunType.intervals, minutes=60)]
    running, replaced, kept = merge_dated(old, new)
    assert (replaced, kept) == (1, 1)
    assert [r.date for r in running.dated] == [dt.date(2027, 3, 2), dt.date(2027, 3, 18)]
    assert running.weekly == old.weekly
