"""Charts behind the weekly review: load, wellness, volume and lift progress, as PNG or SVG.

Each chart takes the weeks of `history_metrics` (oldest first; the last one is the reviewed
week, shaded on every chart and named in bold under its bar) and returns the image bytes.
The palette, canvas and week axis they share live in `chart_parts`; the lifts chart in
`lift_chart`. Output is deterministic: the same weeks give the same bytes (no dates or
versions inside). matplotlib is imported only when a chart is drawn.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from runstrong.core.model import TRAINING_CATEGORIES
from runstrong.core.vocab import CATEGORY_NAME
from runstrong.io.chart_parts import (
    BAND,
    CATEGORY_COLOUR,
    FLAG_COLOUR,
    INK,
    MAX_BAR_NOTES,
    MUTED,
    NO_WEEKS,
    RUN_COLOUR,
    SLEEP_COLOUR,
    STRENGTH_COLOUR,
    ChartGuides,
    deload_handle,
    empty,
    figure,
    grid,
    legend_above,
    mark_deloads,
    mark_reviewed,
    note,
    pct,
    render,
    reviewed_handle,
    span,
    titles,
    week_axis,
)
from runstrong.io.files import write_atomically
from runstrong.io.lift_chart import LiftSeries, lift_series, lifts_chart, lifts_figure

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from runstrong.core.review_metrics import WeekMetrics, WellnessItem

__all__ = [
    "CATEGORY_COLOUR",
    "ChartGuides",
    "LiftSeries",
    "lift_series",
    "lifts_chart",
    "load_chart",
    "volume_chart",
    "wellness_chart",
    "write_charts",
]

# ------------------------------------------------------------------------------- load


def load_chart(weeks: Sequence[WeekMetrics], fmt: str = "png", guides: ChartGuides | None = None) -> bytes:
    """Weekly session-RPE load (RPE x minutes, AU), strength and runs stacked, with the
    change from the week before above each bar and monotony in a small panel below."""
    return render(lambda: _load_figure(weeks, guides or ChartGuides()), [fmt])[0]


def _load_figure(weeks: Sequence[WeekMetrics], guides: ChartGuides) -> Figure:
    title = "Weekly training load: runs and strength"
    if not weeks:
        return empty(title, NO_WEEKS)
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    n = len(weeks)
    fig, (ax, mono) = figure(nrows=2, sharex=True, height_ratios=(3.3, 1))
    titles(fig, title, "Load = session RPE × minutes (Foster 2001), in arbitrary units (AU); monotony = mean "
                        f"daily load ÷ its SD (Foster 1998).\n{span(weeks)}")  # fmt: skip
    xs = list(range(n))
    strength = [w.strength_load for w in weeks]
    runs = [w.run_load for w in weeks]
    hatch = ["///" if w.deload else "" for w in weeks]
    ax.bar(xs, strength, width=0.7, color=STRENGTH_COLOUR, hatch=hatch, edgecolor="white", lw=0.5, zorder=2)
    ax.bar(xs, runs, width=0.7, bottom=strength, color=RUN_COLOUR, edgecolor="white", lw=0.5, zorder=2)
    top = max((w.load for w in weeks), default=0.0) or 1.0
    for i, w in enumerate(weeks):
        last = i == n - 1
        if w.load_change_pct is not None and w.load > 0 and (last or n <= MAX_BAR_NOTES):
            ax.text(i, w.load + top * 0.015, pct(w.load_change_pct), ha="center", va="bottom", zorder=3,
                    fontsize=8 if last else 7.5, color=INK if last else MUTED,
                    fontweight="bold" if last else "normal")  # fmt: skip
    ax.set_ylim(0, top * 1.12)
    ax.set_ylabel("load (AU)")
    if not any(w.load for w in weeks):
        note(ax, "No strength sessions or runs with a duration logged in these weeks.")
    grid(ax)
    mark_reviewed(ax, n)
    handles = [Patch(facecolor=RUN_COLOUR, label="runs"), Patch(facecolor=STRENGTH_COLOUR, label="strength")]
    if any(w.deload for w in weeks):
        handles.append(Patch(facecolor=STRENGTH_COLOUR, edgecolor="white", hatch="///", label="strength deload"))
    handles += [
        reviewed_handle(),
        Line2D([], [], ls="none", marker="$\\pm$", color=MUTED, label="% change on the week before"),
    ]
    legend_above(ax, handles)

    values = [w.monotony if w.monotony is not None else math.nan for w in weeks]
    mono.plot(xs, values, color=INK, lw=1.2, marker="o", ms=3.5, zorder=3)
    flag = guides.monotony_flag
    if flag is not None:
        mono.axhline(flag, color=FLAG_COLOUR, lw=1, ls="--", zorder=2)
        mono.text(-0.5, flag, f"flag above {flag:g}", color=FLAG_COLOUR, fontsize=7.5, va="bottom", ha="left")
        high = [i for i, v in enumerate(values) if not math.isnan(v) and v > flag]
        mono.plot(high, [values[i] for i in high], ls="none", marker="o", ms=6, color=FLAG_COLOUR, zorder=4)
    known = [v for v in values if not math.isnan(v)]
    mono.set_ylim(0, max([*known, (flag or 0) * 1.2, 1.0]) * 1.2)
    mono.set_ylabel("monotony", fontsize=8.5)
    grid(mono)
    mark_reviewed(mono, n)
    week_axis(mono, weeks)
    return fig


# --------------------------------------------------------------------------- wellness


def _composite(w: WeekMetrics) -> WellnessItem | None:
    return next((x for x in w.wellness if x.item == "composite"), None)


def wellness_chart(weeks: Sequence[WeekMetrics], fmt: str = "png", guides: ChartGuides | None = None) -> bytes:
    """Mean wellness (1-5, higher is better) per week against the runner's own rolling
    baseline (mean ± SD of the days before), weeks below it marked; sleep hours below."""
    return render(lambda: _wellness_figure(weeks, guides or ChartGuides()), [fmt])[0]


def _wellness_figure(weeks: Sequence[WeekMetrics], guides: ChartGuides) -> Figure:
    title = "Wellness against your own baseline"
    if not weeks:
        return empty(title, NO_WEEKS)
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    n = len(weeks)
    fig, (ax, sleep) = figure(nrows=2, sharex=True, height_ratios=(3, 1.3))
    titles(fig, title, "Wellness = mean of the daily check-in's 1–5 answers (sleep quality, mood, appetite, "
                        f"soreness, stress, energy).\n{span(weeks)}")  # fmt: skip
    items = [_composite(w) for w in weeks]
    xs = list(range(n))

    def series(get: Callable[[WellnessItem], float | None]) -> list[float]:
        out = []
        for c in items:
            v = get(c) if c is not None else None
            out.append(math.nan if v is None else v)
        return out

    mean = series(lambda c: c.week_mean)
    base = series(lambda c: c.baseline_mean)
    sd = series(lambda c: c.baseline_sd)
    ax.fill_between(xs, [b - s for b, s in zip(base, sd, strict=True)], [b + s for b, s in zip(base, sd, strict=True)],
                    step="mid", color=BAND, alpha=0.6, lw=0, zorder=1)  # fmt: skip
    ax.step(xs, base, where="mid", color=MUTED, lw=1, ls=":", zorder=2)
    ax.plot(xs, mean, color=INK, lw=1.8, marker="o", ms=5, zorder=3)
    below = [i for i, c in enumerate(items) if c is not None and c.below_baseline]
    ax.plot(below, [mean[i] for i in below], ls="none", marker="v", ms=10, color=FLAG_COLOUR, zorder=4)
    for i in below:
        ax.annotate("below\nbaseline", (i, mean[i]), xytext=(0, -10), textcoords="offset points", ha="center",
                    va="top", fontsize=7.5, color=FLAG_COLOUR, linespacing=0.95)  # fmt: skip
    ax.set_ylim(0.7, 5.3)
    ax.set_yticks([1, 2, 3, 4, 5])
    if all(math.isnan(v) for v in mean):
        note(ax, "No check-ins logged in these weeks: `runstrong wellness` takes ten seconds a day.")
    ax.set_ylabel("wellness (1–5, 5 = best)")
    grid(ax)
    mark_reviewed(ax, n)
    legend_above(
        ax,
        [
            Line2D([], [], color=INK, lw=1.8, marker="o", ms=5, label="week mean"),
            Patch(facecolor=BAND, alpha=0.6, label="your baseline ± SD (4 weeks before)"),
            Line2D([], [], ls="none", marker="v", ms=8, color=FLAG_COLOUR, label="below baseline"),
            reviewed_handle(),
        ],
    )

    low = guides.sleep_hours_min
    hours = [w.sleep_hours if w.sleep_hours is not None else 0.0 for w in weeks]
    short = [low is not None and w.sleep_hours is not None and w.sleep_hours < low for w in weeks]
    sleep.bar(xs, hours, width=0.6, color=[FLAG_COLOUR if s else SLEEP_COLOUR for s in short], zorder=2)
    for i, w in enumerate(weeks):
        if w.sleep_hours is not None:
            sleep.text(i, w.sleep_hours, f"{w.sleep_hours:.1f}", ha="center", va="bottom", fontsize=7,
                       color=FLAG_COLOUR if short[i] else MUTED)  # fmt: skip
    if low is not None:
        sleep.axhline(low, color=INK, lw=0.9, ls="--", zorder=3)
        sleep.legend(
            handles=[
                Line2D([], [], color=INK, lw=0.9, ls="--", label=f"{low:g} h guide"),
                Patch(facecolor=FLAG_COLOUR, label=f"under {low:g} h"),
            ],
            loc="upper left",
            ncols=2,
            fontsize=7.5,
            borderaxespad=0.1,
        )
    sleep.set_ylim(0, max([*hours, low or 0.0, 1.0]) * 1.55)
    sleep.set_ylabel("sleep\n(h/night)", fontsize=8.5)
    grid(sleep)
    mark_reviewed(sleep, n)
    week_axis(sleep, weeks)
    return fig


# ----------------------------------------------------------------------------- volume


def volume_chart(weeks: Sequence[WeekMetrics], fmt: str = "png", guides: ChartGuides | None = None) -> bytes:
    """Sets done per category per week (filled) inside the sets planned (outline), so
    completion shows as how full each outline is."""
    return render(lambda: _volume_figure(weeks), [fmt])[0]


def _volume_figure(weeks: Sequence[WeekMetrics]) -> Figure:
    title = "Sets per category: done against planned"
    if not weeks:
        return empty(title, NO_WEEKS)
    from matplotlib.patches import Patch

    n = len(weeks)
    fig, ax = figure()
    totals = [
        (sum(c.done_sets for c in w.categories if c.category in TRAINING_CATEGORIES),
         sum(c.planned_sets for c in w.categories if c.category in TRAINING_CATEGORIES))
        for w in weeks
    ]  # fmt: skip
    any_planned = any(planned for _, planned in totals)
    share = " % above a week = share of its planned sets done." if any_planned else ""
    titles(fig, title, f"Main and accessory sets (warm-up and mobility not counted).{share}\n{span(weeks)}")
    width = 0.27
    top = 1
    for k, cat in enumerate(TRAINING_CATEGORIES):
        xs = [i + (k - 1) * width for i in range(n)]
        rows = [next((c for c in w.categories if c.category == cat), None) for w in weeks]
        done = [c.done_sets if c else 0 for c in rows]
        planned = [c.planned_sets if c else 0 for c in rows]
        top = max(top, *done, *planned)
        ax.bar(xs, done, width=width * 0.9, color=CATEGORY_COLOUR[cat], lw=0, zorder=2)
        ax.bar(xs, planned, width=width * 0.9, fill=False, edgecolor=INK, lw=0.9, zorder=3)
    for i, (done_all, planned_all) in enumerate(totals):
        last = i == n - 1
        if planned_all and (last or n <= MAX_BAR_NOTES):
            ax.text(i, top * 1.03, f"{round(100 * min(done_all, planned_all) / planned_all)}%", ha="center",
                    va="bottom", fontsize=8 if last else 7.5, color=INK if last else MUTED,
                    fontweight="bold" if last else "normal")  # fmt: skip
    ax.set_ylim(0, top * 1.12)
    ax.set_ylabel("sets per week")
    grid(ax)
    mark_deloads(ax, weeks)
    mark_reviewed(ax, n)
    if not any(done or planned for done, planned in totals):
        note(ax, "No sets logged or planned in these weeks.")
    handles = [Patch(facecolor=CATEGORY_COLOUR[c], label=CATEGORY_NAME[c]) for c in TRAINING_CATEGORIES]
    if any_planned:
        handles.append(Patch(facecolor="none", edgecolor=INK, label="planned"))
    if any(w.deload for w in weeks):
        handles.append(deload_handle())
    handles.append(reviewed_handle())
    legend_above(ax, handles)
    week_axis(ax, weeks)
    return fig


# ------------------------------------------------------------------------------ files

FIGURES: dict[str, Callable[[Sequence[WeekMetrics], ChartGuides], Figure]] = {
    "load": _load_figure,
    "wellness": _wellness_figure,
    "volume": lambda weeks, guides: _volume_figure(weeks),
    "lifts": lambda weeks, guides: lifts_figure(weeks, 6),
}


def write_charts(
    weeks: Sequence[WeekMetrics], folder: Path, *, svg: bool = False, guides: ChartGuides | None = None
) -> list[Path]:
    """Write chart-load, chart-wellness, chart-volume and chart-lifts as PNG (and SVG with
    `svg`) into `folder`, each file atomically. Returns the paths written, in that order."""
    folder.mkdir(parents=True, exist_ok=True)
    formats = ("png", "svg") if svg else ("png",)
    written = []
    for name, draw in FIGURES.items():
        images = render(lambda draw=draw: draw(weeks, guides or ChartGuides()), formats)  # type: ignore[misc]
        for fmt, data in zip(formats, images, strict=True):
            path = folder / f"chart-{name}.{fmt}"
            write_atomically(path, data)
            written.append(path)
    return written
