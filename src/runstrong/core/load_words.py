"""The words beside a planned load: where its start came from (the runner's set, a known
load, a log, an estimate or another lift), the find-your-weight session, and the rounding
to the runner's kit, said once."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import loads as ld
from .detraining import find_words
from .model import Exercise, Item

if TYPE_CHECKING:
    from .load_walk import LiftState, LoadWalk


def load_reasons(walk: LoadWalk, lift: LiftState, e: Exercise) -> list:
    kit = ld.implement(e.equipment)
    rounding = walk.p.why("load-rounding", f"Rounded down to what your {ld.KIT_WORDS.get(kit, 'kit')} can make.")
    only = ld.only_load_kg(e, walk.profile.units, walk.profile.owned_weights)
    if only is not None:  # one weight owned: nothing to find, nothing to round, said each week (cr23a F4)
        owned = walk.p.why("owned-weights", _only_text(only, kit, walk.profile.units))
        return [owned, walk.p.why(lift.rule, _load_text(walk, lift) if lift.shown else _start_text(lift))]
    if lift.rung and lift.own_e1rm is not None and not lift.shown:  # from the runner's own lift (cr26a F5)
        text = (
            f"A pain ladder's rung brings this lift in, so it starts light on purpose: {walk.p.rung_start_family_pct}% "
            f"of what your {lift.source.split(' (')[0]} converts to by the registry's ratio between the two lifts; "
            "the log moves it on."
        )
        return [walk.p.why("rung-start-load", text), rounding]
    if lift.aged and not lift.shown:  # a load from before a break: what it is taken as, found from light
        return [
            walk.p.why("find-your-weight", find_words(walk.p.find_weight_ramp_sets)),
            walk.p.why("detraining-restart", lift.aged),
            rounding,
        ]
    if lift.find and lift.rung:
        return [*_rung_find(walk, lift), rounding]
    if lift.find:
        text = (
            f"Find your weight: warm up over {walk.p.find_weight_ramp_sets} or more light sets to one set of these "
            "reps at this reserve, and log it; the load shown is only a cautious start."
        )
        return [
            walk.p.why("find-your-weight", text),
            walk.p.why(lift.rule, _start_text(lift)),
            rounding,
        ]
    if lift.handed_back and not lift.weeks:
        text = (
            f"Back after the pain ladder at {walk.p.handover_load_pct}% of where this lift would start: "
            "it steps up from here week by week, as long as the area stays calm."
        )
        return [walk.p.why("pain-ladder-handover", text)] + ([] if lift.shown else [rounding])
    text = HARD_ONCE if lift.hard_once else _load_text(walk, lift)  # not "harder down" beside a hold
    return (
        [walk.p.why(lift.rule, text)] if lift.shown else [walk.p.why(lift.rule, text), rounding]
    )  # rounding said once


HARD_ONCE = (
    "Your last set of this lift was harder than planned, all its reps done: one hard week is read as noise, "
    "so the load holds at that week's (a second hard week in a row lowers it)."
)


def _load_text(walk: LoadWalk, lift: LiftState) -> str:
    """Where a load after the first session comes from."""
    text = {
        "load-autoregulation": "Load from your last logged set: easier than planned moves it up, harder down.",
        "e1rm-formula": "Load from your set's estimated 1RM for these reps and this reserve.",
        "starting-load-estimate": f"A cautious load estimated from body mass, sex and level{_scaled(lift)}: "
        "adjust to the reserve.",
        "cross-lift-start": "Load carried over from the same movement's other lift: adjust to the reserve.",
    }[lift.rule]
    if lift.rule == "load-autoregulation" and not lift.diary:  # a dated set the runner gave, not the diary's (P3)
        text = "Load from the recent set you gave for this lift: easier than planned moves it up, harder down."
    if lift.aged and not lift.weeks:  # the week a lift given before a break comes back (detraining-restart)
        text = "Load from your load before the break, taken lower as the first session said: no heavier this week."
    if lift.rule == "e1rm-formula" and not lift.weeks and lift.last is not None:  # the start, in the runner's units
        given = in_units(lift.last, walk.profile.units)  # cr21a S3: a 135 meant as lb, read as kg, says 298 lb
        text = f"Load from the estimated 1RM of the {given} you gave for this lift, for these reps and this reserve."
    if lift.weeks and lift.rule in _STARTS:  # its later weeks go on from its own loads (cr20a #9)
        text = f"Load follows this lift's earlier weeks; {_STARTS[lift.rule](lift)}: adjust to the reserve."
    return text


_STARTS = {
    "cross-lift-start": lambda lift: f"its start was carried over from your {lift.source}",
    "starting-load-estimate": lambda lift: f"its start was estimated from body mass, sex and level{_scaled(lift)}",
}


def _only_text(kg: float, kit: Item | None, units: object) -> str:
    return (
        f"{in_units(kg, units)}: all your {ld.KIT_WORDS.get(kit, 'kit')} have, and every load of this lift. "
        "Where it is light for the effort asked, lower it slower and pause at the bottom; the weeks add reps, then "
        "slow the lowering (kit-double-progression)."
    )


def in_units(kg: float, units: object) -> str:
    """A load the runner gave, as they would write it (`Units` compared by value: the light path's strings too)."""
    if getattr(units, "value", units) == "imperial":
        return f"{round(kg / ld.KG_PER_LB, 1):g} lb"
    return f"{round(kg, 1):g} kg"


def _start_text(lift: LiftState) -> str:
    if lift.rule == "cross-lift-start":
        return f"The start is carried over from your {lift.source} by the registry's ratio between the two lifts."
    return f"The start is estimated from body mass, sex and level{_scaled(lift)}."


def _scaled(lift: LiftState) -> str:
    if lift.scale == 1.0:
        return ""
    return f", then scaled to the loads you gave (your lifts stand at {round(lift.scale * 100)}% of that estimate)"


def _rung_find(walk: LoadWalk, lift: LiftState) -> list:
    """A rung's new lift: found from light, never past the capped start (rung-start-load)."""
    find = (
        f"Find your weight from light: start at the load shown or lighter, work up over "
        f"{walk.p.find_weight_ramp_sets} or more sets only while the area stays calm, stop at the load shown "
        "even if it feels easy, and log it; the log moves it on next week."
    )
    start = (
        f"A pain ladder's rung brings this lift in, so it starts light: at most {walk.p.rung_start_pct}% of the "
        "body-mass estimate, and no more than your logged lifts of the same movement allow."
    )
    return [walk.p.why("find-your-weight", find), walk.p.why("rung-start-load", start)]
