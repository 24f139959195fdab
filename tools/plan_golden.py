"""A golden check for pure speed work on the planner: every plan must stay byte-identical.

    PYTHONHASHSEED=0 python tools/plan_golden.py dump OUT.jsonl   # before optimising
    PYTHONHASHSEED=0 python tools/plan_golden.py check OUT.jsonl  # after each change

Plans ~300 generated runners (Hypothesis-drawn, derandomized, from tests/core/strategies.py,
with adjustments, swaps, known loads and recent sets on a share of them), 200 bench runners
and the examples, then re-plans some from a later week. Each plan is dumped as canonical
JSON, one line per case. Three passes must agree: one context (cold), the same context again
(warm, the memo answering) and a context whose memo keeps only 2 plans (eviction).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from runstrong.core.context import PlanMemo, PlanningContext  # noqa: E402
from runstrong.core.model import AthleteProfile, Category  # noqa: E402
from runstrong.core.planner import build_plan, replan  # noqa: E402
from runstrong.errors import RunstrongError  # noqa: E402
from runstrong.io.data_files import load_context  # noqa: E402
from runstrong.io.profile_file import load_profile  # noqa: E402

CATEGORIES = list(Category)[:3]


@st.composite
def extras(draw, base: AthleteProfile) -> AthleteProfile:
    """A share of runners gain what a diary gives them: adjustments, swaps, loads."""
    raw = base.model_dump()
    start = base.start_date
    if draw(st.booleans()):
        raw["adjustments"] = [
            {
                "week_start": start + dt.timedelta(days=7 * draw(st.integers(0, 12))),
                "deload": draw(st.booleans()),
                "hold": draw(st.lists(st.sampled_from(CATEGORIES), unique=True)),
                "reduce": draw(st.dictionaries(st.sampled_from(CATEGORIES), st.integers(0, 60))),
                "consistent": draw(st.booleans()),
                "mobility": draw(st.booleans()),
            }
            for _ in range(draw(st.integers(1, 3)))
        ]
    if draw(st.booleans()):
        raw["known_loads_kg"] = {"goblet_squat": draw(st.sampled_from([12.0, 20.0, 32.0]))}
        raw["recent_sets"] = {"romanian_deadlift": f"{draw(st.integers(3, 12))} x 60 kg @ RIR 2"}
    if draw(st.booleans()):
        raw["exercise_swaps"] = [{"from_id": "nordic_curl", "since": start + dt.timedelta(days=21)}]
    try:
        return AthleteProfile.model_validate(raw)
    except ValueError:
        return base


def drawn(count: int) -> list[AthleteProfile]:
    from tests.core.strategies import profiles

    out: list[AthleteProfile] = []

    @settings(max_examples=count, derandomize=True, database=None, deadline=None,
              suppress_health_check=list(HealthCheck))  # fmt: skip
    @given(data=st.data())
    def collect(data):  # type: ignore[no-untyped-def]
        base = data.draw(profiles())
        out.append(data.draw(extras(base)))

    collect()
    return out[:count]


def cases() -> list[AthleteProfile]:
    from generated import generated_profiles

    examples = [load_profile(p) for p in sorted((ROOT / "examples").glob("*.*")) if p.suffix in (".toml", ".yaml")]
    return [*examples, *generated_profiles(200), *drawn(300)]


def canonical(plan_or_error: object) -> str:
    if isinstance(plan_or_error, Exception):
        return json.dumps({"error": type(plan_or_error).__name__, "message": str(plan_or_error)})
    return json.dumps(plan_or_error.model_dump(mode="json"), sort_keys=True)  # type: ignore[attr-defined]


def one(profile: AthleteProfile, ctx: PlanningContext) -> list[str]:
    """The plan, the least-bad plan if it is refused, and a re-plan from week 4 with a shorter cap."""
    out = []
    try:
        plan = build_plan(profile, ctx)
    except RunstrongError as err:
        out.append(canonical(err))
        try:
            plan = build_plan(profile, ctx, least_bad=True)
        except RunstrongError as err2:
            return [*out, canonical(err2)]
    out.append(canonical(plan))
    shorter = profile.model_copy(update={"session_cap_minutes": max(20, profile.session_cap_minutes - 15)})
    try:
        out.append(canonical(replan(plan, shorter, profile.start_date + dt.timedelta(weeks=3), ctx, least_bad=True)))
    except RunstrongError as err:
        out.append(canonical(err))
    return out


def run() -> list[str]:
    profiles = cases()
    base = load_context()
    cold = ["\n".join(one(p, base)) for p in profiles]
    warm = ["\n".join(one(p, base)) for p in profiles]
    small = PlanningContext(base.library, base.registry, base.source, base.ladders, PlanMemo(plans=2))
    evicting = ["\n".join(one(p, small)) for p in profiles]
    for n, (a, b, c) in enumerate(zip(cold, warm, evicting, strict=True)):
        if not (a == b == c):
            sys.exit(f"case {n}: cold, warm and evicting passes differ")
    return cold


def main() -> None:
    mode, path = sys.argv[1], Path(sys.argv[2])
    lines = run()
    if mode == "dump":
        path.write_text("\n".join(lines) + "\n")
        print(f"{len(lines)} cases dumped, sha256 {hashlib.sha256(path.read_bytes()).hexdigest()[:16]}")
        return
    want = path.read_text().split("\n")[:-1]
    got = "\n".join(lines).split("\n")
    bad = [n for n, (a, b) in enumerate(zip(want, got, strict=False)) if a != b]
    if len(want) != len(got) or bad:
        sys.exit(f"DIFFERENT: {len(bad)} lines differ (first {bad[:5]}), {len(want)} vs {len(got)} lines")
    print(f"identical: {len(lines)} cases, {len(got)} plans or refusals")


if __name__ == "__main__":
    main()
