"""A long-running server does not grow: 2,000 weekly reviews and 10,000 mixed requests
through the app, in-process, keep the heap within a stated bound.

Issue 21: each review page view used to add about 1.6 MB (a `Params` compared by identity
missed every planning cache), 3.9 GB after ~4,000 reviews. Everything the app keeps is
bounded now: the rendered dashboards (8), the parsed plans (8), the planning memo (by
plans kept), SQLAlchemy's statement cache (by statement shape). A first round meets every
distinct input the traffic below uses once, so those caches are as full as this traffic
makes them; after it, the bound allows only noise.

The bounds, over 2,000 reviews and again over 10,000 requests (two tests, so two CI
workers share them):
- **16 MB** of the C allocator's live bytes: the old leak would have been about 3,200 MB
  over the reviews alone; what stays legitimately is a handful of parsed plans (about
  1 MB each), re-rendered dashboards (about 5 KB each, 8 kept) and allocator noise;
- **5,000 small objects** (the interpreter's allocated blocks): one object kept per request
  would be 10,000, one per review 2,000 with its parts; the measured noise is a few hundred,
  downwards as often as up.
`tests/heap.py` says why both counts and why not tracemalloc (it slowed this test about 3x;
it is still the fallback without glibc). Checked by hand that each count alone fails a leak
the other misses: keeping every rendered page (about 14 KB each) grows the bytes by 9 MB
per 650 pages with the blocks flat, keeping a small dict per page grows the blocks by 1,400
per 650 with the bytes flat.

The requests go straight to the app's ASGI callable in one event loop (tests/web/asgi_client.py):
the app's middleware, routing, thread pool and endpoints run as under uvicorn, but not
TestClient's thread hand-offs and httpx models.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools

import pytest

from tests.heap import Heap, Level
from tests.web.asgi_client import AsgiSession

START = dt.date(2027, 1, 4)  # the marathoner's plan starts on this Monday
TODAY = START + dt.timedelta(weeks=15, days=4)  # a Friday: fifteen weeks behind her to review
REVIEWS = 2_000
REQUESTS = 10_000
BOUND_MB = 16
BOUND_BLOCKS = 5_000


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

    async def measure() -> tuple[Level, list[Level]]:
        session = AsgiSession(app)
        await session.start()
        with Heap() as heap:
            await run(session, traffic, len(traffic))  # the first round: every distinct input once
            await run(session, weekly, len(weekly))
            start, levels = heap.level(), []
            for _ in range(4):  # in quarters, so that a failure shows the trend
                await run(session, measured, count // 4)
                levels.append(heap.level())
        return start, levels

    try:
        start, levels = asyncio.run(measure())
    finally:
        app.state.diary.close()
    grown_mb = [round(x.mb - start.mb, 1) for x in levels]
    grown_blocks = [x.blocks - start.blocks for x in levels]
    bound = f"bounds {BOUND_MB} MB, {BOUND_BLOCKS:,} objects"
    assert max(grown_mb) < BOUND_MB, f"the heap grew by {grown_mb} MB after each quarter of {load} ({bound})"
    assert max(grown_blocks) < BOUND_BLOCKS, f"{grown_blocks} more objects after each quarter of {load} ({bound})"
