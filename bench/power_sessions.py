"""How many half or marathon runners' single-leg power sessions hold no power: race-specific
third sessions headed single-leg power with no hop, jump, landing or fast lift, counted over
generated runners (bench/generated.py, each given a half or a marathon).

    PYTHONPATH=src python -m bench.power_sessions [COUNT]

"Impact allowed" is read from the runner alone: no health entry, and no pain area that a low
two-footed hop (pogo or ankle hops) loads or is kept from; the week's own reasons then say
whether a rule kept hops out that week (the first hops waiting on one-new-thing, a long run's
day). A session counted "unexplained" holds no power element and no reason for its absence.
"""

from __future__ import annotations

import sys
from collections import Counter

from bench.generated import generated_profiles

from runstrong.core.model import Category, Intent, Pattern, Phase, RaceDistance
from runstrong.core.planner import InfeasibleWeekError, build_plan
from runstrong.io.data_files import load_context

CTX = load_context()
LIB = CTX.library
POWER = (Pattern.plyometric, Pattern.landing)
LOW_HOPS = ("pogo_hops", "ankle_hops")
# words a plan uses when a rule keeps a week's or a day's hops out
KEPT_OUT = ("no-power-element", "plyometrics-fresh-legs", "explosive-work-with-room", "one-new-thing-a-week")


def power_element(session) -> bool:  # type: ignore[no-untyped-def]
    """A hop, jump, landing or lift done with fast intent among the session's worked exercises."""
    for b in session.blocks:
        e = LIB.get(b.exercise_id)
        if b.role.value in ("primary", "accessory") and (e.pattern in POWER or e.intent == Intent.power):
            return True
    return False


def impact_allowed(profile) -> bool:  # type: ignore[no-untyped-def]
    if profile.health:
        return False
    pain = set(profile.pain_areas)
    return any(not pain & {*LIB.get(h).contraindications, *LIB.get(h).loads} for h in LOW_HOPS)


def said_why(week, session) -> bool:  # type: ignore[no-untyped-def]
    reasons = [*week.reasons, *session.reasons, *(r for b in session.blocks for r in b.reasons)]
    return any(r.rule_id in KEPT_OUT and ("hop" in r.text.lower() or "power" in r.text.lower()) for r in reasons)


def main(count: int = 200) -> None:
    tally: Counter[str] = Counter()
    examples: list[str] = []
    for n, profile in enumerate(generated_profiles(count)):
        distance = (RaceDistance.half, RaceDistance.marathon)[n % 2]
        runner = profile.model_copy(update={"race": profile.race.model_copy(update={"distance": distance})})
        try:
            plan = build_plan(runner, CTX)
        except InfeasibleWeekError:
            tally["infeasible"] += 1
            continue
        for w in plan.weeks:
            if w.phase != Phase.race_specific or w.deload:
                continue
            for s in w.sessions:
                if s.focus != Category.single_leg_power:
                    continue
                tally["race-specific power sessions"] += 1
                if power_element(s):
                    tally["with a power element"] += 1
                    continue
                allowed = impact_allowed(runner)
                tally["no power, impact allowed" if allowed else "no power, impact kept out"] += 1
                if allowed and not said_why(w, s):
                    tally["no power, impact allowed, nothing said"] += 1
                    if len(examples) < 5:
                        lifts = ", ".join(b.exercise_id for b in s.blocks if b.role.value == "primary")
                        examples.append(f"{runner.name} ({distance.value}) week {w.index} {s.date:%a}: {lifts}")
    for key, value in sorted(tally.items()):
        print(f"{key}: {value}")
    for line in examples:
        print("  e.g.", line)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
