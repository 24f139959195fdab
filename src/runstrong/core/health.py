"""Health conditions that change strength and impact work: a recent birth, pelvic floor
symptoms, low bone density (the profile's `health`, the runner's own report).

A coach asks about these, adapts and refers; the plan does the same:

- postnatal (postnatal-impact-return): no hops, bounds or jumps (impact above low) before
  `postnatal_impact_weeks` after the birth; strength work goes on. Then hops on both feet below
  high impact come back first (at the starting dose: hops new to a plan start there), and
  higher-impact jumps wait `postnatal_gentle_weeks` more. A pelvic health check comes first.
- pelvic floor symptoms (pelvic-floor-symptoms): no impact above low while they are reported;
  heavy lifts carry an exhale-on-effort cue.
- low bone density (bone-loading): heavy lifts and impact stay, impact starts gentle (two-footed
  hops for the plan's first `bone_gentle_weeks`), and nothing loads the spine bent or twisted.
- pregnancy (pregnancy-strength, `core/pregnancy`): no impact at all, nothing lying on the back or
  front past a week of pregnancy, every set at a moderate effort; heavy lifts carry the exhale cue.
- a bone stress injury (bone-stress-return, `core/bone_stress`): heavy lifts stay; impact waits some
  weeks after the clinician's clearance and comes back in stages (longer at a high-risk site); impact
  exercises carry the stop-at-any-pain cue.

`week_limits` says what a week allows; the block's selection obeys it (`within_limits`,
`hops_open`), `with_health` puts the cue and each week's words on the plan, and
`health_notes` adds the plan's notes (advice to see a clinician)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from . import bone_stress as bsi
from . import loads as ld
from .model import AthleteProfile, Block, Exercise, Health, Impact, Level, Pattern, Reason, Role, Week, why
from .owned_kit import kit_increments
from .pregnancy import RULE as PREGNANCY
from .pregnancy import effort_violations, lying_allowed, week_reason
from .pregnancy import notes as pregnancy_notes
from .sentences import sentences
from .vocab import HEALTH_NAME, spoken_list

POSTNATAL = "postnatal-impact-return"
PELVIC = "pelvic-floor-symptoms"
BONE = "bone-loading"
BONE_STRESS = bsi.RULE
_RANK = {x: i for i, x in enumerate(Impact)}


@dataclass(frozen=True)
class Limits:
    """What a week's health conditions allow: the highest impact, whether hops are on both
    feet and below high impact only (the lowest-impact first), whether a loaded exercise may
    bend or twist the spine, and the rules that set each."""

    top: Impact = Impact.high
    gentle: bool = False
    spine_loaded: bool = True
    rules: tuple[str, ...] = ()
    lying: bool = True  # exercises done lying on the back or front (pregnancy keeps them out past its week)


BONE_HEALTH = (Health.low_bone_density.value, Health.menopause.value)  # the entries bone-loading answers


def loads_bone(profile: Any) -> bool:
    """Whether bone-loading shapes the plan: low bone density, or in or past menopause, when bone
    is lost fastest (cr30a F8: a postmenopausal novice of 58 was asked nothing and kept no heavy lift)."""
    return any(getattr(h, "value", h) in BONE_HEALTH for h in profile.health)


def keeps_impact(limits: Limits | None) -> bool:
    """Whether the week's hops come before calf capacity in a half or marathon's race-specific
    block: low bone density keeps its impact through it, as bone responds to impact (Watson et
    al. 2018, LIFTMOR; Beck et al. 2017) (cr24a F6: eight weeks without a hop) (bone-loading)."""
    return limits is not None and BONE in limits.rules


def heavy_main(level: Level, limits: Limits | None, p: Any) -> bool:
    """Whether a leg category's main lift is chosen on kit that can go heavy: for a lifter of the
    heavy scheme's level, and with low bone density whatever the level, so a graduated novice's
    heavy weeks find a hinge or squat that takes them (LIFTMOR's heavy deadlifts and squats; cr24a
    F6: a kettlebell deadlift dosed for durability, 3 x 13-15, on the heavy day) (bone-loading)."""
    return level.rank >= p.heavy_min_level.rank or keeps_impact(limits)


def low_hop(e: Exercise) -> bool:
    """The easiest hops on both feet below high impact (ankle and pogo hops): the lowest-impact
    hops, where impact comes back first."""
    two_feet = not e.dose.per_side and not e.unilateral and e.impact != Impact.high
    return e.pattern == Pattern.plyometric and two_feet and e.level == Level.novice


def loads_spine_bent(e: Exercise) -> bool:
    """A loaded exercise that bends or twists the spine (bone-loading keeps these out)."""
    return bool(e.spine) and (e.loadable or bool(e.equipment))


def birth_in_future(profile: AthleteProfile, today: dt.date) -> str | None:
    """A birth date, or a bone stress injury's clearance to run, after today, refused (the model
    cannot know today: each face asks with its clock): "postnatal_since: ..." or None."""
    since, cleared = profile.postnatal_since, profile.cleared_to_run
    if cleared is not None and cleared > today:
        return (f"cleared_to_run: not cleared to run yet: {cleared} is after today ({today}); runstrong plans strength "
                "work once your clinician has cleared you to run: give that day once it has come")  # fmt: skip
    if since is None or since <= today:
        return None
    return f"postnatal_since: {since} is after today ({today}); give the date of the birth once it has happened"


def birth_weeks(profile: AthleteProfile, day: dt.date) -> int | None:
    """Whole weeks from the birth to `day` (None when the runner gave no birth date)."""
    since = profile.postnatal_since
    return None if since is None else (day - since).days // 7


def week_limits(profile: AthleteProfile, week_start: dt.date, p: Any) -> Limits | None:
    """What the week starting `week_start` allows; None when the runner reported nothing
    (most runners). A week allows hops only once its first day is past the wait."""
    if not profile.health:
        return None
    top, gentle, spine, rules = Impact.high, False, True, []
    if Health.postnatal in profile.health and profile.postnatal_since is not None:
        stage = _stage(week_start, profile.postnatal_since, p.postnatal_impact_weeks, p.postnatal_gentle_weeks)
        if stage < len(STAGES):
            top, gentle = STAGES[stage]
            rules.append(POSTNATAL)
    if Health.pelvic_floor in profile.health:
        top = Impact.low
        rules.append(PELVIC)
    if loads_bone(profile):  # the spine's caution is low bone density's alone: menopause needs no diagnosis
        spine = Health.low_bone_density not in profile.health
        stage = max(1, _stage(week_start, profile.start_date, 0, p.bone_gentle_weeks))  # impact from the start
        if stage < len(STAGES):
            top, gentle = min(top, STAGES[stage][0], key=_RANK.get), gentle or STAGES[stage][1]  # type: ignore[arg-type]
        rules.append(BONE)
    if bsi.injured(profile):
        stage = _stage(week_start, *bsi.waits(profile, p))
        if stage < len(STAGES):  # before the wait not even a landing: impact starts with the stages
            step = (Impact.none, False) if stage == 0 else STAGES[stage]
            top, gentle = min(top, step[0], key=_RANK.get), gentle or step[1]  # type: ignore[arg-type]
        rules.append(BONE_STRESS)  # its stop sign holds whatever the stage
    lying = True
    if Health.pregnant in profile.health and profile.due_date is not None:
        top, lying = Impact.none, lying_allowed(profile, week_start, p)
        rules.append(PREGNANCY)
    return Limits(top=top, gentle=gentle, spine_loaded=spine, rules=tuple(rules), lying=lying)


# impact coming back, after its wait: the easiest hops on both feet (gentle), then single-leg and
# moderate ones; high impact (bounds, box and depth jumps) once both stages are over
STAGES: tuple[tuple[Impact, bool], ...] = ((Impact.low, False), (Impact.moderate, True), (Impact.moderate, False))


def _stage(week_start: dt.date, since: dt.date, wait_weeks: int, stage_weeks: int) -> int:
    """Where a week is on impact's way back: 0 before the wait is over, 1 and 2 in the two
    stages of `stage_weeks` each after it, 3 (past `STAGES`) once impact is back in full."""
    back = since + dt.timedelta(weeks=wait_weeks)
    if week_start < back:
        return 0
    return min(len(STAGES), 1 + (week_start - back).days // (7 * max(1, stage_weeks)))


def allowed(e: Exercise, limits: Limits | None) -> bool:
    """Whether a week under `limits` may hold `e`."""
    if limits is None:
        return True
    if _RANK[e.impact] > _RANK[limits.top]:
        return False
    if limits.gentle and _RANK[e.impact] > _RANK[Impact.low] and not low_hop(e):
        return False
    if not limits.lying and e.lying is not None:
        return False
    return limits.spine_loaded or not loads_spine_bent(e)


def broken_by(e: Exercise, limits: Limits | None) -> str | None:
    """The rule a week under `limits` breaks by holding `e`, or None."""
    if allowed(e, limits) or limits is None:
        return None
    if not limits.spine_loaded and loads_spine_bent(e):
        return BONE
    if PREGNANCY in limits.rules and (e.lying is not None or e.impact != Impact.none):
        return PREGNANCY
    for rule in (POSTNATAL, BONE_STRESS):
        if rule in limits.rules:
            return rule
    return PELVIC if _RANK[e.impact] > _RANK[limits.top] else BONE


def health_violations(plan: Any, library: Any, p: Any, lived: frozenset[dt.date]) -> list[tuple[str, str, str]]:
    """(rule, date, what) for every block a runner's health conditions rule out in its week:
    the planner's own check (`validate.check_plan`). Lived weeks were planned before."""
    profile, out = plan.profile, []
    if not profile.health:
        return out
    for w in plan.weeks:
        limits = None if w.start_date in lived else week_limits(profile, w.start_date, p)
        for s in w.sessions if limits is not None else ():
            for b in s.blocks:
                rule = broken_by(library.get(b.exercise_id), limits) if b.exercise_id in library else None
                if rule is not None:
                    out.append((rule, str(s.date), f"{b.name}: not while {health_text(profile.health)} holds it back"))
    return [*out, *effort_violations(plan, p, lived)]


