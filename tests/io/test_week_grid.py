"""The terminal's weeks-at-a-glance table: every cell whole at a terminal's 80 columns."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from runstrong.core.planner import build_plan
from runstrong.io.data_files import load_context
from runstrong.io.profile_file import load_profile
from runstrong.io.terminal import render_week_grid

RUNNERS = Path(__file__).parents[1] / "core" / "runners"


def test_a_crowded_week_grid_wraps_its_cells_at_80_columns_and_cuts_none():
    """cr25a F15: Marco's five runs and three sessions a week cut the Sunday long run to "L7…" and
    Wednesday's and Friday's sessions to "▲Cor…" and "▲S…"; a full cell now takes a second line."""
    plan = build_plan(load_profile(RUNNERS / "marco_5k_tuesday_bands_double_days.toml"), load_context())
    console = Console(width=80, record=True, color_system=None)
    console.print(render_week_grid(plan))
    text = console.export_text()
    assert "…" not in text, text
    assert max(len(line) for line in text.splitlines()) <= 80
    assert text.count("L75") == len(plan.weeks)  # every Sunday long run whole
    sessions = sum(len(w.sessions) for w in plan.weeks)
    assert text.count("▲") == sessions + 1, text  # and the caption's legend
