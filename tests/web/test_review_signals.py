"""The web review page names the signals behind every decision, as the terminal, Markdown and
JSON do (issue 16, "named signals"), and a pain report's side reaches the page."""

from __future__ import annotations

import html


def test_the_review_page_shows_every_decisions_signals_and_the_painful_side(client) -> None:
    pain = {"area": "knee", "score": 5, "side": "left", "when": "during"}
    assert client.post("/api/v1/sessions", json={"as_planned": True, "pains": [pain]}).status_code == 201
    review = client.get("/api/v1/review").json()["review"]
    page = client.get("/review").text
    assert review["decisions"]
    for d in review["decisions"]:
        assert d["signals"], d["text"]
        assert html.escape("; ".join(s["text"] for s in d["signals"]), quote=False) in page, d["text"]
    assert "Left knee 5/10 during exercise" in page and "Signals: knee (left) 5/10 during" in page