def within_limits(usable: tuple[Exercise, ...], limits: Limits | None) -> tuple[Exercise, ...]:
    """The exercises a week under `limits` may hold (all of them when there are none)."""
    if limits is None:
        return usable
    return tuple(e for e in usable if allowed(e, limits))


def held_back(library: Any, limits: Limits | None) -> frozenset[str]:
    """The library's exercises a week under `limits` may not hold, which a pain ladder's rung
    leaves out too (a bridge hold on its first rung in pregnancy past the lying week)."""
    if limits is None:
        return frozenset()
    return frozenset(e.id for e in library.exercises if not allowed(e, limits))


def hops_open(limits: Limits | None, ladder: bool = False) -> bool:
    """Whether hops (plyometrics, all above low impact) may come into the week at all; for a
    pain ladder's plyometric rung (`ladder`: its own single-leg hops), not while hops stay gentle."""
    return limits is None or (_RANK[limits.top] > _RANK[Impact.low] and not (ladder and limits.gentle))


# ---------------------------------------------------------------------------- words


def week_reasons(
    profile: AthleteProfile, week_start: dt.date, limits: Limits | None, p: Any, hops: Hops | None = None
) -> list[Reason]:
    """A week's words on what its health conditions changed, each citing its rule; the impact
    they name is the week's own (`hops`: what its sessions hold), never work it does not hold."""
    if limits is None:
        return []
    out = []
    if POSTNATAL in limits.rules and profile.postnatal_since is not None:
        since, weeks = profile.postnatal_since, birth_weeks(profile, week_start)
        stage = _stage(week_start, since, p.postnatal_impact_weeks, p.postnatal_gentle_weeks)
        high = since + dt.timedelta(weeks=p.postnatal_impact_weeks + 2 * p.postnatal_gentle_weeks)
        out.append(why(POSTNATAL, f"{weeks} weeks after the birth: " + _stage_words(stage, p.postnatal_impact_weeks,
                   since + dt.timedelta(weeks=p.postnatal_impact_weeks), high, hops)))  # fmt: skip
    if PELVIC in limits.rules:
        text = (
            "No hops or jumps while you report pelvic floor symptoms; they come back when you take them off "
            "your profile after a pelvic health physiotherapist's check. Heavy lifts: breathe out on the effort."
        )
        out.append(why(PELVIC, text))
    if BONE in limits.rules:
        stage = max(1, _stage(week_start, profile.start_date, 0, p.bone_gentle_weeks))
        high = profile.start_date + dt.timedelta(weeks=2 * p.bone_gentle_weeks)
        text = (
            "Low bone density: heavy lifts and impact stay, as bone needs them; no loaded bending or twisting."
            if limits.spine_loaded is False
            else "Menopause: heavy lifts and impact stay, as bone needs them."
        )
        words = _stage_words(stage, 0, None, high, hops)
        out.append(why(BONE, sentences(text, None if stage >= len(STAGES) and hops is None else words)))
    if BONE_STRESS in limits.rules:
        cleared, wait, g = bsi.waits(profile, p)
        stage, back = _stage(week_start, cleared, wait, g), cleared + dt.timedelta(weeks=wait)
        high = cleared + dt.timedelta(weeks=wait + 2 * g)
        words = bsi.before_impact(back) if stage == 0 else _stage_words(stage, wait, back, high, hops)
        out.append(why(BONE_STRESS, sentences(bsi.week_head(profile, week_start), words)))
    if PREGNANCY in limits.rules and (said := week_reason(profile, week_start, p)) is not None:
        out.append(said)
    return out


