"""A printable booklet of a plan: a cover, a page per week, a card per session to fill in
by hand (the paper diary of methodology rule S39) and an exercise appendix.

Pure: a plan and the exercise library in, one self-contained HTML string out (the CSS is
inlined, so the file prints the same from any folder and needs no internet). The PDF is that
HTML laid out by WeasyPrint, imported only when a PDF is asked for (most of a second to import).

Paper: A4 by default, because one A4 sheet holds a whole session card (up to five logged
exercises with a grid big enough to write in, plus the check-in boxes), so one sheet is
one session on a clipboard. A5 makes a pocket booklet; a card then runs over two pages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

from markupsafe import Markup

from runstrong.core.library import Library
from runstrong.core.model import Block, DatedRun, Exercise, Phase, Plan, Role, RunType, Session, Week
from runstrong.core.power_words import focus_name as session_focus_name
from runstrong.core.rules import Registry
from runstrong.core.vocab import SESSION_LETTER, Category, Units, areas_text
from runstrong.io.data_files import load_library, load_poses, load_registry
from runstrong.io.week_reasons import said_once, unique_reasons

from .labels import (
    CATEGORY_SHORT,
    RACE_NAME,
    block_dose_text,
    dose_text,
    kit_text,
    other_kind,
    plural,
    rest_text,
    session_load,
    week_label,
)

Paper = Literal["a4", "a5"]
PAPERS: dict[str, tuple[int, int]] = {"a4": (210, 297), "a5": (148, 210)}

# One print-safe colour per phase; a band also carries its name or sits in the legend,
# so colour is never the only cue (greyscale printers, colour-blind readers).
PHASE_COLOUR = {
    Phase.foundation: "#3f8f8c",
    Phase.build: "#5a8f3c",
    Phase.race_specific: "#7e57a6",
    Phase.taper: "#c99519",
    Phase.race_week: "#c0392b",
    Phase.maintenance: "#5f7a99",
}
RUN_LABEL = {
    RunType.easy: "easy run",
    RunType.long: "long run",
    RunType.tempo: "tempo",
    RunType.intervals: "intervals",
    RunType.race: "RACE",
    RunType.cross_train: "cross-training",
    RunType.rest: "rest",
}
OPTION_LABEL = {"mobility": "mobility, optional", "cross_train": "swim or bike, optional"}
ROLE_LABEL = {Role.primary: "Main", Role.accessory: "Accessory"}
# the fill-in grid per paper: the row labels' width, then one cell per set, wide enough to write "62.5"
GRID_MM = {"a4": (16.0, 13.0), "a5": (13.0, 10.5)}
# ruled lines for notes on a card: what is left of an A4 page in the longest session; an A5 card's back page
NOTE_LINES = {"a4": 2, "a5": 5}
MEASURE_ROW = {"reps": "reps", "seconds": "secs", "contacts": "contacts", "distance_m": "metres"}
_LOGGED = (Role.primary, Role.accessory)  # the blocks a card has a grid for


def render_booklet_html(
    plan: Plan,
    library: Library,
    registry: Registry | None = None,
    *,
    weeks: Iterable[int] | None = None,
    paper: Paper = "a4",
) -> str:
    """The booklet as one HTML document; `weeks` limits the week pages, cards and appendix."""
    context = booklet_context(plan, library, registry or load_registry(), weeks=weeks, paper=paper)
    return _environment().get_template("booklet.html.j2").render(**context)


def render_booklet_pdf(
    plan: Plan,
    library: Library,
    registry: Registry | None = None,
    *,
    weeks: Iterable[int] | None = None,
    paper: Paper = "a4",
) -> bytes:
    """The booklet as PDF bytes (the same bytes for the same plan: no creation date)."""
    return html_to_pdf(render_booklet_html(plan, library, registry, weeks=weeks, paper=paper))


def html_to_pdf(html: str) -> bytes:
    """Lay the booklet's HTML out as a PDF with WeasyPrint (imported here, not at start-up)."""
    import weasyprint

    return weasyprint.HTML(string=html, base_url=None).write_pdf()


# ---------------------------------------------------------------------- view model


