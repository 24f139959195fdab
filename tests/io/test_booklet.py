"""The printable booklet, read back by independent programs: poppler's pdftoppm renders the
pages and pdftotext reads them; Python's own HTML parser checks the print view's structure.

One PDF is rendered for the whole module (WeasyPrint takes about a quarter of a second a
page): the marathoner's taper, race week and first week after the race."""

from __future__ import annotations

import math
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from runstrong.core.planner import build_plan
from runstrong.core.vocab import CATEGORY_NAME, SESSION_LETTER, Units
from runstrong.io.booklet import booklet_context, html_to_pdf, render_booklet_html, render_booklet_pdf, timeline
from runstrong.io.data_files import load_context
from runstrong.io.profile_file import load_profile
from tests.conftest import EXAMPLES

PDF_WEEKS = [15, 16, 17]
MEASURE = {"reps": "reps", "seconds": "secs", "contacts": "contacts", "distance_m": "metres"}
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None,
    reason="poppler-utils (pdftoppm, pdftotext) is not installed",
)


@pytest.fixture(scope="module")
def marathoner():
    return build_plan(load_profile(EXAMPLES / "marathoner.toml"), load_context())


@pytest.fixture(scope="module")
def novice():
    return build_plan(load_profile(EXAMPLES / "novice.toml"), load_context())


