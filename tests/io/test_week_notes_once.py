"""A week's note that holds for a run of weeks is said once, naming the weeks, in every
renderer that shows several weeks (cr19a F2: Marco's "2 of 3 sessions" note was printed in
each of fourteen weeks, its dates changed each time)."""

from __future__ import annotations

import io
import itertools
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from rich.console import Console

from runstrong.core.planner import InfeasibleWeekError, build_plan
from runstrong.io.booklet import booklet_context
from runstrong.io.data_files import load_context
from runstrong.io.markdown import render_markdown
from runstrong.io.profile_file import load_profile
from runstrong.io.terminal import print_plan
from runstrong.io.week_reasons import said_once
from tests.conftest import examples
from tests.core.strategies import profiles

CTX = load_context()
MARCO = Path(__file__).parent.parent / "core" / "runners" / "ultra_weekend_long_runs_mon_thu_sun.toml"


def _repeats(weeks: list[tuple[int, list[str]]]) -> list[tuple[int, str]]:
    """Each note said word for word in a week and in the week just before it."""
    return [
        (n, line) for (m, before), (n, now) in itertools.pairwise(weeks) if n == m + 1 for line in now if line in before
    ]


def _markdown_weeks(text: str) -> list[tuple[int, list[str]]]:
    out = []
    for part in re.split(r"^## Week ", text, flags=re.M)[1:]:
        number = int(part.split(":", 1)[0])
        out.append((number, [line for line in part.splitlines() if line.startswith("- ")]))
    return out


def _terminal_weeks(text: str) -> list[tuple[int, list[str]]]:
    out = []
    for part in re.split(r"^─* ?Week ", text, flags=re.M)[1:]:
        number = int(part.split(" ", 1)[0])
        out.append((number, [line.strip() for line in part.splitlines() if line.strip().startswith("•")]))
    return out


def test_marcos_two_of_three_note_is_said_once_for_its_weeks_in_every_renderer():
    plan = build_plan(load_profile(MARCO), CTX)
    every = [w.index for w in plan.weeks]
    md = render_markdown(plan, CTX.registry, weeks=every)
    assert _repeats(_markdown_weeks(md)) == []
    said = [line for line in md.splitlines() if "2 of 3 sessions, on your usual days" in line]
    assert len(said) == 1 and said[0].startswith("- Weeks 7-20: "), said
    assert "The taper keeps the 2 sessions a week your loading weeks held" in md  # the taper says its own (taper)
    out = io.StringIO()
    print_plan(plan, Console(file=out, width=400, color_system=None), weeks=every, registry=CTX.registry)
    terminal = _terminal_weeks(out.getvalue())
    assert len(terminal) == len(every) and _repeats(terminal) == []
    booklet = booklet_context(plan, CTX.library, CTX.registry)
    pages = [(w["index"], [r["text"] for r in w["reasons"]]) for w in booklet["weeks"]]
    assert _repeats(pages) == []
    assert sum("2 of 3 sessions, on your usual days" in t for _, texts in pages for t in texts) == 1


def test_a_week_shown_alone_keeps_all_its_notes():
    plan = build_plan(load_profile(MARCO), CTX)
    week = plan.weeks[9]
    assert said_once([week]) == {week.index: list(dict.fromkeys(week.reasons))}


@settings(max_examples=examples(0.3), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profile=profiles())
def test_no_note_repeats_word_for_word_across_consecutive_weeks_and_none_is_lost(profile):
    try:
        plan = build_plan(profile, CTX)
    except InfeasibleWeekError:
        return
    notes = said_once(plan.weeks)
    shown = [(w.index, [r.text for r in notes[w.index]]) for w in plan.weeks]
    assert _repeats(shown) == []
    for k, w in enumerate(plan.weeks):  # every note is said in its week or in a run that covers it
        for r in w.reasons:
            covered = any(
                x.rule_id == r.rule_id and x.text.endswith(r.text) and _covers(x.text, v.index, w.index)
                for v in plan.weeks[: k + 1]
                for x in notes[v.index]
            )
            assert covered, (w.index, r.text)


def _covers(text: str, said_in: int, index: int) -> bool:
    """Whether a note said in week `said_in` covers week `index`: its own, or its run's weeks."""
    found = re.match(r"Weeks (\d+)-(\d+): ", text)
    return said_in == index if found is None else int(found[1]) <= index <= int(found[2])