def booklet_context(
    plan: Plan,
    library: Library,
    registry: Registry,
    *,
    weeks: Iterable[int] | None = None,
    paper: Paper = "a4",
) -> dict[str, Any]:
    """Everything the templates show, as plain values: the templates only lay it out."""
    if paper not in PAPERS:
        raise ValueError(f"paper must be one of {', '.join(PAPERS)}")
    chosen = set(weeks) if weeks is not None else {w.index for w in plan.weeks}
    shown = [w for w in plan.weeks if w.index in chosen]
    pr, notes = plan.profile, said_once(shown)
    width, height = PAPERS[paper]
    race = None
    if pr.race:
        race_week = next((w.index for w in plan.weeks if w.start_date <= pr.race.date < _week_end(w)), None)
        race = {
            "name": pr.race.name or RACE_NAME[pr.race.distance.value],
            "distance": RACE_NAME[pr.race.distance.value],
            "date": _long_date(pr.race.date),
            "week": race_week,
        }
    sessions_total = sum(len(w.sessions) for w in plan.weeks)
    return {
        "paper": paper,
        "page_width_mm": width,
        "page_height_mm": height,
        "note_lines": NOTE_LINES[paper],
        "grid_label_mm": GRID_MM[paper][0],
        "grid_cell_mm": GRID_MM[paper][1],
        "footer": _css_string(f"{pr.name} · strength plan"),
        "athlete": pr.name,
        "race": race,
        "facts": _facts(plan),
        "plan_dates": f"{_long_date(plan.start_date)} to {_long_date(plan.end_date)}",
        "plan_size": f"{plural(len(plan.weeks), 'week')}, {plural(sessions_total, 'strength session')}",
        "partial": (
            None
            if len(shown) == len(plan.weeks)
            else "This booklet holds " + _week_span([w.index for w in shown]) + " of the plan."
        ),
        "timeline": timeline(plan, chosen),
        "guidance": _guidance(plan, registry),
        "weeks": [_week_view(w, plan, paper, notes) for w in shown],
        "appendix": _appendix(shown, library),
        "warnings": list(plan.warnings),
        "versions": (
            f"runstrong plan schema {plan.schema_version} · rules {plan.registry_version} · "
            f"exercise library {plan.library_version}"
        ),
    }


def _facts(plan: Plan) -> list[str]:
    pr = plan.profile
    facts = [
        f"{pr.strength_experience.value.capitalize()} lifter",
        "kit: " + kit_text(pr.equipment),
        f"sessions up to {pr.session_cap_minutes} min",
    ]
    if pr.preferred_time:
        facts.append(f"usually at {pr.preferred_time:%H:%M}")
    if pr.pain_areas:
        facts.append("pain areas respected: " + areas_text(pr.pain_areas))
    return facts


COVER_PAPERS = 3  # papers named per piece of advice on the cover; `runstrong rules show ID` gives them all


def _guidance(plan: Plan, registry: Registry) -> list[dict[str, Any]]:
    """Each piece of advice with its rule ids and, the first time a rule is cited, its methodology
    rules and first papers: the cover is one page, whatever sources a rule gains."""
    out = []
    cited: set[str] = set()
    for g in plan.guidance:
        ids = list(dict.fromkeys(r.rule_id for r in g.reasons))
        marks, papers = list[str](), list[str]()
        for rid in ids:
            if rid in registry and rid not in cited:
                rule = registry.get(rid)
                marks += [s for s in rule.methodology if s not in marks]
                papers += [s for s in rule.papers if s not in papers]
        cited.update(ids)
        more = len(papers) - COVER_PAPERS
        sources = [*marks, *papers[:COVER_PAPERS], *([f"{more} more"] if more > 0 else [])]
        out.append({"topic": g.topic.capitalize(), "text": g.text, "rule_ids": ids, "sources": sources})
    return out


def _week_view(week: Week, plan: Plan, paper: Paper, notes: dict[int, list]) -> dict[str, Any]:
    race_date = plan.profile.race.date if plan.profile.race else None
    cards = [_card(s, n, week, plan, paper) for n, s in enumerate(week.sessions, start=1)]
    card_by_date = {c["date_iso"]: c for c in cards}
    days = []
    for k in range(7):
        day = week.start_date + dt.timedelta(days=k)
        runs = [
            {"type": r.type.value, "label": _run_label(r, plan), "minutes": r.minutes}
            for r in week.runs
            if r.date == day and r.type != RunType.rest
        ]
        days.append(
            {
                "name": f"{day:%a}",
                "date": f"{day.day} {day:%b}",
                "runs": runs,
                "card": card_by_date.get(day.isoformat()),
                "suggestions": [{"label": OPTION_LABEL[s.kind]} for s in week.suggestions if s.date == day],
                "race_day": day == race_date,
                "weekend": k >= 5,
            }
        )
    return {
        "index": week.index,
        "anchor": f"week-{week.index}",
        "phase": week.phase.value,
        "phase_label": week_label(week),
        "colour": PHASE_COLOUR[week.phase],
        "deload": week.deload,
        "dates": _span(week.start_date, _week_end(week) - dt.timedelta(days=1)),
        "days": days,
        "cards": cards,
        "options": [
            {"day": f"{s.date:%a} {s.date.day} {s.date:%b}", "text": s.text}
            for s in sorted(week.suggestions, key=lambda s: s.date)
        ],
        "run_minutes": sum(r.minutes for r in week.runs if r.type != RunType.rest),
        "reasons": unique_reasons(notes[week.index]),
    }


