"""The day runstrong takes as today.

`RUNSTRONG_TODAY=YYYY-MM-DD` pins it: a coach can replay a diary as of a past day, and the
test suite pins it once per run so a run that crosses midnight sees one date throughout
(the tests build diaries "two weeks ago" at collection; the program would otherwise read a
later day). The instant a change is stamped with stays the real one.
"""

from __future__ import annotations

import datetime as dt
import os

from runstrong.errors import UserError

ENV = "RUNSTRONG_TODAY"


def today() -> dt.date:
    """Today's date, or the one `RUNSTRONG_TODAY` pins (a bad value is a user error naming it)."""
    pinned = os.environ.get(ENV, "").strip()
    if not pinned:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(pinned)
    except ValueError:
        raise UserError(f"{pinned!r} is not a date", field=ENV, fix="give YYYY-MM-DD, or unset it") from None
