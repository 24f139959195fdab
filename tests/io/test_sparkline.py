"""Sparklines for the terminal summary: one character per week, gaps where nothing was logged."""

from __future__ import annotations

import math

from runstrong.io.sparkline import BARS, sparkline


def test_smallest_value_is_the_lowest_bar_and_largest_the_highest():
    assert sparkline([0, 5, 10]) == "▁▅█"


def test_one_character_per_value_in_order():
    line = sparkline([3, 1, 4, 1, 5, 9, 2, 6])
    assert len(line) == 8
    assert line[5] == "█" and line[1] == line[3] == "▁"


def test_missing_weeks_are_gaps_and_do_not_shift_the_others():
    assert sparkline([1, None, 3, math.nan, 2]) == "▁ █ ▅"
    assert sparkline([1, None, 3], gap="·") == "▁·█"


def test_nothing_known_is_all_gaps_and_nothing_is_empty():
    assert sparkline([None, None]) == "  "
    assert sparkline([]) == ""


def test_a_flat_series_sits_on_one_bar():
    assert sparkline([4.0, 4.0, 4.0]) == "▁▁▁"


def test_fixed_scale_compares_weeks_across_summaries_and_clamps_outliers():
    assert sparkline([1, 3, 5], lo=1, hi=5) == "▁▅█"
    assert sparkline([3, 3], lo=1, hi=5) == "▅▅"
    assert sparkline([0, 9], lo=1, hi=5) == "▁█"


def test_only_the_eight_block_characters_are_used():
    line = sparkline([x / 7 for x in range(50)])
    assert set(line) <= set(BARS)