def _run_label(run: DatedRun, plan: Plan) -> str:
    race = plan.profile.race
    if run.type == RunType.race and race is not None and run.date == race.date:
        return f"RACE: {race.name or RACE_NAME[race.distance.value]}"
    return RUN_LABEL[run.type]


def _card(session: Session, number: int, week: Week, plan: Plan, paper: Paper) -> dict[str, Any]:
    units = plan.profile.units
    load_label = "load (lb)" if units == Units.imperial else "load (kg)"
    letter = SESSION_LETTER.get(session.focus, "")
    logged = [_logged(b, units, load_label, session.focus) for b in session.blocks if b.role in _LOGGED]
    widest = max((len(x["columns"]) for x in logged), default=1)
    return {
        "anchor": f"card-w{week.index}-{number}",
        "letter": letter,
        "focus": session_focus_name(session),
        "date_iso": session.date.isoformat(),
        "date": f"{session.date:%A} {session.date.day} {session.date:%B %Y}",
        "short_date": f"{session.date:%a} {session.date.day} {session.date:%b}",
        "week": week.index,
        "phase_label": week_label(week),
        "colour": PHASE_COLOUR[week.phase],
        "deload": week.deload,
        "load": session_load(session, week),
        "plyometric": session.plyometric,
        "minutes": session.estimated_minutes,
        "warm_up": [_drill(b, units) for b in session.blocks if b.role == Role.warm_up],
        "exercises": logged,
        "grid_mm": GRID_MM[paper][0] + GRID_MM[paper][1] * widest,
        "finisher": [_drill(b, units) for b in session.blocks if b.role == Role.finisher],
        "rule_ids": session.rule_ids,
        "reasons": unique_reasons(session.reasons),
    }


def _drill(block: Block, units: Units) -> dict[str, Any]:
    return {
        "name": block.name,
        "dose": dose_text(block.prescription, units),
        "cue": block.cues[0] if block.cues else "",
    }


def _still(exercise_id: str) -> Markup:
    """The print figure of an exercise (start ghosted, end drawn), or nothing without a pose."""
    from .figures import still_svg

    library, poses = load_library(), load_poses()
    if exercise_id not in library or exercise_id not in poses:
        return Markup("")
    return Markup(still_svg(library.get(exercise_id), poses[exercise_id]))


def _logged(block: Block, units: Units, load_label: str, focus: Category) -> dict[str, Any]:
    p = block.prescription
    measure = next(m for m in ("reps", "seconds", "contacts", "distance_m") if getattr(p, m))
    columns = [str(n) for n in range(1, p.sets + 1)]
    if p.extra_sets_side:
        columns.append(f"+{p.extra_sets_side[0].upper()}")
    return {
        "role": ROLE_LABEL[block.role],
        "name": block.name,
        "exercise_id": block.exercise_id,
        "figure": _still(block.exercise_id),
        "other_category": other_kind(block, focus),
        "dose": block_dose_text(block, units),
        "tempo": p.tempo,
        "rest": rest_text(p.rest_seconds) if p.rest_seconds else None,
        "cues": block.cues,
        "columns": columns,
        "rows": [MEASURE_ROW[measure] + (" / side" if p.per_side else ""), load_label, "RPE"],
    }


def _appendix(weeks: list[Week], library: Library) -> list[dict[str, Any]]:
    used = {b.exercise_id for w in weeks for s in w.sessions for b in s.blocks}
    exercises = sorted((library.get(i) for i in used if i in library), key=lambda e: e.name.casefold())
    return [_exercise_entry(e, library) for e in exercises]


def _exercise_entry(e: Exercise, library: Library) -> dict[str, Any]:
    def names(ids: list[str]) -> list[str]:
        return [library.get(i).name for i in ids if i in library]

    return {
        "anchor": f"ex-{e.id}",
        "id": e.id,
        "figure": _still(e.id),
        "name": e.name,
        "category": CATEGORY_SHORT[e.category],
        "category_key": e.category.value,
        "level": e.level.value,
        "equipment": ", ".join(i.value.replace("_", " ") for i in e.equipment) or "none",
        "description": e.description,
        "cues": e.cues,
        "easier": names(e.regressions),
        "harder": names(e.progressions),
    }


# ------------------------------------------------------------------------ timeline


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    w: float
    h: float
    colour: str
    week: int
    deload: bool
    selected: bool


TIMELINE_W = 720.0
TIMELINE_PAD = 12.0
BAR_TOP = 40.0
BAR_BASE = 112.0


