"""The baseline screen: what a runner records, how it scores against published norms,
and what it changes in the plan.

A screen is a value recorded on a date. `score_screen` turns it into findings (deficits
and left/right asymmetries, each citing the rule and its source) and `ScreenEffects`,
the few switches the planner reads: where each category starts and what needs extra care.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from .holds import hold_ceiling, short_plank_seconds, short_plank_words
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
    # no core hold longer than a share of the screened holds: (front plank, weaker side plank) seconds
    hold_ceilings: tuple[int, int] | None = None
    weaker_side: dict[Category, Side] = {}  # an extra set for this side in this category
    side_plank_weaker: int | None = None  # an uneven side plank's weaker side (s): its rung is trained


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


@dataclass
class _Scoring:
    """What the screen's tests found so far; each scorer adds its findings and effects."""

    screen: Screen
    age: int
    sex: Sex
    p: Params
    findings: list[Finding] = field(default_factory=list)
    weaker: dict[Category, Side] = field(default_factory=dict)
    effects: dict[str, object] = field(default_factory=dict)

    def add(self, **finding: object) -> None:
        self.findings.append(Finding(**finding))  # type: ignore[arg-type]

    def asymmetry(self, test: str, rule_id: str, category: Category, side: Side, text: str) -> None:
        """A left/right difference: the first test to name a weaker side in `category` sets
        the extra set's side (SCORERS' order), and every test's finding is listed."""
        self.weaker.setdefault(category, side)
        self.add(kind="asymmetry", test=test, rule_id=rule_id, category=category, side=side, text=text)


def _weaker(left: float, right: float) -> Side:
    """The side that scored less (the right on a tie)."""
    return Side.left if left < right else Side.right


def _hip_hinge(sc: _Scoring) -> None:
    patterning = not sc.screen.hip_hinge_pass
    sc.effects["hinge_patterning"] = patterning
    if patterning:
        faults = ", ".join(x.value.replace("_", " ") for x in sc.screen.hip_hinge_faults) or "contact lost"
        sc.add(
            kind="deficit",
            test="hip hinge",
            rule_id="screen-hip-hinge",
            category=Category.posterior_chain,
            text=f"Hip hinge: dowel contact lost ({faults}). Hinge patterning comes before loaded hinges.",
        )
    else:
        sc.add(kind="ok", test="hip hinge", rule_id="screen-hip-hinge", text="Hip hinge: all three contacts kept.")


def _plank(sc: _Scoring) -> None:
    p, seconds = sc.p, sc.screen.plank_seconds
    short = (seconds - p.plank_mean) / p.plank_sd < p.plank_deficit_z
    sc.effects["short_holds"] = short
    side = min(sc.screen.side_plank_left_seconds, sc.screen.side_plank_right_seconds)
    sc.effects["hold_ceilings"] = (hold_ceiling(seconds, p), hold_ceiling(side, p))
    if short:
        cap = hold_ceiling(seconds, p)  # no room to grow under it when it is the shortest hold
        grow = (
            f"grow up to {cap} s, {p.plank_hold_ceiling_pct}% of this plank, then by a set a loading week"
            if cap > p.min_hold_seconds
            else f"stay at {cap} s, growing by a set a loading week, until a longer plank on a new screen raises it"
        )
        sc.add(
            kind="deficit",
            test="plank",
            rule_id="screen-plank",
            category=Category.core,
            text=f"Prone plank {seconds} s, {short_plank_words(p)}: core holds start shorter, with one more set, "
            f"and {grow}.",
        )
    else:
        sc.add(
            kind="ok",
            test="plank",
            rule_id="screen-plank",
            text=f"Prone plank {seconds} s (reference {p.plank_mean:g} ± {p.plank_sd:g} s; "
            f"short is under {short_plank_seconds(p):.0f} s).",
        )


def _side_plank(sc: _Scoring) -> None:
    left, right = sc.screen.side_plank_left_seconds, sc.screen.side_plank_right_seconds
    ratio = left / right if right else (1.0 if not left else 2.0)
    lo, hi = sc.p.side_plank_ratio
    if not lo <= ratio <= hi:
        side = _weaker(left, right)
        text = (
            f"Side plank left {left} s, right {right} s (ratio {ratio:.2f}, outside "
            f"{lo:g}-{hi:g}): an extra set on the {side.value} side."
        )
        sc.asymmetry("side plank", "screen-side-plank", Category.core, side, text)
        sc.effects["side_plank_weaker"] = min(left, right)


def _extensors(sc: _Scoring) -> None:
    s = sc.screen
    if s.biering_sorensen_seconds:
        side_avg = (s.side_plank_left_seconds + s.side_plank_right_seconds) / 2
        if side_avg / s.biering_sorensen_seconds > sc.p.side_to_extensor_max:
            sc.add(
                kind="note",
                test="Biering-Sørensen",
                rule_id="screen-side-plank",
                category=Category.posterior_chain,
                text="Back extensors hold short of the side planks: back-extension work helps.",
            )


_SQUAT_ORDER = {SquatQuality.good: 0, SquatQuality.fair: 1, SquatQuality.poor: 2}
_RUNG: dict[SquatQuality, Literal["ladder_start", "step_down", "level"]] = {
    SquatQuality.poor: "ladder_start",
    SquatQuality.fair: "step_down",
    SquatQuality.good: "level",
}


