"""A weekly review for people: a Rich terminal view and Markdown, from the same values."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from runstrong.core.review import Change, Review
from runstrong.core.review_metrics import CategoryWeek, WeekMetrics
from runstrong.core.set_text import KG_PER_LB, KM_PER_MILE
from runstrong.core.vocab import CATEGORY_NAME, Units

from .sparkline import sparkline

MARK = {
    "progress": "▲",
    "hold": "■",
    "reduce": "▼",
    "deload": "⟲",
    "repeat": "↺",
    "regress": "↓",
    "exclude": "✕",
    "unlock": "+",
    "wait": "…",
    "note": "•",
}
STYLE = {"progress": "green", "hold": "yellow", "reduce": "dark_orange", "deload": "cyan", "regress": "magenta",
         "exclude": "red", "repeat": "yellow"}  # fmt: skip


def _num(value: float | None, unit: str = "", digits: int = 1) -> str:
    if value is None:
        return "–"
    text = f"{value:,.{digits}f}".rstrip("0").rstrip(".") if digits else f"{value:,.0f}"
    return f"{text}{unit}"


def _mass_unit(units: Units) -> tuple[str, float]:
    """The runner's unit of mass and how many kg one is: what "lifted" is counted in."""
    return ("lb", KG_PER_LB) if units == Units.imperial else ("kg", 1.0)


def _distance(km: float, units: Units) -> str:
    return f"{km / KM_PER_MILE:.1f} mi" if units == Units.imperial else f"{round(km, 1):g} km"  # 72.7 km, not 72.71


def headline(m: WeekMetrics, units: Units = Units.metric) -> list[str]:
    """The week in a few lines of numbers, the same in every format, in the runner's units."""
    done = f"{m.done_sessions}/{m.planned_sessions} sessions" + (
        f" ({m.completion_pct:g}%)" if m.completion_pct is not None else ""
    )
    change = f", {m.load_change_pct:+g}% on last week" if m.load_change_pct is not None else ""
    estimated = f"; {m.run_load_estimated_runs} run(s) without RPE estimated" if m.run_load_estimated_runs else ""
    if m.sessions_minutes_from_plan:
        estimated += f"; {m.sessions_minutes_from_plan} session(s) without minutes: the plan's used"
    load = (
        f"Load {_num(m.load, ' AU', 0)} (strength {_num(m.strength_load, '', 0)} + runs {_num(m.run_load, '', 0)})"
        f"{change}{estimated}"
    )
    extra = f"Monotony {_num(m.monotony, '', 2)} · strain {_num(m.strain, '', 0)}"  # acute:chronic: in Guidance
    composite = next(w for w in m.wellness if w.item == "composite")
    wellness = f"Wellness {_num(composite.week_mean, '/5', 2)}"
    if composite.baseline_short:  # not judged (wellness-baseline): no "usual" to hold it against
        days = composite.baseline_days
        wellness += f"; your baseline is too short to judge it ({days} check-in day{'s' if days != 1 else ''})"
    elif composite.baseline_mean is not None:
        wellness += f" against your usual {_num(composite.baseline_mean, '', 2)}"
        if composite.baseline_sd:  # a spread of 0 (the same answer every day) is no "± 0"
            wellness += f" ± {composite.baseline_sd:g}"
    wellness += f" · sleep {_num(m.sleep_hours, ' h')}"
    if m.sore_streak:
        wellness += f" · sore {m.sore_streak} day(s) running"
    runs = f"Runs {m.runs}, {_num(m.run_minutes, ' min', 0)}" + (f", {_distance(m.run_km, units)}" if m.run_km else "")
    return [f"Done: {done}", load, extra, wellness, runs]


def _title(review: Review) -> str:
    m = review.metrics
    end = review.week_start.toordinal() + 6
    import datetime as dt

    last = dt.date.fromordinal(end)
    week = f"week {m.week_index} · " if m.week_index else ""
    phase = f" · {m.phase.replace('_', ' ')}" if m.phase else ""
    deload = " (deload)" if m.deload else ""
    return f"Weekly review · {escape(review.athlete)} · {week}{review.week_start:%d %b}–{last:%d %b %Y}{phase}{deload}"


def category_table(m: WeekMetrics, units: Units = Units.metric) -> Table:
    """Sets and effort by category; columns with nothing logged this week are left out, so
    the table fits an 80-column terminal. Mass lifted is in the runner's unit."""
    t = Table(box=None, pad_edge=False, header_style="bold")
    unit, per = _mass_unit(units)
    columns = [
        ("Category", "left", lambda c: CATEGORY_NAME[c.category], True),
        ("Sets", "right", lambda c: f"{c.done_sets}/{c.planned_sets}", True),
        ("Reps", "right", lambda c: str(c.reps or "–"), any(c.reps for c in m.categories)),
        (
            f"{unit} lifted",
            "right",
            lambda c: _num(c.tonnage_kg / per or None, "", 0),
            any(c.tonnage_kg for c in m.categories),
        ),
        ("Held", "right", lambda c: _num(c.seconds or None, " s", 0), any(c.seconds for c in m.categories)),
        ("Contacts", "right", lambda c: str(c.contacts or "–"), any(c.contacts for c in m.categories)),
        ("RPE (target)", "right", _effort, True),
        ("Form (last wk)", "right", _form, True),
    ]
    shown = [(name, justify, cell) for name, justify, cell, keep in columns if keep]
    for name, justify, _ in shown:
        t.add_column(name, justify=justify, no_wrap=name == "Category")  # type: ignore[arg-type]
    for c in m.categories:
        t.add_row(*(cell(c) for _, _, cell in shown))
    return t


