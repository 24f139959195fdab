"""The baseline screen: what a runner records, how it scores against published norms,
and what it changes in the plan.

A screen is a value recorded on a date. `score_screen` turns it into findings (deficits
and left/right asymmetries, each citing the rule and its source) and `ScreenEffects`,
the few switches the planner reads: where each category starts and what needs extra care.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from .model import Category, Frozen, Sex, why
from .params import Params
from .screen import Screen, Side, SquatQuality
from .vocab import CATEGORY_NAME


class Finding(Frozen):
    kind: Literal["deficit", "asymmetry", "ok", "note"]
    test: str
    text: str
    rule_id: str
    category: Category | None = None
    side: Side | None = None  # the weaker side, for asymmetries


class ScreenEffects(Frozen):
    """What the planner changes because of a screen."""

    hinge_patterning: bool = False  # hinge drill before loaded hinges (failed hinge)
    single_leg_rung_cap: Literal["ladder_start", "step_down", "level"] = "level"
    hops_ok: bool = True  # landings controlled enough for hops
    short_holds: bool = False  # shorter, more frequent core holds
    weaker_side: dict[Category, Side] = {}  # an extra set for this side in this category


class ScreenResult(Frozen):
    date: dt.date
    findings: list[Finding]
    effects: ScreenEffects
    priorities: list[str]


def _age_band(age: int, bands: dict[str, float]) -> float:
    """The value for the band holding `age`; bands are keyed "lo-hi" or "lo+"."""
    for key, value in bands.items():
        lo, _, hi = key.partition("-")
        if key.endswith("+"):
            if age >= int(key[:-1]):
                return value
        elif int(lo) <= age <= int(hi):
            return value
    return list(bands.values())[-1]


def _lsi(a: float, b: float) -> float:
    """Limb symmetry index: the weaker side as a percentage of the stronger."""
    hi = max(a, b)
    return 100.0 if hi == 0 else min(a, b) / hi * 100


def score_screen(screen: Screen, age: int, sex: Sex, p: Params) -> ScreenResult:
    """Findings against the norms in the registry, and the plan changes they call for."""
    f: list[Finding] = []
    weaker: dict[Category, Side] = {}
    patterning = not screen.hip_hinge_pass
    if patterning:
        faults = ", ".join(x.value.replace("_", " ") for x in screen.hip_hinge_faults) or "contact lost"
        f.append(
            Finding(
                kind="deficit",
                test="hip hinge",
                rule_id="screen-hip-hinge",
                category=Category.posterior_chain,
                text=f"Hip hinge: dowel contact lost ({faults}). Hinge patterning comes before loaded hinges.",
            )
        )
    else:
        f.append(
            Finding(kind="ok", test="hip hinge", rule_id="screen-hip-hinge", text="Hip hinge: all three contacts kept.")
        )

    z = (screen.plank_seconds - p.plank_mean) / p.plank_sd
    short_holds = z < p.plank_deficit_z
    if short_holds:
        f.append(
            Finding(
                kind="deficit",
                test="plank",
                rule_id="screen-plank",
                category=Category.core,
                text=f"Prone plank {screen.plank_seconds} s, well below the adult reference "
                f"({p.plank_mean:g} ± {p.plank_sd:g} s): shorter, more frequent core holds.",
            )
        )
    else:
        f.append(
            Finding(
                kind="ok",
                test="plank",
                rule_id="screen-plank",
                text=f"Prone plank {screen.plank_seconds} s (reference {p.plank_mean:g} ± {p.plank_sd:g} s).",
            )
        )

    left, right = screen.side_plank_left_seconds, screen.side_plank_right_seconds
    ratio = left / right if right else (1.0 if not left else 2.0)
    lo, hi = p.side_plank_ratio
    if not lo <= ratio <= hi:
        side = Side.left if left < right else Side.right
        weaker[Category.core] = side
        f.append(
            Finding(
                kind="asymmetry",
                test="side plank",
                rule_id="screen-side-plank",
                category=Category.core,
                side=side,
                text=f"Side plank left {left} s, right {right} s (ratio {ratio:.2f}, outside "
                f"{lo:g}-{hi:g}): an extra set on the {side.value} side.",
            )
        )
    if screen.biering_sorensen_seconds:
        side_avg = (left + right) / 2
        if side_avg / screen.biering_sorensen_seconds > p.side_to_extensor_max:
            f.append(
                Finding(
                    kind="note",
                    test="Biering-Sørensen",
                    rule_id="screen-side-plank",
                    category=Category.posterior_chain,
                    text="Back extensors hold short of the side planks: back-extension work helps.",
                )
            )

    order = {SquatQuality.good: 0, SquatQuality.fair: 1, SquatQuality.poor: 2}
    worst = max(screen.single_leg_squat_left, screen.single_leg_squat_right, key=order.__getitem__)
    rung: Literal["ladder_start", "step_down", "level"] = {
        SquatQuality.poor: "ladder_start",
        SquatQuality.fair: "step_down",
        SquatQuality.good: "level",
    }[worst]
    if screen.single_leg_squat_left != screen.single_leg_squat_right:
        side = Side.left if order[screen.single_leg_squat_left] > order[screen.single_leg_squat_right] else Side.right
        weaker[Category.single_leg_power] = side
        f.append(
            Finding(
                kind="asymmetry",
                test="single-leg squat",
                rule_id="screen-single-leg-squat",
                category=Category.single_leg_power,
                side=side,
                text=f"Single-leg squat {screen.single_leg_squat_left.value} on the left, "
                f"{screen.single_leg_squat_right.value} on the right: an extra set on the {side.value}.",
            )
        )
    if worst != SquatQuality.good:
        where = "step-downs" if rung == "step_down" else "the first rung (single-leg sit-to-stand)"
        f.append(
            Finding(
                kind="deficit",
                test="single-leg squat",
                rule_id="screen-single-leg-squat",
                category=Category.single_leg_power,
                text=f"Single-leg squat rated {worst.value}: single-leg work starts at {where}.",
            )
        )

    band_norm = _age_band(age, p.balance_open_norms)
    open_l, open_r = screen.balance_open_left_seconds, screen.balance_open_right_seconds
    hops_ok = worst != SquatQuality.poor and min(open_l, open_r) >= band_norm * p.balance_hop_fraction
    if min(open_l, open_r) < band_norm * p.balance_deficit_fraction:
        f.append(
            Finding(
                kind="deficit",
                test="single-leg balance",
                rule_id="screen-balance",
                category=Category.single_leg_power,
                text=f"Single-leg balance (eyes open) {min(open_l, open_r)} s against about {band_norm:g} s "
                "for your age: balance work stays in every week.",
            )
        )
    if not hops_ok:
        f.append(
            Finding(
                kind="note",
                test="landings",
                rule_id="landings-before-plyometrics",
                category=Category.single_leg_power,
                text="Landings not yet controlled (single-leg squat or balance): no hops until the re-screen.",
            )
        )

    if sex.value in p.heel_raise_norms:
        heel_norm = _age_band(age, p.heel_raise_norms[sex.value])
    else:  # sex not given: halfway between the two norms
        heel_norm = sum(_age_band(age, n) for n in p.heel_raise_norms.values()) / len(p.heel_raise_norms)
    heel_l, heel_r = screen.heel_raise_left, screen.heel_raise_right
    if min(heel_l, heel_r) < heel_norm - p.heel_raise_margin:
        f.append(
            Finding(
                kind="deficit",
                test="heel raises",
                rule_id="screen-heel-raise",
                category=Category.single_leg_power,
                text=f"Single-leg heel raises {min(heel_l, heel_r)} against a norm of about {heel_norm:g} "
                "for your age and sex: calf capacity work matters.",
            )
        )
    if _lsi(heel_l, heel_r) < p.heel_raise_lsi and Category.single_leg_power not in weaker:
        side = Side.left if heel_l < heel_r else Side.right
        weaker[Category.single_leg_power] = side
        f.append(
            Finding(
                kind="asymmetry",
                test="heel raises",
                rule_id="screen-heel-raise",
                category=Category.single_leg_power,
                side=side,
                text=f"Heel raises left {heel_l}, right {heel_r} (symmetry {_lsi(heel_l, heel_r):.0f}%): "
                f"an extra set on the {side.value}.",
            )
        )

    if screen.hop_left_cm is not None and screen.hop_right_cm is not None:
        lsi = _lsi(screen.hop_left_cm, screen.hop_right_cm)
        if lsi < p.hop_lsi:
            side = Side.left if screen.hop_left_cm < screen.hop_right_cm else Side.right
            weaker.setdefault(Category.single_leg_power, side)
            f.append(
                Finding(
                    kind="asymmetry",
                    test="single-leg hop",
                    rule_id="screen-hop",
                    category=Category.single_leg_power,
                    side=side,
                    text=f"Single-leg hop symmetry {lsi:.0f}% (under {p.hop_lsi:g}%): "
                    f"an extra set on the {side.value}.",
                )
            )

    priorities = [x.text for x in f if x.kind == "deficit"] + [x.text for x in f if x.kind == "asymmetry"]
    effects = ScreenEffects(
        hinge_patterning=patterning,
        single_leg_rung_cap=rung,
        hops_ok=hops_ok,
        short_holds=short_holds,
        weaker_side=weaker,
    )
    return ScreenResult(date=screen.date, findings=f, effects=effects, priorities=priorities)


def effect_reasons(effects: ScreenEffects) -> list:
    """Plain sentences for the plan's week notes, one per effect in force."""
    out = []
    if effects.hinge_patterning:
        out.append(why("screen-hip-hinge", "Your screen's hinge lost contact: hinge patterning before loaded hinges."))
    if effects.single_leg_rung_cap != "level":
        out.append(why("screen-single-leg-squat", "Your single-leg squat sets where the single-leg ladder starts."))
    if not effects.hops_ok:
        out.append(why("landings-before-plyometrics", "No hops until landings are controlled on the re-screen."))
    if effects.short_holds:
        out.append(why("screen-plank", "A short plank: core holds are shorter and more frequent."))
    for category, side in effects.weaker_side.items():
        out.append(why("weak-side-extra-set", f"An extra {CATEGORY_NAME[category]} set for the {side.value} side."))
    return out
