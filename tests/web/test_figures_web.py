"""The drawn demonstrations in the web app: the exercise page shows the moving figure beside
the cues and every rung of its ladder side by side; the session page shows each exercise's
figure with its cues. Parsed with Python's HTML parser, no browser needed."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from .conftest import TODAY

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")


class Figures(HTMLParser):
    """Every inline SVG figure: its label (or hidden flag), whether it moves, and where it sits."""

    def __init__(self) -> None:
        super().__init__()
        self.figures: list[dict] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "svg" and "exercise-figure" in (a.get("class") or ""):
            inside = [t for t in self.stack if t in ("figure-box", "ladder-figures")]
            self.figures.append(
                {"label": a.get("aria-label"), "hidden": a.get("aria-hidden"), "in": inside, "moves": False}
            )
        if tag in ("animate", "animatetransform") and self.figures:
            self.figures[-1]["moves"] = True
        classes = (a.get("class") or "").split()
        self.stack.append(next((c for c in classes if c in ("figure-box", "ladder-figures")), tag))

    def handle_endtag(self, tag: str) -> None:
        if self.stack:
            self.stack.pop()


def figures_of(page: str) -> list[dict]:
    parser = Figures()
    parser.feed(page)
    return parser.figures


def test_exercise_page_shows_the_moving_figure_beside_the_cues(client) -> None:
    figures = figures_of(client.get("/exercises/romanian_deadlift").text)
    main = [f for f in figures if f["in"] == ["figure-box"]]
    assert len(main) == 1 and main[0]["moves"]
    assert main[0]["label"].startswith("Romanian deadlift, drawn from the side")


def test_exercise_page_draws_every_rung_of_the_ladder_side_by_side(client) -> None:
    from runstrong.io.data_files import load_library

    ladder = load_library().ladder("romanian_deadlift")
    rungs = [f for f in figures_of(client.get("/exercises/romanian_deadlift").text) if f["in"] == ["ladder-figures"]]
    assert len(rungs) == len(ladder) > 1
    assert all(r["hidden"] == "true" and not r["moves"] for r in rungs)  # the rung's name is beside it


def test_session_page_shows_each_exercise_figure_with_its_cues(client) -> None:
    page = client.get(f"/session/{TODAY}?label=A").text
    shown = [f for f in figures_of(page) if f["in"] == ["figure-box"]]
    assert len(shown) == page.count('class="card exercise"') > 0
    assert all(f["moves"] and f["label"] for f in shown)
