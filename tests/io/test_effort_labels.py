"""An effort target past what reps in reserve can say reads as easy, in every output (twenty-third
session): light holds, a review's cuts and a deload's loads showed "RIR 9" and "RIR 10", a number
of reps in reserve nobody can judge (reps in reserve read true only near failure:
effort-read-near-failure). The shared label (`dose_words.effort_label`) says "easy (RIR 6+)"
past the registry's mark, so the terminal, the web pages, the booklet, the FIT notes and the
calendar say the same."""

from __future__ import annotations

import io
import re

from hypothesis import HealthCheck, given, settings
from icalendar import Calendar
from rich.console import Console

from runstrong.core.model import Intensity
from runstrong.core.set_text import EASY_EFFORT, READABLE_RIR
from runstrong.io.booklet import render_booklet_html
from runstrong.io.data_files import load_context
from runstrong.io.dose_words import dose_text, effort_label
from runstrong.io.fit_workout import session_steps
from runstrong.io.ics_export import render_calendar
from runstrong.io.markdown import render_markdown
from runstrong.io.terminal import print_plan
from tests.conftest import examples
from tests.core.strategies import profiles
from tests.core.test_plan_safety import plan_or_none

CTX = load_context()
# an effort label a runner reads: "RIR 9", "RPE 2" (not "RIR 6+", the easy label's own words, nor a scale:
# "RPE 1-10", a check-in's "session RPE 1 very easy")
LABEL = re.compile(r"(?<!session )\b(RIR|RPE) (\d+(?:\.\d+)?)(?![\d.+\-–])")


def unreadable(text: str) -> list[str]:
    """The effort labels in `text` further from failure than reps in reserve read true."""
    out = []
    for kind, value in LABEL.findall(text):
        rir = float(value) if kind == "RIR" else 10 - float(value)
        if rir > READABLE_RIR:
            out.append(f"{kind} {value}")
    return out


def test_the_mark_is_the_registrys():
    assert CTX.registry.param("effort-read-near-failure", "readable_rir_at_or_below") == READABLE_RIR


def test_an_effort_past_the_mark_reads_easy_and_one_within_it_as_it_is():
    assert effort_label(Intensity(kind="rir", value=10.0)) == EASY_EFFORT == "easy (RIR 6+)"
    assert effort_label(Intensity(kind="rir", value=6.0)) == EASY_EFFORT
    assert effort_label(Intensity(kind="rpe", value=3.0)) == EASY_EFFORT
    assert effort_label(Intensity(kind="rir", value=5.0)) == "RIR 5"
    assert effort_label(Intensity(kind="rpe", value=8.0)) == "RPE 8"
    assert unreadable("3 × 4 @ 16 kg, RIR 9; 2 × 8 @ 10 kg, RPE 2; 1 × 30s @ easy (RIR 6+); RIR 4") == [
        "RIR 9",
        "RPE 2",
    ]


def _outputs(plan) -> dict[str, str]:  # type: ignore[no-untyped-def]
    console = Console(record=True, width=160, color_system=None, file=io.StringIO())
    print_plan(plan, console, weeks=[w.index for w in plan.weeks])
    ics = Calendar.from_ical(render_calendar(plan))
    notes = [s.notes or "" for w in plan.weeks for x in w.sessions for s in session_steps(x, CTX.library)]
    doses = [dose_text(b.prescription) for w in plan.weeks for s in w.sessions for b in s.blocks]
    return {
        "terminal": console.export_text(),
        "markdown": render_markdown(plan, CTX.registry, explain=True),
        "calendar": "\n".join(str(e.get("description", "")) for e in ics.walk("VEVENT")),
        "fit": "\n".join(notes),
        "web": "\n".join(doses),  # the web pages' dose filter
        "booklet": render_booklet_html(plan, CTX.library, CTX.registry),
    }


@settings(max_examples=examples(share=0.02), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profile=profiles())
def test_no_output_shows_an_effort_label_past_what_reps_in_reserve_can_say(profile):
    plan = plan_or_none(profile)
    if plan is None:
        return
    shown = {name: unreadable(text) for name, text in _outputs(plan).items()}
    assert not any(shown.values()), shown
