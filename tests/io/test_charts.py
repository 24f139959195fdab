"""The review's charts: real matplotlib renders of a generated diary of the marathoner example,
checked as images (size, not blank), as SVG text (labels, legend, the reviewed week) and as bytes
(the same weeks give the same files)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image

from runstrong.core.planner import build_plan
from runstrong.core.review_metrics import DiaryWindow, history_metrics
from runstrong.core.vocab import Category
from runstrong.io.charts import (
    CATEGORY_COLOUR,
    ChartGuides,
    lift_series,
    lifts_chart,
    load_chart,
    volume_chart,
    wellness_chart,
    write_charts,
)
from runstrong.io.data_files import load_context
from runstrong.io.profile_file import load_profile
from tests.conftest import EXAMPLES
from tests.review.diary_gen import generate_diary

REVIEWED = dt.date(2027, 4, 12)  # week 15 of the marathoner's plan
CHARTS = {"load": load_chart, "wellness": wellness_chart, "volume": volume_chart, "lifts": lifts_chart}


@pytest.fixture(scope="module")
def plan():
    return build_plan(load_profile(EXAMPLES / "marathoner.toml"), load_context())


@pytest.fixture(scope="module")
def weeks(plan, library, registry):
    diary = generate_diary(
        plan,
        until=REVIEWED + dt.timedelta(days=6),
        seed=3,
        sore_week=8,
        missed_weeks=(6,),
        short_sleep_weeks=(10,),
        bad_weeks=(15,),
        form_exercise="barbell_step_up",
        form_from_week=13,
    )
    return history_metrics(plan, diary, REVIEWED, 15, library, registry)


@pytest.fixture(scope="module")
def guides(registry):
    return ChartGuides.from_registry(registry)


@pytest.fixture(scope="module")
def written(weeks, guides, tmp_path_factory):
    folder = tmp_path_factory.mktemp("charts")
    return write_charts(weeks, folder, svg=True, guides=guides)


def svg_text(data: bytes) -> str:
    """Every text element of an SVG, joined (matplotlib keeps text as text with svg.fonttype none)."""
    root = ET.fromstring(data)
    return " | ".join("".join(el.itertext()) for el in root.iter("{http://www.w3.org/2000/svg}text"))


def test_write_charts_writes_a_png_and_an_svg_of_each_chart(written):
    names = [p.name for p in written]
    assert names == [f"chart-{c}.{ext}" for c in CHARTS for ext in ("png", "svg")]
    assert all(p.stat().st_size > 5_000 for p in written)
    assert not [p for p in written[0].parent.iterdir() if p.name.startswith(".")]  # no temporary files left
    umask = os.umask(0o022)
    os.umask(umask)
    assert {p.stat().st_mode & 0o777 for p in written} == {0o666 & ~umask}  # ordinary files, not mkstemp's 0600


def test_pngs_are_900_by_500_and_not_blank(written):
    for path in written:
        if path.suffix != ".png":
            continue
        with Image.open(path) as im:
            assert im.size == (900, 500)
            rgb = im.convert("RGB")
            colours = rgb.getcolors(maxcolors=1_000_000)
            assert colours is not None and len(colours) > 50, path.name
            white = max(colours)[0]
            assert white < 0.95 * 900 * 500, f"{path.name} is almost empty"


@pytest.mark.parametrize(
    ("chart", "expected"),
    [
        ("load", ["load (AU)", "monotony", "runs", "strength", "strength deload", "reviewed week", "flag above 2"]),
        ("wellness", ["wellness (1–5, 5 = best)", "sleep", "(h/night)", "week mean", "below baseline", "7 h guide"]),
        ("volume", ["sets per week", "posterior chain", "core stability", "single-leg power", "planned"]),
        ("lifts", ["estimated 1RM (kg)", "Barbell step-up", "form below 3", "reviewed week", "Epley"]),
    ],
)
def test_svg_keeps_titles_axis_labels_and_legend_as_text(written, chart, expected):
    text = svg_text(next(p for p in written if p.name == f"chart-{chart}.svg").read_bytes())
    for label in expected:
        assert label in text, f"{label!r} missing from chart-{chart}.svg"
    assert "12 Apr" in text and "wk 15" in text  # the reviewed week is named under its bar


def test_the_same_weeks_give_the_same_bytes(weeks, guides, written, tmp_path):
    """The charts written again give the files already written, byte for byte (each figure
    drawn once and saved as PNG and SVG, as `runstrong chart` does: 4 drawings, not 16)."""
    again = write_charts(weeks, tmp_path, svg=True, guides=guides)
    assert [p.name for p in again] == [p.name for p in written]
    for first, second in zip(written, again, strict=True):
        assert first.read_bytes() == second.read_bytes(), first.name
    assert load_chart(weeks, "svg", guides) == load_chart(weeks, "svg", guides)  # one chart alone too


def test_files_carry_no_date_or_software_version(written):
    svg = next(p for p in written if p.suffix == ".svg").read_text()
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg
    png = next(p for p in written if p.suffix == ".png").read_bytes()
    assert b"Software" not in png and b"matplotlib" not in png.lower()


def test_a_category_has_the_same_colour_on_the_volume_and_lifts_charts(written):
    volume = next(p for p in written if p.name == "chart-volume.svg").read_text().lower()
    lifts = next(p for p in written if p.name == "chart-lifts.svg").read_text().lower()
    for cat in (Category.posterior_chain, Category.core, Category.single_leg_power):
        assert CATEGORY_COLOUR[cat].lower() in volume
        assert CATEGORY_COLOUR[cat].lower() in lifts


def test_an_empty_history_draws_a_message_instead_of_failing(tmp_path):
    paths = write_charts([], tmp_path, svg=True)
    assert len(paths) == 8
    for path in paths:
        if path.suffix == ".svg":
            assert "No weeks to chart yet" in svg_text(path.read_bytes())
        else:
            with Image.open(path) as im:
                assert im.size == (900, 500)


def test_weeks_with_nothing_logged_say_so_on_each_chart(plan, library, registry, guides):
    blank = history_metrics(plan, DiaryWindow(), dt.date(2027, 1, 18), 3, library, registry)
    assert "No strength sessions or runs" in svg_text(load_chart(blank, "svg", guides))
    assert "No check-ins logged" in svg_text(wellness_chart(blank, "svg", guides))
    assert "No lifts logged" in svg_text(lifts_chart(blank, "svg", guides))
    assert "sets per week" in svg_text(volume_chart(blank, "svg", guides))  # planned outlines, nothing done


def test_a_single_week_and_a_year_of_weeks_both_draw(plan, library, registry, guides):
    one_week = history_metrics(plan, generate_diary(plan, dt.date(2027, 1, 10), seed=1), dt.date(2027, 1, 4), 1,
                               library, registry)  # fmt: skip
    for chart in CHARTS.values():
        with Image.open(BytesIO(chart(one_week, "png", guides))) as im:
            assert im.size == (900, 500)
    long = generate_diary(plan, dt.date(2027, 4, 25), seed=2, repeat_plan=True, start=dt.date(2026, 4, 27))
    year = history_metrics(plan, long, dt.date(2027, 4, 19), 52, library, registry)
    text = svg_text(load_chart(year, "svg", guides))
    assert text.count("%") < 10  # beyond 20 weeks only the reviewed week's change is written


def test_lift_panels_put_the_reviewed_weeks_broken_form_first(weeks):
    series = lift_series(weeks, max_lifts=1)
    assert [s.exercise_id for s in series] == ["barbell_step_up"]
    step_up = series[0]
    assert step_up.unit == "kg e1RM"
    assert step_up.form[-1] is not None and step_up.form[-1] < 3
    assert len(lift_series(weeks, max_lifts=6)) == 6


def test_a_format_other_than_png_or_svg_is_refused(weeks):
    with pytest.raises(ValueError, match="png or svg"):
        load_chart(weeks, "gif")


def test_importing_charts_loads_no_matplotlib_and_drawing_uses_a_private_config_folder(tmp_path):
    code = (
        "import os, sys\n"
        "import runstrong.io.charts as c\n"
        "print('matplotlib' in sys.modules)\n"
        "c.load_chart([])\n"
        "print('matplotlib.pyplot' in sys.modules, os.environ['MPLCONFIGDIR'])\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "MPLCONFIGDIR"} | {"TMPDIR": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120, check=True)
    before, after = out.stdout.splitlines()
    assert before == "False"
    uses_pyplot, folder = after.split(" ", 1)
    assert uses_pyplot == "False"
    assert Path(folder).parent == tmp_path and Path(folder).is_dir()


def test_a_lighter_effort_at_the_same_load_never_reads_as_lost_strength(library, registry):
    """A race week's easy sets (same load, fewer reps, more in reserve) chart no lower than the
    build week's hard ones: reps in reserve count as done (e1rm-formula), as the planner reads them."""
    from runstrong.core.diary import SessionLog, SetLog

    def week(day: dt.date, reps: int, **effort: int) -> SessionLog:
        sets = [
            SetLog(exercise_id="romanian_deadlift", set_number=n, reps=reps, load_kg=60, **effort) for n in (1, 2, 3)
        ]
        return SessionLog(date=day, session_rpe=6, sets=sets)

    build, race = dt.date(2027, 3, 1), dt.date(2027, 3, 8)
    diary = DiaryWindow(sessions=(week(build, 6, rir=1), week(race, 3, rpe=5)))
    series = {s.exercise_id: s for s in lift_series(history_metrics(None, diary, race, 2, library, registry))}
    hard, easy = series["romanian_deadlift"].best
    assert hard == pytest.approx(60 * (1 + 7 / 30), abs=0.1)
    assert easy is not None and hard is not None and easy >= hard