@dataclass(frozen=True)
class Hops:
    """The hops and jumps a week's sessions hold: any, and any on one leg."""

    any: bool
    single_leg: bool


def week_hops(week: Week, library: Any) -> Hops:
    """What hops and jumps `week` holds (a plyometric exercise in any of its sessions)."""
    plyo = [
        library.get(b.exercise_id)
        for s in week.sessions
        for b in s.blocks
        if b.exercise_id in library and library.get(b.exercise_id).pattern == Pattern.plyometric
    ]
    return Hops(bool(plyo), any(e.unilateral or e.dose.per_side for e in plyo))


def _stage_words(stage: int, wait: int, back: dt.date | None, high: dt.date, hops: Hops | None = None) -> str:
    """What a stage of impact's way back holds, in the runner's words: the hops the week holds
    (`hops`; None: the stage's own), never ones it does not (cr24a F6: "single-leg hops now" over
    eight weeks without a hop)."""
    if stage == 0:
        return (f"no hops or jumps until {wait} weeks ({back:%d %b %Y}), after a pelvic health physiotherapist's "
                "check; strength work goes on.")  # fmt: skip
    later = f"high-impact jumps (bounds, box and depth jumps) wait until {high:%d %b %Y}."
    if hops is not None and not hops.any:
        return "this week's sessions hold no hops or jumps" + (
            "." if stage >= len(STAGES) else "; single-leg hops wait." if stage == 1 else f"; {later}"
        )
    if stage == 1:
        return "the easiest hops on both feet come first, at the starting dose; single-leg hops wait."
    if stage == 2:
        if hops is not None and not hops.single_leg:
            return f"hops on both feet this week; {later}"  # never a promise of single-leg hops it does not hold
        return f"single-leg hops now; {later}"
    return "hops and jumps are back in full."


