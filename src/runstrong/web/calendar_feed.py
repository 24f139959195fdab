"""The private calendar feed: `/calendar/<secret token>.ics`, which calendar apps subscribe
to and fetch again on their own, so plan changes reach the calendar without re-importing.

The token (made and revoked with `runstrong calendar feed`) is the only key: an unknown or
revoked one gets a plain 404, the same as any missing page. Each fetch renders the
athlete's current plan (UIDs stay the same across plan versions, so events update).
"""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response

router = APIRouter()


@router.get("/calendar/{token}.ics", include_in_schema=False, name="calendar_feed")
def calendar_feed(token: str, request: Request) -> Response:
    """The athlete's strength sessions as iCalendar, with links back to this app."""
    from runstrong.io.ics_export import export_calendar
    from runstrong.store import repo
    from runstrong.store.calendar_feed import feed_athlete

    store = request.app.state.diary.store
    with store.read() as s:
        athlete_id = feed_athlete(s, token)
        found = repo.latest_plan(s, athlete_id) if athlete_id is not None else None
    if found is None:
        raise HTTPException(status_code=404, detail="Not Found")
    _, plan = found
    data = export_calendar(plan, link_base=str(request.base_url)).data
    headers = {"Cache-Control": "private, max-age=300", "Content-Disposition": 'inline; filename="strength.ics"'}
    return Response(data, media_type="text/calendar; charset=utf-8", headers=headers)