@pytest.fixture(scope="module")
def booklet_pdf(marathoner, library, registry, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("booklet") / "marathoner.pdf"
    path.write_bytes(render_booklet_pdf(marathoner, library, registry, weeks=PDF_WEEKS))
    return path


def page_texts(pdf: Path) -> list[str]:
    """Each page's text as pdftotext reads it, whitespace folded (names may wrap)."""
    whole = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [" ".join(page.split()) for page in whole.split("\f")[:-1]]


def sessions_of(plan, weeks):
    return [(w, s) for w in plan.weeks if w.index in weeks for s in w.sessions]


# ------------------------------------------------------------------------------ PDF


@needs_poppler
@pytest.mark.pdf
def test_pdf_pages_are_cover_weeks_cards_and_appendix(booklet_pdf, marathoner, tmp_path):
    subprocess.run(["pdftoppm", "-png", "-r", "30", str(booklet_pdf), str(tmp_path / "page")], check=True)
    images = sorted(tmp_path.glob("page-*.png"))
    texts = page_texts(booklet_pdf)
    assert len(images) == len(texts)
    cards = len(sessions_of(marathoner, PDF_WEEKS))
    exercises = {b.exercise_id for _, s in sessions_of(marathoner, PDF_WEEKS) for b in s.blocks}
    appendix = len(images) - (1 + len(PDF_WEEKS) + cards)
    assert 1 <= appendix <= math.ceil(len(exercises) / 8), (len(images), cards, len(exercises))
    assert "Exercises in this booklet" in texts[1 + len(PDF_WEEKS) + cards]


@needs_poppler
@pytest.mark.pdf
def test_each_week_page_is_followed_by_its_cards_one_page_each(booklet_pdf, marathoner):
    texts = page_texts(booklet_pdf)
    n = 1
    for week in (w for w in marathoner.weeks if w.index in PDF_WEEKS):
        assert texts[n].startswith(f"Week {week.index}"), texts[n][:80]
        n += 1
        for session in week.sessions:
            page = texts[n]
            assert f"Session {SESSION_LETTER[session.focus]} · {CATEGORY_NAME[session.focus]}" in page
            assert f"{session.date:%A} {session.date.day} {session.date:%B %Y}" in page
            # the whole card is on this one page: main work, check-in and notes
            assert "MAIN WORK" in page and "CHECK-IN" in page and "NOTES" in page
            n += 1


@needs_poppler
@pytest.mark.pdf
def test_pdf_text_holds_athlete_weeks_exercises_and_grid_labels(booklet_pdf, marathoner):
    text = " ".join(page_texts(booklet_pdf))
    assert "Maya (marathon)" in text and "Spring Marathon" in text
    for n in PDF_WEEKS:
        assert f"Week {n}" in text
    for _, session in sessions_of(marathoner, PDF_WEEKS):
        for block in session.blocks:
            assert block.name in text, block.name
    for label in ("set", "reps", "load (kg)", "RPE", "Mood", "Sleep", "Appetite", "Session RPE", "Done on"):
        assert label in text, label
    assert "RACE: Spring Marathon" in text  # race day on race week's calendar
    assert "Recovery and habits" in text and "Jäger et al. 2017" in text  # guidance with its sources


@needs_poppler
@pytest.mark.pdf
def test_every_page_after_the_cover_has_the_athlete_and_page_number_in_its_footer(booklet_pdf):
    texts = page_texts(booklet_pdf)
    assert "page 1 of" not in texts[0]
    for n, page in enumerate(texts[1:], start=2):
        assert "Maya (marathon) · strength plan" in page
        assert f"page {n} of {len(texts)}" in page


@needs_poppler
@pytest.mark.pdf
def test_cards_point_to_the_appendix_page_of_each_exercise(booklet_pdf, marathoner, library):
    texts = page_texts(booklet_pdf)
    appendix_start = next(n for n, t in enumerate(texts) if "Exercises in this booklet" in t)
    _, session = sessions_of(marathoner, PDF_WEEKS)[0]
    card = next(t for t in texts if f"{session.date:%A} {session.date.day} {session.date:%B %Y}" in t)
    block = next(b for b in session.blocks if b.role == "primary")
    page = int(re.search(re.escape(block.name) + r"(?: \([^)]*\))? p\. (\d+)", card).group(1))
    assert page > appendix_start and block.name in texts[page - 1]


@pytest.mark.pdf
def test_same_plan_gives_the_same_pdf_bytes(marathoner, library, registry):
    html = render_booklet_html(marathoner, library, registry, weeks=[16])
    assert html == render_booklet_html(marathoner, library, registry, weeks=[16])
    first = html_to_pdf(html)
    assert first.startswith(b"%PDF-") and first == html_to_pdf(html)


# ----------------------------------------------------------------------------- HTML


class Structure(HTMLParser):
    """Checks that every element is closed in order and collects ids, links and classes."""

    VOID = {"meta", "link", "br", "col", "img", "input", "hr", "path", "rect", "line", "circle"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.ids: list[str] = []
        self.links: list[str] = []
        self.classes: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.append(a["id"])
        if a.get("href", "").startswith("#"):
            self.links.append(a["href"][1:])
        self.classes += (a.get("class") or "").split()
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
        else:
            self.stack.pop()


def parse(html: str) -> Structure:
    s = Structure()
    s.feed(html)
    s.close()
    return s


def test_html_is_well_formed_with_every_card_and_working_links(novice, library, registry):
    html = render_booklet_html(novice, library, registry)
    s = parse(html)
    assert not s.errors and not s.stack, (s.errors, s.stack)
    assert len(s.ids) == len(set(s.ids)), "ids are unique"
    assert set(s.links) <= set(s.ids), set(s.links) - set(s.ids)
    cards = [i for i in s.ids if i.startswith("card-")]
    assert len(cards) == sum(len(w.sessions) for w in novice.weeks)
    assert s.classes.count("week") == len(novice.weeks)
    logged = sum(1 for w in novice.weeks for x in w.sessions for b in x.blocks if b.role in ("primary", "accessory"))
    assert s.classes.count("grid") == logged
    for label in ("reps", "load (kg)", "RPE", "Mood", "Sleep", "Appetite", "Session RPE"):
        assert f">{label}<" in html, label
    assert "No race" in html and "size: A4" in html


def test_grid_has_a_column_per_set_and_names_the_measure(marathoner, library, registry):
    context = booklet_context(marathoner, library, registry)
    for week, w in zip(context["weeks"], marathoner.weeks, strict=True):
        for card, session in zip(week["cards"], w.sessions, strict=True):
            logged = [b for b in session.blocks if b.role in ("primary", "accessory")]
            assert [e["name"] for e in card["exercises"]] == [b.name for b in logged]
            for entry, block in zip(card["exercises"], logged, strict=True):
                p = block.prescription
                assert len(entry["columns"]) == p.sets + (1 if p.extra_sets_side else 0)
                measure = next(m for m in MEASURE if getattr(p, m))
                side = " / side" if p.per_side else ""
                assert entry["rows"] == [MEASURE[measure] + side, "load (kg)", "RPE"]


def test_weeks_limit_the_pages_cards_and_appendix(marathoner, library, registry):
    html = render_booklet_html(marathoner, library, registry, weeks=[1])
    s = parse(html)
    week1 = marathoner.weeks[0]
    assert [i for i in s.ids if i.startswith("week-")] == ["week-1"]
    assert len([i for i in s.ids if i.startswith("card-")]) == len(week1.sessions)
    used = {b.exercise_id for x in week1.sessions for b in x.blocks}
    assert {i.removeprefix("ex-") for i in s.ids if i.startswith("ex-")} == used
    assert "This booklet holds week 1 of the plan." in html


def test_appendix_is_alphabetical_with_easier_and_harder_options(marathoner, library, registry):
    entries = booklet_context(marathoner, library, registry)["appendix"]
    names = [e["name"] for e in entries]
    assert names == sorted(names, key=str.casefold)
    used = {b.exercise_id for w in marathoner.weeks for x in w.sessions for b in x.blocks}
    assert {e["id"] for e in entries} == used
    for e in entries:
        ex = library.get(e["id"])
        assert e["easier"] == [library.get(i).name for i in ex.regressions]
        assert e["harder"] == [library.get(i).name for i in ex.progressions]
        assert e["description"] == ex.description and e["cues"] == ex.cues


def test_timeline_has_a_bar_per_week_marks_deloads_and_race_day(marathoner):
    tl = timeline(marathoner)
    assert [b.week for b in tl["bars"]] == [w.index for w in marathoner.weeks]
    assert [b.deload for b in tl["bars"]] == [w.deload for w in marathoner.weeks]
    race_week = next(w for w in marathoner.weeks if w.phase == "race_week")
    bar = tl["bars"][race_week.index - 1]
    assert bar.x <= tl["race"]["x"] <= bar.x + bar.w + 2
    assert [p["phase"] for p in tl["phases"]] == list(dict.fromkeys(w.phase for w in marathoner.weeks))
    deload, loading = (tl["bars"][w.index - 1] for w in (marathoner.weeks[3], marathoner.weeks[2]))
    assert deload.h < loading.h  # a deload week has fewer sets, so a lower bar


def test_imperial_runner_logs_pounds(library, registry):
    profile = load_profile(EXAMPLES / "marathoner.toml").model_copy(update={"units": Units.imperial})
    html = render_booklet_html(build_plan(profile, load_context()), library, registry, weeks=[1])
    assert ">load (lb)<" in html and ">load (kg)<" not in html


def test_names_are_escaped_in_the_page_and_the_footer(library, registry):
    name = 'Zoë "Z" <b>O\'Neil</b> \\ </style>'
    profile = load_profile(EXAMPLES / "novice.toml").model_copy(update={"name": name})
    html = render_booklet_html(build_plan(profile, load_context()), library, registry, weeks=[1])
    assert "<b>O" not in html and "</style> \\" not in html
    assert "&lt;b&gt;O&#39;Neil&lt;/b&gt;" in html
    footer = re.search(r"@bottom-left \{ content: (\".*?[^\\]\"); \}", html).group(1)
    assert '\\"Z\\"' in footer and "\\3C " in footer
    assert not parse(html).errors


def test_a5_sets_the_page_size_and_smaller_grid(novice, library, registry):
    html = render_booklet_html(novice, library, registry, weeks=[1], paper="a5")
    assert "size: A5" in html and 'class="paper-a5"' in html
    assert "width: 10.5mm" in html


def test_a_week_without_strength_says_so_and_needs_no_appendix(marathoner, library, registry):
    empty = next(w for w in marathoner.weeks if not w.sessions)
    html = render_booklet_html(marathoner, library, registry, weeks=[empty.index])
    assert "No strength session this week" in html and 'id="appendix"' not in html
    assert not parse(html).errors