def health_notes(profile: AthleteProfile, p: Any, held: tuple[bool, bool] = (False, True)) -> list[str]:
    """The plan's notes ("Notes on this plan") for a runner who reported a health condition:
    what the plan changes and whom to see first (`held`: whether the plan holds loaded calf work
    and a heavy session, which a bone stress injury's note names: `bone_stress.holds`)."""
    out, g = [], None
    if Health.postnatal in profile.health and profile.postnatal_since is not None:
        since, n, g = profile.postnatal_since, p.postnatal_impact_weeks, p.postnatal_gentle_weeks
        back, high = since + dt.timedelta(weeks=n), since + dt.timedelta(weeks=n + 2 * g)
        out.append(
            f"After the birth on {since:%d %b %Y}: no hops or jumps before {n} weeks ({back:%d %b %Y}); strength "
            "work goes on. Before impact comes back, see a pelvic health physiotherapist for a check. Then the "
            f"easiest hops on both feet come first, at the starting dose, single-leg hops after {g} weeks, and "
            f"high-impact jumps (bounds, box and depth jumps) from {high:%d %b %Y} ({POSTNATAL})."
        )
    if Health.pelvic_floor in profile.health:
        out.append(
            "You report pelvic floor symptoms: no hops or jumps while you do, and heavy lifts carry a breathing cue "
            "(breathe out on the effort). See a pelvic health physiotherapist; when they clear you for impact, take "
            f"pelvic_floor off your profile and hops come back ({PELVIC})."
        )
    if Health.low_bone_density in profile.health:
        g = p.bone_gentle_weeks
        out.append(
            "Low bone density: the plan keeps heavy lifts and impact, which is what bone responds to. Impact starts "
            f"with the easiest hops on both feet for the first {g} weeks, single-leg hops for {g} more, then "
            "high-impact jumps; nothing loads the spine bent or twisted (this library has no such exercise, and "
            "the plan keeps it that way). Check with your doctor about your fracture risk before heavy or impact "
            f"work ({BONE})."
        )
    elif Health.menopause in profile.health:
        g = p.bone_gentle_weeks
        out.append(
            "Menopause: bone and muscle are lost fastest in the years around and after it, and heavy lifting and "
            "impact are what bone responds to, so the plan keeps one heavy squat or hinge every loading week once "
            f"heavy work begins and brings impact in from the start: the easiest hops on both feet for {g} weeks, "
            f"single-leg hops for {g} more, then high-impact jumps. No diagnosis is needed for this; if a scan has "
            "shown low bone density, add low_bone_density too (the plan then also keeps loaded bending and twisting "
            "off the spine), and if you have had a fracture, check with your doctor before heavy or impact work "
            f"({BONE})."
        )
    if loads_bone(profile):
        out += _no_heavy_kit(profile, p)
    elif _menopause_age(profile, p):
        out.append(
            f"At {profile.age}, if you are in or past menopause, add menopause to your health (the profile's health, "
            "or `runstrong init`): bone is lost fastest in those years, and the plan would then keep one heavy squat "
            f"or hinge every loading week and bring in gentle impact from the start, as bone responds to ({BONE})."
        )
    return [*out, *pregnancy_notes(profile, p), *bsi.notes(profile, p, *held)]