def timeline(plan: Plan, selected: set[int] | None = None) -> dict[str, Any]:
    """Geometry of the cover's timeline: one bar per week, coloured by phase, its height the
    week's strength sets (so deloads, the taper and race week show as dips)."""
    weeks = plan.weeks
    chosen = selected if selected is not None else {w.index for w in weeks}
    col = (TIMELINE_W - 2 * TIMELINE_PAD) / max(len(weeks), 1)
    gap = min(3.0, col * 0.12)
    volumes = [sum(b.prescription.sets for s in w.sessions for b in s.blocks if b.role in _LOGGED) for w in weeks]
    top = max(volumes, default=0) or 1
    span = BAR_BASE - BAR_TOP
    bars = []
    for n, (w, v) in enumerate(zip(weeks, volumes, strict=True)):
        h = max(span * v / top, 4.0)
        x = TIMELINE_PAD + n * col
        bars.append(
            Bar(
                x=round(x + gap / 2, 2),
                y=round(BAR_BASE - h, 2),
                w=round(col - gap, 2),
                h=round(h, 2),
                colour=PHASE_COLOUR[w.phase],
                week=w.index,
                deload=w.deload,
                selected=w.index in chosen,
            )
        )
    phases = _phase_spans(weeks, col, gap)
    race = _race_marker(plan, col)
    selection = None
    if chosen != {w.index for w in weeks}:
        picked = [b for b in bars if b.selected]
        if picked:
            selection = {"x1": picked[0].x, "x2": picked[-1].x + picked[-1].w}
    return {
        "width": TIMELINE_W,
        "height": 150.0,
        "bars": bars,
        "phases": phases,
        "race": race,
        "selection": selection,
        "legend": [{"label": p["label"], "colour": p["colour"]} for p in {p["phase"]: p for p in phases}.values()],
        "has_deload": any(w.deload for w in weeks),
        "label_every": 1 if col >= 16 else 2 if col >= 8 else 4,
        "base": BAR_BASE,
        "start": f"{weeks[0].start_date.day} {weeks[0].start_date:%b %Y}" if weeks else "",
        "end": f"{plan.end_date.day} {plan.end_date:%b %Y}",
    }


def _phase_spans(weeks: list[Week], col: float, gap: float) -> list[dict[str, Any]]:
    """One span per run of weeks in the same phase, labelled when the name fits above it."""
    spans: list[dict[str, Any]] = []
    for n, w in enumerate(weeks):
        x2 = round(TIMELINE_PAD + (n + 1) * col - gap / 2, 2)
        if spans and spans[-1]["phase"] == w.phase:
            spans[-1]["x2"] = x2
            continue
        x1 = round(TIMELINE_PAD + n * col + gap / 2, 2)
        spans.append({"phase": w.phase, "label": week_label(w), "colour": PHASE_COLOUR[w.phase], "x1": x1, "x2": x2})
    for span in spans:
        span["fits"] = span["x2"] - span["x1"] >= len(span["label"]) * 6.2 + 6  # 10.5 px bold text
        span["mid"] = round((span["x1"] + span["x2"]) / 2, 2)
    return spans


def _race_marker(plan: Plan, col: float) -> dict[str, Any] | None:
    """Where race day falls: within its week's bar, at its weekday."""
    race = plan.profile.race
    if race is None or not plan.weeks:
        return None
    offset = (race.date - plan.weeks[0].start_date).days
    if not 0 <= offset < 7 * len(plan.weeks):
        return None
    x = round(TIMELINE_PAD + col * offset / 7 + col / 14, 2)
    return {
        "x": x,
        "label": f"Race day {race.date:%a} {race.date.day} {race.date:%b}",
        "anchor": "end" if x > TIMELINE_W * 0.7 else "start",
    }


# ------------------------------------------------------------------------- helpers


@cache
def _environment():  # type: ignore[no-untyped-def]
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("runstrong", "templates/booklet"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["stylesheet"] = _stylesheet
    return env


def _stylesheet() -> str:
    return resources.files("runstrong").joinpath("templates/booklet/booklet.css").read_text("utf-8")


def _week_end(week: Week) -> dt.date:
    return week.start_date + dt.timedelta(days=7)


def _long_date(day: dt.date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


def _span(first: dt.date, last: dt.date) -> str:
    if first.year != last.year:
        return f"{first.day} {first:%b %Y} – {last.day} {last:%b %Y}"
    if first.month != last.month:
        return f"{first.day} {first:%b} – {last.day} {last:%b %Y}"
    return f"{first.day}–{last.day} {last:%b %Y}"


def _week_span(indexes: list[int]) -> str:
    if not indexes:
        return "no weeks"
    if indexes == list(range(indexes[0], indexes[-1] + 1)):
        return f"week {indexes[0]}" if len(indexes) == 1 else f"weeks {indexes[0]}-{indexes[-1]}"
    return "weeks " + ", ".join(str(i) for i in indexes)


def _css_string(text: str) -> str:
    """A CSS string literal for `content:` (the footer), safe inside a <style> element."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ").replace("<", "\\3C ")
    return f'"{escaped}"'
