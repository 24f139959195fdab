"""The plan as Markdown: for notes, coaches, and pasting into a message."""

from __future__ import annotations

import datetime as dt

from runstrong.core.goal_weeks import week_kind
from runstrong.core.model import Plan, Role, Session, Week
from runstrong.core.power_words import focus_name as session_focus_name
from runstrong.core.rules import Registry
from runstrong.core.season import season_openings
from runstrong.core.vocab import areas_text

from .labels import (
    CATEGORY_SHORT,
    PHASE_LABEL,
    RUN_SHORT,
    block_dose_text,
    kit_text,
    race_label,
    rest_text,
    session_load,
    week_label,
)
from .week_reasons import said_once

ROLE = {Role.warm_up: "Warm-up", Role.primary: "Main", Role.accessory: "Accessory", Role.finisher: "Finisher"}
LOAD_MARK = {"heavy": " *heavy*", "light": " *light*", "moderate": ""}
DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def render_markdown(
    plan: Plan, registry: Registry | None = None, *, explain: bool = False, weeks: list[int] | None = None
) -> str:
    """The whole plan; with `weeks`, the overview and only those weeks in detail."""
    out = _header(plan) + _weeks_at_a_glance(plan) + _week_details(plan, explain, weeks)
    out += _guidance_and_warnings(plan)
    if registry is not None:
        out += _rules_cited(plan, registry)
    out.append(
        f"*runstrong plan schema {plan.schema_version}, rules {plan.registry_version}, "
        f"exercise library {plan.library_version}.*"
    )
    out.append("")
    return "\n".join(out)


def _header(plan: Plan) -> list[str]:
    """Title and one line of who the plan is for, so a printed page stands alone."""
    pr = plan.profile
    out: list[str] = [f"# Strength plan for {pr.name}", ""]
    facts = [
        f"{pr.strength_experience.value.capitalize()} lifter",
        "equipment: " + kit_text(pr.equipment),
        f"sessions up to {pr.session_cap_minutes} min",
    ]
    if pr.race:
        facts.insert(0, f"**{race_label(pr.race)}** on {pr.race.date:%a %d %b %Y}")
    if pr.pain_areas:
        facts.append("pain areas respected: " + areas_text(pr.pain_areas))
    out += [
        " · ".join(facts),
        "",
        f"{plan.start_date:%d %b %Y} to {plan.end_date:%d %b %Y}, {len(plan.weeks)} weeks.",
        "",
        *(line for said in season_openings(plan.weeks) for line in (said, "")),  # what it assumed (in-season)
    ]
    return out


def _deload_words(w: Week) -> str:
    """ " (deload)", or what a goal race makes of the week (" (goal race week)", " (recovery week)")."""
    kind = week_kind(w.reasons)
    return f" ({kind})" if kind else (" (deload)" if w.deload else "")


def _weeks_at_a_glance(plan: Plan) -> list[str]:
    """One table row per week so runs and lifts can be seen together."""
    out = ["## Weeks at a glance", "", "| wk | phase | " + " | ".join(DAYS) + " |", "|---|---|" + "---|" * 7]
    for w in plan.weeks:
        cells = []
        for k in range(7):
            day = w.start_date + dt.timedelta(days=k)
            bits = [RUN_SHORT[r.type] + (f" {r.minutes}'" if r.minutes else "") for r in w.runs if r.date == day]
            bits += [
                f"**{CATEGORY_SHORT[s.focus]} {s.estimated_minutes}'**" + LOAD_MARK[session_load(s, w)]
                for s in w.sessions
                if s.date == day
            ]
            cells.append("<br>".join(bits) or "·")
        phase = week_label(w) + _deload_words(w)
        out.append(f"| {w.index} | {phase} | " + " | ".join(cells) + " |")
    out.append("")
    out.append(
        "Bold cells are strength sessions (focus and estimated minutes; *heavy* or *light* when not moderate); "
        "the rest are your runs with their minutes."
    )
    out.append("")
    return out


def _week_details(plan: Plan, explain: bool, weeks: list[int] | None) -> list[str]:
    """Each chosen week in full: its reasons, sessions and rest-day options."""
    out: list[str] = []
    notes = said_once([w for w in plan.weeks if not weeks or w.index in weeks])
    for w in plan.weeks:
        if weeks and w.index not in weeks:
            continue
        title = f"## Week {w.index}: {PHASE_LABEL[w.phase]}{_deload_words(w)}, from {w.start_date:%d %b}"
        out += [title, ""]
        out += [f"- {r.text} `{r.rule_id}`" for r in notes[w.index]]
        out.append("")
        for s in w.sessions:
            out += _session(s, w, plan, explain)
        for sug in w.suggestions:
            out.append(f"- *{sug.date:%a}:* {sug.text} `rest-day-options`")
        if w.suggestions:
            out.append("")
    return out


def _guidance_and_warnings(plan: Plan) -> list[str]:
    """Recovery habits always, warnings only when there are some."""
    out = ["## Recovery and habits", ""]
    for g in plan.guidance:
        ids = ", ".join(f"`{i}`" for i in sorted({r.rule_id for r in g.reasons}))
        out.append(f"- **{g.topic.capitalize()}:** {g.text} {ids}")
    out.append("")
    if plan.warnings:
        out += ["## Warnings", ""] + [f"- {w}" for w in plan.warnings] + [""]
    return out


def _rules_cited(plan: Plan, registry: Registry) -> list[str]:
    """Every rule id the plan cites, with its statement and source, so the reader can check it."""
    cited = sorted(
        {r.rule_id for w in plan.weeks for s in w.sessions for r in s.reasons}
        | {r.rule_id for w in plan.weeks for r in w.reasons}
        | {r.rule_id for w in plan.weeks for s in w.sessions for b in s.blocks for r in b.reasons}
    )
    out = ["## Rules cited", ""]
    for rid in cited:
        rule = registry.get(rid)
        src = ", ".join([*rule.methodology, *rule.papers[:1]])
        out.append(f"- `{rid}`: {rule.statement} ({src})")
    out.append("")
    return out


def _session(s: Session, week: Week, plan: Plan, explain: bool) -> list[str]:
    units = plan.profile.units
    kind = session_load(s, week)
    lines = [
        f"### {s.date:%a %d %b}: {session_focus_name(s)} focus "
        f"({kind}{', plyometric' if s.plyometric else ''}, ~{s.estimated_minutes} min)",
        "",
        "| part | exercise | dose | tempo | rest | cue |",
        "|---|---|---|---|---|---|",
    ]
    previous = None
    for b in s.blocks:
        part = ROLE[b.role] if b.role != previous else ""
        previous = b.role
        lines.append(
            f"| {part} | {_cell(b.name)} | {_cell(block_dose_text(b, units))} | {b.prescription.tempo or '-'} "
            f"| {rest_text(b.prescription.rest_seconds)} | {_cell(b.cues[0] if b.cues else '')} |"
        )
    lines.append("")
    if explain:
        lines.append("Why:")
        seen = set()
        for r in s.reasons:
            if (r.rule_id, r.text) not in seen:
                seen.add((r.rule_id, r.text))
                lines.append(f"- {r.text} `{r.rule_id}`")
        for b in s.blocks:
            texts = [f"{r.text} `{r.rule_id}`" for r in b.reasons if (r.rule_id, r.text) not in seen]
            if texts:
                lines.append(f"- *{b.name}:* " + " ".join(texts))
        lines.append("")
    else:
        lines += ["Rules: " + ", ".join(f"`{i}`" for i in s.rule_ids), ""]
    return lines