def _worst_squat(screen: Screen) -> SquatQuality:
    return max(screen.single_leg_squat_left, screen.single_leg_squat_right, key=_SQUAT_ORDER.__getitem__)


def _single_leg_squat(sc: _Scoring) -> None:
    left, right = sc.screen.single_leg_squat_left, sc.screen.single_leg_squat_right
    worst = _worst_squat(sc.screen)
    rung = sc.effects["single_leg_rung_cap"] = _RUNG[worst]
    if left != right:
        side = Side.left if _SQUAT_ORDER[left] > _SQUAT_ORDER[right] else Side.right
        text = (
            f"Single-leg squat {left.value} on the left, {right.value} on the right: an extra set on the {side.value}."
        )
        sc.asymmetry("single-leg squat", "screen-single-leg-squat", Category.single_leg_power, side, text)
    if worst != SquatQuality.good:
        where = "step-downs" if rung == "step_down" else "the first rung (single-leg sit-to-stand)"
        sc.add(
            kind="deficit",
            test="single-leg squat",
            rule_id="screen-single-leg-squat",
            category=Category.single_leg_power,
            text=f"Single-leg squat rated {worst.value}: single-leg work starts at {where}.",
        )


def _balance(sc: _Scoring) -> None:
    p, s = sc.p, sc.screen
    norm = _age_band(sc.age, p.balance_open_norms)
    shorter = min(s.balance_open_left_seconds, s.balance_open_right_seconds)
    hops_ok = _worst_squat(s) != SquatQuality.poor and shorter >= norm * p.balance_hop_fraction
    sc.effects["hops_ok"] = hops_ok
    if shorter < norm * p.balance_deficit_fraction:
        sc.add(
            kind="deficit",
            test="single-leg balance",
            rule_id="screen-balance",
            category=Category.single_leg_power,
            text=f"Single-leg balance (eyes open) {shorter} s against about {norm:g} s "
            "for your age: balance work stays in every week.",
        )
    if not hops_ok:
        sc.add(
            kind="note",
            test="landings",
            rule_id="landings-before-plyometrics",
            category=Category.single_leg_power,
            text="Landings not yet controlled (single-leg squat or balance): no hops until the re-screen.",
        )


def _heel_norm(age: int, sex: Sex, p: Params) -> float:
    if sex.value in p.heel_raise_norms:
        return _age_band(age, p.heel_raise_norms[sex.value])
    # sex not given: halfway between the two norms
    return sum(_age_band(age, n) for n in p.heel_raise_norms.values()) / len(p.heel_raise_norms)


def _heel_raises(sc: _Scoring) -> None:
    p, heel_l, heel_r = sc.p, sc.screen.heel_raise_left, sc.screen.heel_raise_right
    norm = _heel_norm(sc.age, sc.sex, p)
    if min(heel_l, heel_r) < norm - p.heel_raise_margin:
        sc.add(
            kind="deficit",
            test="heel raises",
            rule_id="screen-heel-raise",
            category=Category.single_leg_power,
            text=f"Single-leg heel raises {min(heel_l, heel_r)} against a norm of about {norm:g} "
            "for your age and sex: calf capacity work matters.",
        )
    if _lsi(heel_l, heel_r) < p.heel_raise_lsi and Category.single_leg_power not in sc.weaker:
        side = _weaker(heel_l, heel_r)
        text = (
            f"Heel raises left {heel_l}, right {heel_r} (symmetry {_lsi(heel_l, heel_r):.0f}%): "
            f"an extra set on the {side.value}."
        )
        sc.asymmetry("heel raises", "screen-heel-raise", Category.single_leg_power, side, text)


def _hop(sc: _Scoring) -> None:
    left, right = sc.screen.hop_left_cm, sc.screen.hop_right_cm
    if left is None or right is None:
        return
    lsi = _lsi(left, right)
    if lsi < sc.p.hop_lsi:
        side = _weaker(left, right)
        text = f"Single-leg hop symmetry {lsi:.0f}% (under {sc.p.hop_lsi:g}%): an extra set on the {side.value}."
        sc.asymmetry("single-leg hop", "screen-hop", Category.single_leg_power, side, text)


# Each test of the screen and its scorer, in the order findings are listed (the single-leg
# squat names the weaker side before heel raises and hops may).
SCORERS: tuple[tuple[str, Callable[[_Scoring], None]], ...] = (
    ("hip hinge", _hip_hinge),
    ("plank", _plank),
    ("side plank", _side_plank),
    ("Biering-Sørensen", _extensors),
    ("single-leg squat", _single_leg_squat),
    ("single-leg balance", _balance),
    ("heel raises", _heel_raises),
    ("single-leg hop", _hop),
)


def score_screen(screen: Screen, age: int, sex: Sex, p: Params) -> ScreenResult:
    """Findings against the norms in the registry, and the plan changes they call for."""
    sc = _Scoring(screen, age, sex, p)
    for _, scorer in SCORERS:
        scorer(sc)
    f = sc.findings
    priorities = [x.text for x in f if x.kind == "deficit"] + [x.text for x in f if x.kind == "asymmetry"]
    effects = ScreenEffects(**sc.effects, weaker_side=sc.weaker)  # type: ignore[arg-type]
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
        out.append(why("screen-plank", "A short plank: core holds start shorter, with one more set, then grow."))
    for category, side in effects.weaker_side.items():
        out.append(why("weak-side-extra-set", f"An extra {CATEGORY_NAME[category]} set for the {side.value} side."))
    return out
