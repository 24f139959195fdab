"""The one reader of typed durations and distances, shared by the CLI's arguments and the
web's forms (issue 18): the ways runners write them."""

from __future__ import annotations

import pytest

from runstrong.core.model import Units
from runstrong.core.setline import KM_PER_MILE, parse_distance, parse_minutes
from runstrong.errors import UserError


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("1h05", 65), ("1h 05", 65), ("1 h 5 min", 65), ("65 min", 65), ("65 minutes", 65), ("1:05:00", 65),
     ("52:30", 52.5), ("45", 45), ("2hr", 120), ("1hour30", 90)],
)  # fmt: skip
def test_durations_as_runners_write_them(text: str, minutes: float) -> None:
    assert parse_minutes(text) == pytest.approx(minutes)


@pytest.mark.parametrize(
    ("text", "units", "km"),
    [("8 km", Units.metric, 8), ("8km", Units.metric, 8), ("5 mi", Units.metric, 5 * KM_PER_MILE),
     ("8 miles", Units.metric, 8 * KM_PER_MILE), ("1 mile", Units.metric, KM_PER_MILE), ("800 m", Units.metric, 0.8),
     ("5", Units.imperial, 5 * KM_PER_MILE), ("5", Units.metric, 5)],
)  # fmt: skip
def test_distances_as_runners_write_them(text: str, units: Units, km: float) -> None:
    assert parse_distance(text, units) == pytest.approx(km)


@pytest.mark.parametrize("text", ["an hour", "1h65x", "h", "-5", "1:5"])
def test_an_unreadable_duration_names_the_field_and_the_ways_to_write_it(text: str) -> None:
    with pytest.raises(UserError, match=r"^minutes: .* is not a duration; write 45, 45min, 1h10 or 1:10:00"):
        parse_minutes(text)


@pytest.mark.parametrize(
    ("text", "said"),
    [("4h99", "has 99 minutes, and minutes run 0-59; for 339 minutes write 5h39 or 339"),
     ("1:75:00", "has 75 minutes, and minutes run 0-59; for 135 minutes write 2h15 or 135"),
     ("52:75", "has 75 seconds, and seconds run 0-59"), ("1:05:99", "has 99 seconds, and seconds run 0-59")],
)  # fmt: skip
def test_minutes_or_seconds_past_59_are_a_slip_refused_with_what_to_write(text: str, said: str) -> None:
    """cr25a F11: `run add easy 4h99` was logged as a 339-minute run."""
    with pytest.raises(UserError) as caught:
        parse_minutes(text, field="DURATION")
    assert str(caught.value) == f"DURATION: {text!r} {said}"


def test_the_init_questions_refuse_minutes_past_59_after_the_hour() -> None:
    from runstrong.io.answers import minutes_answer

    assert minutes_answer("1h59") == 119
    with pytest.raises(ValueError, match=r"^minutes: the minutes after the hour run 0-59 \(got '1h99'\)"):
        minutes_answer("1h99")


def test_a_distance_in_an_unknown_unit_is_refused_by_the_field() -> None:
    with pytest.raises(UserError, match=r"^distance: 'parsecs' is not a unit of distance"):
        parse_distance("8 parsecs", Units.metric)
