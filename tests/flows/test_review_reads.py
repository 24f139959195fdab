"""The review finds the athlete and their current plan in one statement when the name is
exact (or the diary holds one athlete), and as `repo.find_athlete` does otherwise: the same
answer either way, and the same refusals."""

from __future__ import annotations

import pytest

from runstrong.errors import UserError
from runstrong.store import repo
from runstrong.store.reviewing import current_plan

NAME = "Maya (marathon)"


def _as_found_one_by_one(s, name):
    info = repo.find_athlete(s, name)
    version, plan = repo.latest_plan(s, info.id)  # type: ignore[misc]
    return info, version, plan, repo.latest_profile(s, info.id)


@pytest.mark.parametrize("asked", [NAME, f"  {NAME} ", NAME.upper(), None])
def test_the_current_plan_is_the_same_by_exact_name_other_case_or_as_the_only_athlete(store, asked) -> None:
    with store.read() as s:
        assert current_plan(s, asked) == _as_found_one_by_one(s, NAME)


def test_an_unknown_athlete_is_refused_with_the_known_names(store) -> None:
    with store.read() as s, pytest.raises(UserError, match=r"no athlete 'Sam'.*known: Maya \(marathon\)"):
        current_plan(s, "Sam")
