"""A long-running server does not grow: 2,000 weekly reviews and 10,000 mixed requests
through the app, in-process, keep the traced heap (tracemalloc) within a stated bound.

Issue 21: each review page view used to add about 1.6 MB (a `Params` compared by identity
missed every planning cache), 3.9 GB after ~4,000 reviews. Everything the app keeps is
bounded now: the rendered dashboards (8), the parsed plans (8), the planning memo (by
plans kept), SQLAlchemy's statement cache (by statement shape). A first round meets every
distinct input the traffic below uses once, so those caches are as full as this traffic
makes them; after it, the bound allows only noise.

The bound, 16 MB over 2,000 reviews and again over 10,000 requests (two tests, so two
CI workers share them): the old leak would have been
about 3,200 MB over the reviews alone; what stays legitimately is a handful of parsed
plans (≈ 1 MB each), re-rendered dashboards (≈ 5 KB each, 8 kept) and allocator noise
(a few MB in the measurements behind this test: ≈ 3 MB).

The requests go straight to the app's ASGI callable in one event loop (tests/web/asgi_client.py):
the app's middleware, routing, thread pool and endpoints run as under uvicorn, but not
TestClient's thread hand-offs and httpx models, which under tracemalloc were a third of the
test's time (and traced allocations of their own). Traced with one frame (the default);
the heap is read with get_traced_memory at the quarters, no snapshots.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import gc
import itertools
import tracemalloc

import pytest

from tests.web.asgi_client import AsgiSession

START = dt.date(2027, 1, 4)  # the marathoner's plan starts on this Monday
TODAY = START + dt.timedelta(weeks=15, days=4)  # a Friday: fifteen weeks behind her to review
REVIEWS = 2_000
REQUESTS = 10_000
BOUND_MB = 16


def heap_mb() -> float:
    gc.collect()
    return tracemalloc.get_traced_memory()[0] / 1e6


def requests() -> list[tuple[str, str, dict | None]]:
    """One round of the mixed traffic: pages, API reads over many dates, check-ins (writes)."""
    days = [START + dt.timedelta(days=n) for n in range(0, 7 * 15, 3)]
    out: list[tuple[str, str, dict | None]] = []
    for n, day in enumerate(days):
        out += [
            ("GET", "/", None),
            ("GET", f"/api/v1/today?date={day}", None),
            ("GET", f"/session/{day}", None),
            ("GET", f"/api/v1/sessions/{day}", None),
            ("GET", "/plan" if n % 4 == 0 else "/api/v1/weeks", None),
            ("GET", "/exercises" if n % 4 == 1 else "/api/v1/exercises?q=squat", None),
            ("GET", f"/review?week={day}" if n % 5 == 0 else "/checkin", None),
            ("POST", "/api/v1/wellness", {"sleep_hours": 6 + (n % 8) / 2, "mood": 1 + n % 5}),
        ]
    return out


def reviews() -> list[tuple[str, str, dict | None]]:
    """The weekly review of each week lived so far, through the JSON API."""
    return [("GET", f"/api/v1/review?week={START + dt.timedelta(weeks=w)}", None) for w in range(15)]


async def run(session: AsgiSession, traffic: list[tuple[str, str, dict | None]], count: int) -> None:
    for method, url, body in itertools.islice(itertools.cycle(traffic), count):
        status, answer = await session.request(method, url, body)
        assert status in (200, 201), f"{method} {url}: {status} {answer[:200]!r}"


@pytest.mark.slow
@pytest.mark.long
@pytest.mark.parametrize("load", ["reviews", "requests"])
def test_reviews_and_mixed_requests_keep_the_heap_within_a_bound(diary_path, load: str) -> None:
    """The 2,000 reviews and the 10,000 requests are measured as two tests (each after the
    same first round of both), so the two CI workers share the run instead of one doing it all."""
    from runstrong.web.app import create_app

    app = create_app(str(diary_path), today=TODAY)
    traffic, weekly = requests(), reviews()
    measured, count = (weekly, REVIEWS) if load == "reviews" else (traffic, REQUESTS)

    async def measure() -> tuple[float, list[float]]:
        session = AsgiSession(app)
        await session.start()
        await run(session, traffic, len(traffic))  # the first round: every distinct input once
        await run(session, weekly, len(weekly))
        tracemalloc.start()  # one frame a trace (the default): the size is what is asserted, not where
        try:
            start, levels = heap_mb(), []
            for _ in range(4):  # in quarters, so that a failure shows the trend
                await run(session, measured, count // 4)
                levels.append(heap_mb())
        finally:
            tracemalloc.stop()
        return start, levels

    try:
        start, levels = asyncio.run(measure())
    finally:
        app.state.diary.close()
    growth = [round(x - start, 1) for x in levels]
    assert max(growth) < BOUND_MB, f"the heap grew by {growth} MB after each quarter of {load} (bound {BOUND_MB} MB)"