def _menopause_age(profile: AthleteProfile, p: Any) -> bool:
    """A woman at the age menopause is common who reported nothing about it (nor a pregnancy or birth)."""
    quiet = not {Health.pregnant, Health.postnatal}.intersection(profile.health)
    return getattr(profile.sex, "value", profile.sex) == "female" and profile.age >= p.bone_ask_from_age and quiet


def _no_heavy_kit(profile: AthleteProfile, p: Any) -> list[str]:
    """kitbone's Left: a low-bone-density runner whose kit holds nothing the heavy dose is lifted on
    (dose-heavy's heavy_equipment: a kettlebell, a backpack or bands only) gets no heavy hinge or
    squat at all, and the plan says so with what would give one, rather than leaving it unsaid."""
    if p.heavy_equipment.intersection(profile.equipment_items):
        return []
    return [
        "Your kit has nothing the heavy dose bone responds to is lifted on (dumbbells, a barbell, a trap bar or "
        "a machine; about 5 x 5 near the most you can lift, as in LIFTMOR), so no lift of this plan is heavy: "
        "the hinges and squats go by reps and a slow lowering instead. Dumbbells you can load to that dose, or "
        f"a session a week at a gym, would let the plan keep one heavy hinge or squat every loading week ({BONE}, "
        "dose-heavy)."
    ]


def health_text(conditions: Iterable[Health]) -> str:
    """The conditions as a sentence names them: "a recent birth and low bone density"."""
    return spoken_list([HEALTH_NAME[h] for h in conditions])


def _heavy_lift(b: Block, library: Any) -> bool:
    """A loaded main lift done in reps: where breath-holding and bearing down happen."""
    if b.role != Role.primary or b.prescription.reps is None or b.exercise_id not in library:
        return False
    return library.get(b.exercise_id).loadable


