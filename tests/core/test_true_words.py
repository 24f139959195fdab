"""Words about a lift that are true (cr25a F14): the label beside a block of another category
says what its exercise is ("Snap-down · single-leg power" on both feet, "Seated soleus raise ·
single-leg power" seated on both legs, were not), and a cue names only furniture the runner
has ("Sit back to the chair or bench" for Aiko, who has a chair and no bench)."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from rich.console import Console

from runstrong.core.furniture_words import furnished
from runstrong.core.lift_kind import kind_words
from runstrong.core.model import FURNITURE, Category, Item, Role
from runstrong.core.planner import InfeasibleWeekError, build_plan
from runstrong.io.booklet import _logged
from runstrong.io.data_files import load_context
from runstrong.io.profile_file import load_profile
from runstrong.io.terminal import render_session
from tests.conftest import examples

from .strategies import profiles

RUNNERS = Path(__file__).parent / "runners"
CTX = load_context()
LIBRARY = CTX.library
SETTINGS = settings(max_examples=examples(share=0.3), deadline=None, suppress_health_check=list(HealthCheck))
# furniture named as a thing (not the verb "step"), read independently of core/furniture_words
NAMED = {
    Item.bench: r"\bbench(es)?\b",
    Item.chair: r"\bchairs?\b",
    Item.sofa: r"\b(sofa|bed)s?\b",
    Item.wall: r"\bwalls?\b",
    Item.step: r"\b(a|the|low|or)\s+step\b|\bstairs?\b",
}


def one_leg(exercise_id: str) -> bool:
    e = LIBRARY.get(exercise_id)
    return e.unilateral or e.dose.per_side


def plan_of(profile):  # type: ignore[no-untyped-def]
    try:
        return build_plan(profile, CTX)
    except InfeasibleWeekError:
        return None


def shown_labels(plan) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(exercise id, label) of every labelled block as the terminal and the booklet show it."""
    out = []
    for w in plan.weeks:
        for s in w.sessions:
            console = Console(record=True, width=400, file=open("/dev/null", "w"))  # noqa: SIM115
            console.print(render_session(s, w, plan, library=LIBRARY))
            text = console.export_text()
            for b in s.blocks:
                if b.role != Role.primary:
                    continue
                found = re.search(re.escape(b.name) + r" · ([a-z -]+?)\s{2,}", text)
                if found:
                    out.append((b.exercise_id, found.group(1)))
                card = _logged(b, plan.profile.units, "load (kg)", s.focus)
                if card["other_category"]:
                    out.append((b.exercise_id, card["other_category"]))
    return out


def named_furniture(text: str) -> set[Item]:
    return {item for item, pattern in NAMED.items() if re.search(pattern, text, re.IGNORECASE)}


def test_aikos_snap_down_is_a_landing_drill_and_her_sit_to_stand_names_no_bench():
    """Before: "Snap-down (drop-squat landing) · single-leg power"; "Sit back to the chair or bench on one leg"."""
    plan = build_plan(load_profile(RUNNERS / "aiko_chair_stair_no_bench_one_kettlebell.toml"), CTX)
    labels = dict(shown_labels(plan))
    assert labels["snap_down"] == "landing drill"
    assert labels["single_leg_box_sit_to_stand"] == "single-leg strength"
    cues = {c for w in plan.weeks for s in w.sessions for b in s.blocks for c in b.cues}
    assert "Sit back to the chair on one leg, slowly" in cues
    assert not [c for c in cues if "bench" in c], [c for c in cues if "bench" in c]


def test_walters_seated_soleus_raise_is_calf_and_ankle_work():
    """Before: "Seated soleus raise · single-leg power" (seated, both legs)."""
    plan = build_plan(load_profile(RUNNERS / "walter_72_knee_oa_gym_10k.toml"), CTX)
    labels = dict(shown_labels(plan))
    assert labels["seated_soleus_raise"] == "calf and ankle"


def test_a_label_says_single_leg_only_for_a_lift_done_one_leg_at_a_time():
    for e in LIBRARY.exercises:
        if e.category == Category.single_leg_power and e.roles:
            assert ("single-leg" in kind_words(e)) == (e.unilateral or e.dose.per_side), (e.id, kind_words(e))


def test_a_list_of_furniture_keeps_the_pieces_the_runner_has():
    has = frozenset({Item.chair, Item.wall})
    assert furnished("Back foot laces-down on a bench, chair or sofa", has) == "Back foot laces-down on a chair"
    assert furnished("Sit slowly to a low bench, a chair or stacked cushions", frozenset()) == (
        "Sit slowly to stacked cushions"
    )
    assert (
        furnished("Upper back on a bench or the sofa's edge", frozenset({Item.sofa})) == "Upper back on the sofa's edge"
    )
    assert furnished("Balls of the feet on a plate or step", has) == "Balls of the feet on a plate"
    assert furnished("Hold a wall or chair, stand tall", frozenset({Item.step})) is None
    assert furnished("Step back into a long stance", frozenset()) == "Step back into a long stance"


@SETTINGS
@given(profile=profiles())
def test_no_block_is_called_single_leg_unless_done_one_leg_at_a_time(profile):
    plan = plan_of(profile)
    if plan is None:
        return
    for exercise_id, label in shown_labels(plan):
        assert "single-leg" not in label or one_leg(exercise_id), (exercise_id, label)


@SETTINGS
@given(profile=profiles())
def test_no_cue_names_furniture_the_runner_lacks(profile):
    plan = plan_of(profile)
    if plan is None:
        return
    lacks = FURNITURE - profile.equipment_items
    for w in plan.weeks:
        for s in w.sessions:
            for b in s.blocks:
                for cue in b.cues:
                    assert not named_furniture(cue) & lacks, (w.index, b.exercise_id, cue, sorted(lacks))
