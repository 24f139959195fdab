"""The repository's own files: nothing a merge left half done reaches main. A conflict marker
left in app.css once dropped three rules silently (the browser skips what it cannot parse),
and no other test noticed."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MARKER = re.compile(r"^(<{7} |={7}$|>{7} )", re.MULTILINE)
TEXT = {".py", ".css", ".js", ".html", ".toml", ".md", ".txt", ".yaml", ".yml", ".json", ".cfg", ".ini", ".sh", ""}
FOLDERS = ("src", "tests", "docs", "bench", "tools", "bin", ".ci", "examples")


def text_files() -> list[Path]:
    out = [p for p in ROOT.iterdir() if p.is_file() and p.suffix in TEXT]
    for folder in FOLDERS:
        base = ROOT / folder
        if base.is_dir():
            out += [p for p in base.rglob("*") if p.is_file() and p.suffix in TEXT and "__pycache__" not in p.parts]
    return out


def test_no_file_holds_a_merge_conflict_marker() -> None:
    found = []
    for path in text_files():
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        found += [f"{path.relative_to(ROOT)}:{text.count(chr(10), 0, m.start()) + 1}" for m in MARKER.finditer(text)]
    assert not found, f"merge conflict markers: {found}"


def test_the_marker_check_finds_a_marker() -> None:
    assert MARKER.search("a {}\n<<<<<<< HEAD\nb {}\n=======\nc {}\n>>>>>>> branch\n")
    assert not MARKER.search("A heading\n======\n")  # a Markdown underline is not a marker