def _effort(c: CategoryWeek) -> str:
    return _num(c.mean_rpe) + (f" ({c.target_rpe:g})" if c.target_rpe is not None else "")


def _form(c: CategoryWeek) -> str:
    return _num(c.mean_form, "", 2) + (f" ({c.previous_form:g})" if c.previous_form is not None else "")


def _cited(text: str, rule_ids: Sequence[str]) -> Text:
    return Text.assemble(text, (f"  [{', '.join(rule_ids)}]", "dim"))


def _with_signals(text: Text, signals: str) -> Text:
    """The decision, and under it the signals behind it (dim)."""
    if signals:
        text.append(f"\n↳ {signals}", style="dim")
    return text


def _hanging(rows: list[tuple[Text, Text]]) -> Table:
    """Rows of a label and a text that wraps under itself, not under the label."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for label, text in rows:
        grid.add_row(label, text)
    return grid


def render_review(
    review: Review,
    changes: Sequence[Change],
    trend: Sequence[WeekMetrics] = (),
    *,
    applied: str | None = None,
    units: Units = Units.metric,
) -> Group:
    """The review as a Rich renderable: numbers, flags, decisions, plan changes."""
    m = review.metrics
    parts: list = [Text(line) for line in headline(m, units)]
    if len(trend) > 1:
        loads = sparkline([w.load for w in trend])
        well = sparkline([next(x.week_mean for x in w.wellness if x.item == "composite") for w in trend], lo=1, hi=5)
        parts.append(Text(f"Last {len(trend)} weeks: load {loads}   wellness {well}", style="dim"))
    parts += [Text(""), category_table(m, units)]
    if review.flags:
        parts.append(Text("\nFlags", style="bold"))
        parts.append(_hanging([(Text("  ⚑"), _cited(f.text, [f.rule_id])) for f in review.flags]))
    parts.append(Text(f"\nDecisions for the week of {review.next_week_start:%a %d %b}", style="bold"))
    parts.append(
        _hanging(
            [
                (
                    Text(f"  {MARK[d.action]} {d.action}", style=STYLE.get(d.action, "")),
                    _with_signals(_cited(d.text, d.rule_ids), d.signal_text),
                )
                for d in review.decisions
            ]
        )
    )
    if review.guidance:
        parts.append(Text("\nGuidance", style="bold"))
        parts.append(_hanging([(Text("  •"), _cited(g.text, [g.rule_id])) for g in review.guidance]))
    parts.append(Text("\nWhat changes in the plan", style="bold"))
    if changes:
        parts.append(_hanging([(Text(f"  {c.date:%a %d %b}"), Text(c.text)) for c in changes[:30]]))
        if len(changes) > 30:
            parts.append(Text(f"  … and {len(changes) - 30} more (--format json lists them all)", style="dim"))
    else:
        parts.append(Text("  Nothing: the plan goes on as it was."))
    if applied:
        parts.append(Text(f"\n{applied}", style="bold green"))
    return Group(Panel(Group(*parts), title=_title(review), title_align="left"))


def review_markdown(review: Review, changes: Sequence[Change], *, applied: str | None = None,
                    units: Units = Units.metric) -> str:  # fmt: skip
    m = review.metrics
    unit, per = _mass_unit(units)
    out = [f"# {_title(review)}", ""]
    out += [f"- {line}" for line in headline(m, units)]
    head = f"| Category | Sets done/planned | Reps | Tonnage ({unit}) | Contacts | RPE (target) | Form (last week) |"
    out += ["", head, "|---|---:|---:|---:|---:|---:|---:|"]
    for c in m.categories:
        out.append(
            f"| {CATEGORY_NAME[c.category]} | {c.done_sets}/{c.planned_sets} | {c.reps} | "
            f"{round(c.tonnage_kg / per, 1):g} | "
            f"{c.contacts} | {_num(c.mean_rpe)} ({_num(c.target_rpe)}) | {_num(c.mean_form, '', 2)} "
            f"({_num(c.previous_form, '', 2)}) |"
        )
    if review.flags:
        out += ["", "## Flags", ""] + [f"- {f.text} `{f.rule_id}`" for f in review.flags]
    out += ["", f"## Decisions for the week of {review.next_week_start:%a %d %b %Y}", ""]
    for d in review.decisions:
        out.append(f"- **{d.action}** {d.text} ({', '.join(f'`{r}`' for r in d.rule_ids)})")
        if d.signals:
            out.append(f"  - signals: {d.signal_text}")
    if review.guidance:
        out += ["", "## Guidance", ""] + [f"- {g.text} `{g.rule_id}`" for g in review.guidance]
    out += ["", "## What changes in the plan", ""]
    out += [f"- {c.date:%a %d %b}: {c.text}" for c in changes] or ["- Nothing: the plan goes on as it was."]
    if applied:
        out += ["", f"_{applied}_"]
    return "\n".join(out) + "\n"
