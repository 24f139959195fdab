"""The lifts chart: each main lift's best set per week, one small panel a lift, form as markers."""

from __future__ import annotations

import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from runstrong.core.model import TRAINING_CATEGORIES, Category
from runstrong.core.vocab import CATEGORY_NAME
from runstrong.io.chart_parts import (
    CATEGORY_COLOUR,
    FLAG_COLOUR,
    INK,
    MUTED,
    NO_WEEKS,
    UNIT_LABEL,
    ChartGuides,
    deload_handle,
    empty,
    figure,
    grid,
    mark_deloads,
    mark_reviewed,
    render,
    reviewed_handle,
    span,
    week_axis,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from runstrong.core.review_metrics import WeekMetrics


@dataclass(frozen=True)
class LiftSeries:
    """One lift over the weeks: its best set per week (None when not done) and mean form."""

    exercise_id: str
    name: str
    category: Category
    unit: str
    best: list[float | None]
    form: list[float | None]
    sets: int


def lift_series(weeks: Sequence[WeekMetrics], max_lifts: int = 6) -> list[LiftSeries]:
    """The lifts of the reviewed week (those whose form broke down first, then the most
    logged over the weeks), then the weeks before; each week's best in the lift's usual unit
    (a week in another unit, e.g. done without load, is left as a gap)."""
    by_lift: dict[str, dict[int, Any]] = defaultdict(dict)
    for i, w in enumerate(weeks):
        for lift in w.lifts:
            by_lift[lift.exercise_id][i] = lift
    last = len(weeks) - 1

    def rank(item: tuple[str, dict[int, Any]]) -> tuple[bool, bool, int, str]:
        ex_id, per_week = item
        now = per_week.get(last)
        return now is None, not (now and now.broken_form_sets), -sum(x.sets for x in per_week.values()), ex_id

    ranked = sorted(by_lift.items(), key=rank)[:max_lifts]
    out = []
    for ex_id, per_week in ranked:
        unit = Counter(x.unit for x in per_week.values()).most_common(1)[0][0]
        first = next(iter(per_week.values()))
        rows = [per_week.get(i) for i in range(len(weeks))]
        out.append(
            LiftSeries(
                exercise_id=ex_id,
                name=first.name,
                category=first.category,
                unit=unit,
                best=[x.best if x is not None and x.unit == unit else None for x in rows],
                form=[x.mean_form if x is not None else None for x in rows],
                sets=sum(x.sets for x in per_week.values()),
            )
        )
    order = {c: k for k, c in enumerate(TRAINING_CATEGORIES)}
    return sorted(out, key=lambda s: (order.get(s.category, 9), -s.sets, s.exercise_id))


def lifts_chart(
    weeks: Sequence[WeekMetrics], fmt: str = "png", guides: ChartGuides | None = None, max_lifts: int = 6
) -> bytes:
    """Progress of the most-logged lifts, one small panel each: estimated 1RM (Epley, reps in
    reserve counted as done) for loaded lifts, else the best set's reps, seconds or contacts; markers show form."""
    return render(lambda: lifts_figure(weeks, max_lifts), [fmt])[0]


def _short_name(name: str, limit: int = 32) -> str:
    name = name.split(" (")[0]
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def lifts_figure(weeks: Sequence[WeekMetrics], max_lifts: int) -> Figure:
    title = "Progress of the main lifts"
    if not weeks:
        return empty(title, NO_WEEKS)
    series = lift_series(weeks, max_lifts)
    if not series:
        return empty(title, "No lifts logged in these weeks.\nLog strength sessions set by set to see progress.")
    from matplotlib.lines import Line2D
    from matplotlib.ticker import MaxNLocator

    count = len(series)
    cols = 1 if count == 1 else 2 if count in (2, 4) else 3
    rows = math.ceil(count / cols)
    fig, axes = figure(nrows=rows, ncols=cols, sharex=True, squeeze=False)
    fig.suptitle(title, x=0.01, ha="left", fontsize=13, fontweight="bold", color=INK)
    flat = [ax for row in axes for ax in row]
    for ax, s in zip(flat, series, strict=False):
        _lift_panel(ax, s, weeks)
        ax.yaxis.set_major_locator(MaxNLocator(nbins=4, integer=s.unit != "kg e1RM"))
        week_axis(ax, weeks, max_labels=max(3, 12 // cols))
        ax.tick_params(axis="x", labelsize=7.5)
    for ax in flat[count:]:
        ax.axis("off")
    present = [c for c in TRAINING_CATEGORIES if any(s.category == c for s in series)]
    handles = [Line2D([], [], color=CATEGORY_COLOUR[c], lw=2, label=CATEGORY_NAME[c]) for c in present]
    handles += [
        Line2D([], [], ls="none", label="form 4–5", **_form_marker(5, MUTED)),
        Line2D([], [], ls="none", label="form 3–4", **_form_marker(3.5, MUTED)),
        Line2D([], [], ls="none", label="form below 3", **_form_marker(2, MUTED)),
        reviewed_handle(),
    ]
    if any(w.deload for w in weeks):
        handles.append(deload_handle())
    legend = fig.legend(
        handles=handles,
        loc="outside lower left",
        ncols=math.ceil(len(handles) / 2),
        title="Best set of each week: estimated 1RM = load × (1 + (reps + reps in reserve) ÷ 30) (Epley) for loaded "
        f"lifts, else reps, seconds or contacts.\n{span(weeks)}",
        title_fontsize=8,
        alignment="left",
    )
    legend.get_title().set_color(MUTED)
    return fig


def _lift_panel(ax: Axes, s: LiftSeries, weeks: Sequence[WeekMetrics]) -> None:
    n = len(weeks)
    colour = CATEGORY_COLOUR.get(s.category, INK)
    done = [i for i in range(n) if s.best[i] is not None]
    values = [float(s.best[i] or 0) for i in done]
    for a, b in itertools.pairwise(done):  # solid between consecutive weeks, dotted over a gap
        ax.plot([a, b], [s.best[a], s.best[b]], color=colour, lw=1.6 if b == a + 1 else 0.9,
                ls="-" if b == a + 1 else ":", zorder=2)  # fmt: skip
    for i in done:
        ax.plot([i], [s.best[i]], ls="none", zorder=3, **_form_marker(s.form[i], colour))
    if values:
        lo, hi = min(values), max(values)
        pad = max((hi - lo) * 0.3, abs(hi) * 0.08, 1.0)
        ax.set_ylim(max(0.0, lo - pad), hi + pad)
        last = s.best[n - 1]
        if last is not None:
            ax.annotate(f"{last:g}", (n - 1, last), xytext=(0, 6), textcoords="offset points", ha="center",
                        va="bottom", fontsize=7.5, fontweight="bold", color=INK)  # fmt: skip
    ax.set_title(_short_name(s.name), loc="left", color=INK, fontsize=9.5)
    ax.set_ylabel(UNIT_LABEL.get(s.unit, s.unit), fontsize=8)
    ax.tick_params(axis="y", labelsize=8)
    grid(ax)
    mark_deloads(ax, weeks)
    mark_reviewed(ax, n)


def _form_marker(quality: float | None, colour: str) -> dict[str, Any]:
    """Good form: a filled dot; middling: a hollow dot; broken down: a vermillion cross."""
    if quality is None or quality >= 4:
        return {"marker": "o", "ms": 5.5, "color": colour, "mfc": colour, "mec": "white", "mew": 0.8}
    if quality >= 3:
        return {"marker": "o", "ms": 5.5, "color": colour, "mfc": "white", "mec": colour, "mew": 1.5}
    return {"marker": "X", "ms": 8, "color": FLAG_COLOUR, "mfc": FLAG_COLOUR, "mec": "white", "mew": 0.6}
