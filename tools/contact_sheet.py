"""Write a contact sheet of every exercise figure (the print still: start ghosted, end drawn)
as a PNG through the real browser, to look at them all at once.

    .venv/bin/python tools/contact_sheet.py                      # docs/images/exercise-contact-sheet.png
    .venv/bin/python tools/contact_sheet.py -o /tmp/a.png --only split_squat side_plank --width 260

Chromium comes from the system (/usr/bin/chromium); nothing is downloaded.
"""

from __future__ import annotations

import argparse
import html
import tempfile
from pathlib import Path

from runstrong.io.data_files import load_library, load_poses
from runstrong.io.figures import animated_svg, still_svg

CHROMIUM = "/usr/bin/chromium"
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "docs/images/exercise-contact-sheet.png"


def sheet_html(ids: list[str], width: int, columns: int, animated: bool = False) -> str:
    """One page: a grid of figures, each with its name and id."""
    library, poses = load_library(), load_poses()
    cells = []
    for exercise_id in ids:
        exercise, pose = library.get(exercise_id), poses[exercise_id]
        svg = (animated_svg if animated else still_svg)(exercise, pose)
        cells.append(
            f"<figure>{svg}<figcaption><b>{html.escape(exercise.name)}</b><br>{exercise_id}</figcaption></figure>"
        )
    return f"""<!doctype html><meta charset="utf-8"><style>
body {{ margin: 12px; font: 11px system-ui, sans-serif; color: #1c2226; background: #fff; }}
h1 {{ font-size: 16px; margin: 0 0 8px; }}
.grid {{ display: grid; grid-template-columns: repeat({columns}, {width}px); gap: 10px 8px; }}
figure {{ margin: 0; border: 1px solid #e1e5e1; border-radius: 6px; padding: 4px; }}
svg {{ width: 100%; height: auto; display: block; }}
figcaption {{ line-height: 1.25; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }}
</style><h1>runstrong: every exercise figure, start (light grey) and end (colour)</h1>
<div class="grid">{"".join(cells)}</div>"""


def render(ids: list[str], out: Path, width: int, columns: int) -> None:
    from playwright.sync_api import sync_playwright

    page_html = sheet_html(ids, width, columns)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        path = Path(tmp) / "sheet.html"
        path.write_text(page_html, "utf-8")
        browser = pw.chromium.launch(executable_path=CHROMIUM)
        page = browser.new_page(viewport={"width": columns * (width + 8) + 40, "height": 600})
        page.goto(path.as_uri())
        out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(out), full_page=True)
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--only", nargs="*", help="exercise ids (default: the whole library)")
    parser.add_argument("--width", type=int, default=150, help="width of one figure in CSS pixels")
    parser.add_argument("--columns", type=int, default=10)
    args = parser.parse_args()
    ids = args.only or load_library().ids()
    render(ids, args.out, args.width, min(args.columns, len(ids)))
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} kB, {len(ids)} figures)")


if __name__ == "__main__":
    main()
