"""The dashboard's render cache: pages kept in memory per viewer, athlete, diary stamp and
date (`diary_days.diary_stamp`, which the flows' diary version and the row counts make), so
an unchanged diary is served without a render in any worker, while a change made anywhere
(this app, another worker, the CLI) shows on the next request. A kept page holds a slot
where its session's form token was: one render serves every browser session, each with its
own token."""

from __future__ import annotations

from fastapi import Request

from .auth import diary_for

DASHBOARD_PAGES_KEPT = 32  # rendered dashboards kept (per viewer, athlete, stamp and date): a bound, not a tuning knob
TOKEN_SLOT = b"\x00csrf-token\x00"  # where a kept page's form token goes (each browser session has its own)


def page_key(request: Request, stamp: tuple) -> tuple:
    """A rendered dashboard's key: its viewer's name, the athlete, the diary's stamp and the
    date. The session's form token is not in it: a kept page holds a slot for the token,
    filled with each browser session's own (`kept`), so one render serves every browser."""
    state = request.scope.get("state", {})
    who = state.get("principal")
    viewer = who.user.name if who is not None and who.user is not None else None
    diary = diary_for(request)
    return (viewer, diary.athlete_name, stamp, diary.today())


def kept(request: Request, key: tuple) -> bytes | None:
    """The kept page under `key` with this session's form token in its slots, or None."""
    body = request.app.state.dashboard_cache.get(key)
    if body is None:
        return None
    return body.replace(TOKEN_SLOT, request.scope.get("state", {}).get("csrf_token", "").encode())


def keep(request: Request, key: tuple, body: bytes) -> None:
    """Keep a rendered page with slots where this session's form token was (the oldest page goes when full)."""
    cache: dict[tuple, bytes] = request.app.state.dashboard_cache
    token = request.scope.get("state", {}).get("csrf_token", "").encode()
    if not token or TOKEN_SLOT in body:
        return  # no token to take out (or a page that holds the slot's bytes): not kept
    while len(cache) >= DASHBOARD_PAGES_KEPT:
        try:
            cache.pop(next(iter(cache)), None)
        except (RuntimeError, StopIteration):  # another thread changed it meanwhile
            break
    cache[key] = body.replace(token, TOKEN_SLOT)