def with_health(
    weeks: list[Week], profile: AthleteProfile, ctx: Any, lived: frozenset[dt.date] = frozenset()
) -> list[Week]:
    """`weeks` with each week's health words, and (pelvic floor symptoms) the breathing cue on
    heavy lifts; the same list when the runner reported nothing. Lived weeks stay as they were."""
    if not profile.health:
        return weeks
    p, out = ctx.params, []
    breath = {Health.pelvic_floor: PELVIC, Health.pregnant: PREGNANCY}
    rule = next((breath[h] for h in profile.health if h in breath), None)  # the exhale cue: whose rule gives it
    cue = p.pelvic_floor_cue if rule is not None else None
    for w in weeks:
        if w.start_date in lived:
            out.append(w)
            continue
        limits = week_limits(profile, w.start_date, p)
        reasons = week_reasons(profile, w.start_date, limits, p, week_hops(w, ctx.library))
        if limits is not None and BONE in limits.rules and (held := kit_held_heavy(w, profile, ctx.library, p)):
            reasons.append(why(BONE, held))
        sessions = w.sessions if cue is None else [_cued(s, cue, ctx.library, rule) for s in w.sessions]
        if limits is not None and BONE_STRESS in limits.rules:  # impact carries the stop sign
            sessions = [_cued(s, bsi.cue(profile), ctx.library, BONE_STRESS, _impact) for s in sessions]
        out.append(w.model_copy(update={"reasons": [*w.reasons, *reasons], "sessions": sessions}))
    return out


def kit_held_heavy(week: Week, profile: AthleteProfile, library: Any, p: Any) -> str | None:
    """What a low-bone-density runner is told when their kit holds the week's heavy hinge or squat
    at its heaviest, short of the heavy dose the lift asks (cr24a F6: Margaret's 12 kg dumbbells):
    the hardest option the kit leaves is a slower lowering, and heavier kit would let it grow
    (bone-loading: LIFTMOR's heavy dose, Watson et al. 2018). None when no such lift is held."""
    for b in (b for s in week.sessions for b in s.blocks if b.role == Role.primary and b.prescription.load_kg):
        e = library.get(b.exercise_id) if b.exercise_id in library else None
        rules = {r.rule_id for r in b.reasons}
        if e is None or e.pattern not in (Pattern.hinge, Pattern.squat) or "dose-heavy" not in rules:
            continue
        kit = ld.implement(e.equipment)
        top = ld.lift_heaviest(e, profile, p)
        if kit is None or top is None or rules.isdisjoint({"kit-double-progression", "kit-heaviest"}):
            continue
        if b.prescription.load_kg + ld.increment_kg(kit, profile.units, kit_increments(profile), p) <= top + 1e-6:
            continue  # a heavier step is still in the kit: the load waits for the reps, not for the kit
        words = ld.KIT_WORDS.get(kit, "kit")
        kg = b.prescription.load_kg
        shown = f"{round(kg / ld.KG_PER_LB):g} lb" if profile.units.value == "imperial" else f"{kg:g} kg"
        return (
            f"Your heaviest {words} ({shown}) hold your heavy {e.name[0].lower()}{e.name[1:]} short of the heavy "
            "dose bone responds to (about 5 x 5 near the most you can lift, as in LIFTMOR): its lowering slows "
            f"instead. Heavier {words}, or a session at a gym, would let it reach that dose."
        )
    return None


def _impact(b: Block, library: Any) -> bool:
    """A hop, jump or landing: where a bone stress injury's site takes the most load."""
    return b.exercise_id in library and library.get(b.exercise_id).impact != Impact.none


def _cued(session: Any, cue: str, library: Any, rule: Any = PELVIC, which: Any = _heavy_lift) -> Any:
    said = cue if rule == BONE_STRESS else "Breathe out on the effort."
    blocks = [
        b.model_copy(
            update={
                "cues": [cue, *b.cues] if rule == BONE_STRESS else [*b.cues, cue],  # a stop sign first
                "reasons": [*b.reasons, why(rule, said)],
            }
        )
        if which(b, library) and cue not in b.cues
        else b
        for b in session.blocks
    ]
    return session if blocks == session.blocks else session.model_copy(update={"blocks": blocks})
