"""`today`'s words on a logged set far above the plan (cr21a S1), kept apart from the day's
printing: imported only when the day has sets from last time."""

from __future__ import annotations

from typing import Any


def slips(shown: Any, sessions: list, view: Any) -> list[str]:
    """The last logged sets far above the day's planned load or reps, named as `log` named
    them (cr21a S1: a unit slip's 130 kg for 130 lb), with the registry's bounds from the
    light path's kept values where they are kept."""
    if not shown.last or not sessions:
        return []
    from types import SimpleNamespace

    from runstrong.core.log_slips import far_from_plan
    from runstrong.store import light_read

    try:
        p: Any = SimpleNamespace(**light_read.follow_data()["params"])
    except light_read.NeedsFollowData:  # not kept yet: read once and kept, so the next `today` stays light
        from runstrong.io.data_files import load_context

        p = load_context().params
        light_read.keep_follow_data(load_context())
    sets = [view(x) for group in shown.last.values() for x in group]
    return [note for x in sessions for note in far_from_plan(sets, x, shown.units, p)]
