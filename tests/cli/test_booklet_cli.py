"""`runstrong booklet` as a user runs it: real processes, files read back by other programs."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.runner import run_cli
from tests.conftest import EXAMPLES

NOVICE = str(EXAMPLES / "novice.toml")


def run(*args: str, tmp_path: Path) -> subprocess.CompletedProcess:
    return run_cli(
        args,
        cwd=tmp_path,
        env={
            "COLUMNS": "140",
            "PATH": "/usr/bin:/bin",
            "NO_COLOR": "1",
            "HOME": str(tmp_path),
            "XDG_DATA_HOME": str(tmp_path / "data"),
            "RUNSTRONG_DB": str(tmp_path / "diary.db"),
        },
    )


def test_html_print_view_holds_every_session_card(tmp_path):
    out = run("booklet", NOVICE, "-o", "sam.html", tmp_path=tmp_path)
    assert out.returncode == 0, out.stderr
    html = (tmp_path / "sam.html").read_text("utf-8")
    assert html.startswith("<!DOCTYPE html>") and "Sam (getting started)" in html
    assert html.count('class="sheet card"') == 30 and html.count('class="sheet week"') == 12
    assert "Wrote sam.html (html, A4: 12 weeks, 30 session cards)." in out.stderr


def test_markdown_format_is_the_plan_in_markdown(tmp_path):
    out = run("booklet", NOVICE, "--format", "markdown", "--weeks", "2-3", "-o", "sam.txt", tmp_path=tmp_path)
    assert out.returncode == 0, out.stderr
    text = (tmp_path / "sam.txt").read_text("utf-8")
    assert text.startswith("# Strength plan for Sam (getting started)")
    assert "## Week 2:" in text and "## Week 3:" in text and "## Week 4:" not in text


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils is not installed")
@pytest.mark.pdf
def test_a5_pdf_for_one_week_has_a5_pages(tmp_path):
    out = run("booklet", NOVICE, "--weeks", "1", "--paper", "a5", "-o", "week1.pdf", tmp_path=tmp_path)
    assert out.returncode == 0, out.stderr
    info = subprocess.run(["pdfinfo", str(tmp_path / "week1.pdf")], capture_output=True, text=True).stdout
    assert "419.528 x 595.276 pts" in info  # A5: 148 x 210 mm
    pages = int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))
    assert 1 + 1 + 2 <= pages <= 2 + 2 + 2 * 2 + 3  # cover, the week, two cards of two pages, the appendix
    text = subprocess.run(["pdftotext", str(tmp_path / "week1.pdf"), "-"], capture_output=True, text=True).stdout
    text = " ".join(text.split())  # labels may wrap in A5's narrower cells
    assert "Sam (getting started)" in text and "Week 1" in text and "Session RPE" in text


def test_booklet_from_the_diary(tmp_path):
    assert run("athlete", "add", NOVICE, tmp_path=tmp_path).returncode == 0
    out = run("booklet", "--athlete", "Sam (getting started)", "--weeks", "1", "-o", "diary.html", tmp_path=tmp_path)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "diary.html").read_text("utf-8").count('class="sheet card"') == 2


def test_missing_output_folder_is_a_user_error_and_writes_nothing(tmp_path):
    out = run("booklet", NOVICE, "-o", "no/such/folder/b.pdf", tmp_path=tmp_path)
    assert out.returncode == 2
    assert "--output: folder no/such/folder does not exist" in out.stderr and "Traceback" not in out.stderr
    assert not (tmp_path / "no").exists()


@pytest.mark.parametrize(
    ("weeks", "message"),
    [
        ("0-4", "--weeks: the plan has weeks 1-12"),
        ("5-99", "--weeks: the plan has weeks 1-12"),
        ("4-2", "--weeks: 4-2 runs backwards; write 2-4"),
        ("first", "--weeks: 'first' is not a week range"),
    ],
)
def test_bad_week_range_is_a_user_error_and_keeps_the_old_file(tmp_path, weeks, message):
    (tmp_path / "b.html").write_text("old booklet")
    out = run("booklet", NOVICE, "--weeks", weeks, "-o", "b.html", tmp_path=tmp_path)
    assert out.returncode == 2 and message in out.stderr, out.stderr
    assert (tmp_path / "b.html").read_text() == "old booklet"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".b.html")] == []


def test_no_plan_anywhere_is_a_user_error(tmp_path):
    out = run("booklet", "-o", "b.pdf", tmp_path=tmp_path)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert not (tmp_path / "b.pdf").exists()


@pytest.mark.parametrize("args", [["--help"], ["booklet", "--help"]])
def test_help_does_not_import_the_renderers(tmp_path, args):
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "runstrong", *args],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0 and "booklet" in out.stdout
    imported = {line.split("|")[-1].strip() for line in out.stderr.splitlines() if "|" in line}
    assert not {"jinja2", "weasyprint"} & imported
