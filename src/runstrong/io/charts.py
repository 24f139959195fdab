"""Charts behind the weekly review: load, wellness, volume and lift progress, as PNG or SVG.

Each chart takes the weeks of `history_metrics` (oldest first; the last one is the reviewed
week, shaded on every chart and named in bold under its bar) and returns the image bytes.
Colours are the Okabe-Ito palette, safe for the common colour-vision deficiencies, and a
category has the same colour on every chart; shapes and hatching repeat what colour says.
Output is deterministic: the same weeks give the same bytes (no dates or versions inside).

matplotlib is imported only when a chart is drawn, onto the Agg canvas, never via pyplot.
"""

from __future__ import annotations

import itertools
import math
import os
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any

from runstrong.core.model import TRAINING_CATEGORIES, Category
from runstrong.core.vocab import CATEGORY_NAME
from runstrong.io.files import write_atomically

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from runstrong.core.review_metrics import WeekMetrics, WellnessItem
    from runstrong.core.rules import Registry

# Okabe & Ito (2008), "Color Universal Design"; defined once for every chart
CATEGORY_COLOUR = {
    Category.posterior_chain: "#0072B2",  # blue
    Category.core: "#E69F00",  # orange
    Category.single_leg_power: "#009E73",  # bluish green
}
RUN_COLOUR = "#56B4E9"  # sky blue
STRENGTH_COLOUR = "#CC79A7"  # reddish purple
FLAG_COLOUR = "#D55E00"  # vermillion: something the review flags
REVIEWED_SHADE = "#F0E442"  # yellow band behind the reviewed week
REVIEWED_ALPHA = 0.3
SLEEP_COLOUR = "#A9A9A9"
INK = "#222222"
MUTED = "#6B6B6B"
BAND = "#CFCFCF"

WIDTH_IN, HEIGHT_IN, DPI = 9.0, 5.0, 100  # 900 x 500 px
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
UNIT_LABEL = {
    "kg e1RM": "estimated 1RM (kg)",
    "reps": "best set (reps)",
    "s": "best hold (s)",
    "contacts": "best set (contacts)",
    "m": "best carry (m)",
}
RC = {
    "font.family": "DejaVu Sans",  # ships with matplotlib: the same glyphs everywhere
    "font.size": 10,
    "axes.titlesize": 10,
    "axes.labelsize": 9.5,
    "axes.edgecolor": "#8A8A8A",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "xtick.labelsize": 8.5,
    "ytick.labelsize": 8.5,
    "legend.fontsize": 8.5,
    "legend.frameon": False,
    "legend.handlelength": 1.6,
    "legend.columnspacing": 1.4,
    "svg.hashsalt": "runstrong",
    "svg.fonttype": "none",  # text stays text: searchable, accessible, small
}
MAX_BAR_NOTES = 20  # beyond this many weeks only the reviewed week's bar is annotated
NO_WEEKS = "No weeks to chart yet.\nLog sessions, runs or check-ins, then chart again."


@dataclass(frozen=True)
class ChartGuides:
    """Reference lines drawn from the rule registry (None: not drawn)."""

    monotony_flag: float | None = None
    sleep_hours_min: float | None = None

    @classmethod
    def from_registry(cls, registry: Registry) -> ChartGuides:
        from runstrong.core.review_metrics import review_params

        rp = review_params(registry)
        return cls(monotony_flag=rp.monotony_flag, sleep_hours_min=rp.sleep_hours_min)


# ------------------------------------------------------------------ matplotlib, lazily


def _matplotlib() -> Any:
    """matplotlib with a private, writable config folder (so no user style leaks in)."""
    if not os.environ.get("MPLCONFIGDIR"):
        uid = os.getuid() if hasattr(os, "getuid") else 0
        folder = Path(tempfile.gettempdir()) / f"runstrong-matplotlib-{uid}"
        folder.mkdir(exist_ok=True)
        os.environ["MPLCONFIGDIR"] = str(folder)
    import matplotlib

    return matplotlib


def _figure(**grid: Any) -> tuple[Figure, Any]:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI, layout="constrained")
    FigureCanvasAgg(fig)
    return fig, fig.subplots(**grid)


def _render(draw: Callable[[], Figure], formats: Sequence[str]) -> list[bytes]:
    """Draw the figure once and save it in each format."""
    for fmt in formats:
        if fmt not in ("png", "svg"):
            raise ValueError(f"fmt: {fmt!r}; charts are png or svg")
    with _matplotlib().rc_context(RC):
        fig = draw()
        return [_save(fig, fmt) for fmt in formats]


def _save(fig: Figure, fmt: str) -> bytes:
    buf = BytesIO()
    metadata = {"Software": None} if fmt == "png" else {"Date": None, "Creator": None}
    fig.savefig(buf, format=fmt, dpi=DPI, metadata=metadata)
    return buf.getvalue()


# ------------------------------------------------------------------------ shared parts


def week_label(w: WeekMetrics) -> str:
    """'12 Jan', with 'wk 2' under it when the plan numbers the week."""
    label = f"{w.week_start.day} {MONTHS[w.week_start.month - 1]}"
    return f"{label}\nwk {w.week_index}" if w.week_index is not None else label


def _week_axis(ax: Axes, weeks: Sequence[WeekMetrics], max_labels: int = 16) -> None:
    """Week labels under the bars, thinned to fit, always naming the reviewed week in bold."""
    n = len(weeks)
    step = max(1, math.ceil(n / max_labels))
    shown = [i for i in range(n) if (n - 1 - i) % step == 0]
    ax.set_xticks(shown, [week_label(weeks[i]) for i in shown])
    ax.set_xlim(-0.6, n - 0.4)
    ax.tick_params(axis="x", length=0)
    ticks = ax.get_xticklabels()
    if ticks:
        ticks[-1].set_fontweight("bold")


def _mark_reviewed(ax: Axes, n: int) -> None:
    ax.axvspan(n - 1.5, n - 0.5, color=REVIEWED_SHADE, alpha=REVIEWED_ALPHA, lw=0, zorder=0)


def _mark_deloads(ax: Axes, weeks: Sequence[WeekMetrics]) -> None:
    for i, w in enumerate(weeks):
        if w.deload:
            ax.axvspan(i - 0.5, i + 0.5, facecolor="none", edgecolor="#DDDDDD", hatch="///", lw=0, zorder=0)


def _deload_handle() -> Any:
    from matplotlib.patches import Patch

    return Patch(facecolor="white", edgecolor="#BBBBBB", hatch="///", label="deload week")


def _reviewed_handle() -> Any:
    from matplotlib.patches import Patch

    return Patch(facecolor=REVIEWED_SHADE, alpha=REVIEWED_ALPHA + 0.15, label="reviewed week")


def _legend_above(ax: Axes, handles: list[Any]) -> None:
    ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0, 1.0), ncols=len(handles), borderaxespad=0.3)


def _grid(ax: Axes) -> None:
    ax.grid(axis="y", color="#E6E6E6", lw=0.8)
    ax.set_axisbelow(True)


def _titles(fig: Figure, title: str, caption: str) -> None:
    """A bold title at the top left, and a caption (what is measured, which weeks) below."""
    fig.suptitle(title, x=0.01, ha="left", fontsize=13, fontweight="bold", color=INK)
    fig.supxlabel(caption, x=0.01, ha="left", fontsize=8, color=MUTED)


def _span(weeks: Sequence[WeekMetrics]) -> str:
    first, last = weeks[0].week_start, weeks[-1].week_start
    return (
        f"{len(weeks)} week{'s' if len(weeks) != 1 else ''} from {first.day} {MONTHS[first.month - 1]} {first.year}; "
        f"reviewed week {last.day} {MONTHS[last.month - 1]} {last.year}."
    )


def _pct(change: float) -> str:
    """'+12%', '-8%', and '±0%' rather than '-0%'."""
    whole = round(change)
    return "±0%" if whole == 0 else f"{whole:+d}%"


def _note(ax: Axes, message: str) -> None:
    ax.text(0.5, 0.5, message, transform=ax.transAxes, ha="center", va="center", fontsize=10, color=MUTED)


def _empty(title: str, message: str) -> Figure:
    fig, ax = _figure()
    fig.suptitle(title, x=0.01, ha="left", fontsize=13, fontweight="bold", color=INK)
    ax.axis("off")
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=12, color=MUTED)
    return fig


# ------------------------------------------------------------------------------- load


def load_chart(weeks: Sequence[WeekMetrics], fmt: str = "png", guides: ChartGuides | None = None) -> bytes:
    """Weekly session-RPE load (RPE x minutes, AU), strength and runs stacked, with the
    change from the week before above each bar and monotony in a small panel below."""
    return _render(lambda: _load_figure(weeks, guides or ChartGuides()), [fmt])[0]


def _load_figure(weeks: Sequence[WeekMetrics], guides: ChartGuides) -> Figure:
    title = "Weekly training load: runs and strength"
    if not weeks:
        return _empty(title, NO_WEEKS)
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    n = len(weeks)
    fig, (ax, mono) = _figure(nrows=2, sharex=True, height_ratios=(3.3, 1))
    _titles(fig, title, "Load = session RPE × minutes (Foster 2001), in arbitrary units (AU); monotony = mean "
                        f"daily load ÷ its SD (Foster 1998).\n{_span(weeks)}")  # fmt: skip
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
            ax.text(i, w.load + top * 0.015, _pct(w.load_change_pct), ha="center", va="bottom", zorder=3,
                    fontsize=8 if last else 7.5, color=INK if last else MUTED,
                    fontweight="bold" if last else "normal")  # fmt: skip
    ax.set_ylim(0, top * 1.12)
    ax.set_ylabel("load (AU)")
    if not any(w.load for w in weeks):
        _note(ax, "No strength sessions or runs with a duration logged in these weeks.")
    _grid(ax)
    _mark_reviewed(ax, n)
    handles = [Patch(facecolor=RUN_COLOUR, label="runs"), Patch(facecolor=STRENGTH_COLOUR, label="strength")]
    if any(w.deload for w in weeks):
        handles.append(Patch(facecolor=STRENGTH_COLOUR, edgecolor="white", hatch="///", label="strength deload"))
    handles += [
        _reviewed_handle(),
        Line2D([], [], ls="none", marker="$\\pm$", color=MUTED, label="% change on the week before"),
    ]
    _legend_above(ax, handles)

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
    _grid(mono)
    _mark_reviewed(mono, n)
    _week_axis(mono, weeks)
    return fig


# --------------------------------------------------------------------------- wellness


def _composite(w: WeekMetrics) -> WellnessItem | None:
    return next((x for x in w.wellness if x.item == "composite"), None)


def wellness_chart(weeks: Sequence[WeekMetrics], fmt: str = "png", guides: ChartGuides | None = None) -> bytes:
    """Mean wellness (1-5, higher is better) per week against the runner's own rolling
    baseline (mean ± SD of the days before), weeks below it marked; sleep hours below."""
    return _render(lambda: _wellness_figure(weeks, guides or ChartGuides()), [fmt])[0]


def _wellness_figure(weeks: Sequence[WeekMetrics], guides: ChartGuides) -> Figure:
    title = "Wellness against your own baseline"
    if not weeks:
        return _empty(title, NO_WEEKS)
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    n = len(weeks)
    fig, (ax, sleep) = _figure(nrows=2, sharex=True, height_ratios=(3, 1.3))
    _titles(fig, title, "Wellness = mean of the daily check-in's 1–5 answers (sleep quality, mood, appetite, "
                        f"soreness, stress, energy).\n{_span(weeks)}")  # fmt: skip
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
        _note(ax, "No check-ins logged in these weeks: `runstrong wellness` takes ten seconds a day.")
    ax.set_ylabel("wellness (1–5, 5 = best)")
    _grid(ax)
    _mark_reviewed(ax, n)
    _legend_above(
        ax,
        [
            Line2D([], [], color=INK, lw=1.8, marker="o", ms=5, label="week mean"),
            Patch(facecolor=BAND, alpha=0.6, label="your baseline ± SD (4 weeks before)"),
            Line2D([], [], ls="none", marker="v", ms=8, color=FLAG_COLOUR, label="below baseline"),
            _reviewed_handle(),
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
    _grid(sleep)
    _mark_reviewed(sleep, n)
    _week_axis(sleep, weeks)
    return fig


# ----------------------------------------------------------------------------- volume


def volume_chart(weeks: Sequence[WeekMetrics], fmt: str = "png", guides: ChartGuides | None = None) -> bytes:
    """Sets done per category per week (filled) inside the sets planned (outline), so
    completion shows as how full each outline is."""
    return _render(lambda: _volume_figure(weeks), [fmt])[0]


def _volume_figure(weeks: Sequence[WeekMetrics]) -> Figure:
    title = "Sets per category: done against planned"
    if not weeks:
        return _empty(title, NO_WEEKS)
    from matplotlib.patches import Patch

    n = len(weeks)
    fig, ax = _figure()
    totals = [
        (sum(c.done_sets for c in w.categories if c.category in TRAINING_CATEGORIES),
         sum(c.planned_sets for c in w.categories if c.category in TRAINING_CATEGORIES))
        for w in weeks
    ]  # fmt: skip
    any_planned = any(planned for _, planned in totals)
    share = " % above a week = share of its planned sets done." if any_planned else ""
    _titles(fig, title, f"Main and accessory sets (warm-up and mobility not counted).{share}\n{_span(weeks)}")
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
    _grid(ax)
    _mark_deloads(ax, weeks)
    _mark_reviewed(ax, n)
    if not any(done or planned for done, planned in totals):
        _note(ax, "No sets logged or planned in these weeks.")
    handles = [Patch(facecolor=CATEGORY_COLOUR[c], label=CATEGORY_NAME[c]) for c in TRAINING_CATEGORIES]
    if any_planned:
        handles.append(Patch(facecolor="none", edgecolor=INK, label="planned"))
    if any(w.deload for w in weeks):
        handles.append(_deload_handle())
    handles.append(_reviewed_handle())
    _legend_above(ax, handles)
    _week_axis(ax, weeks)
    return fig


# ------------------------------------------------------------------------------ lifts


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
    """Progress of the most-logged lifts, one small panel each: estimated 1RM (Epley) for
    loaded lifts, else the best set's reps, seconds or contacts; markers show form."""
    return _render(lambda: _lifts_figure(weeks, max_lifts), [fmt])[0]


def _short_name(name: str, limit: int = 32) -> str:
    name = name.split(" (")[0]
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def _lifts_figure(weeks: Sequence[WeekMetrics], max_lifts: int) -> Figure:
    title = "Progress of the main lifts"
    if not weeks:
        return _empty(title, NO_WEEKS)
    series = lift_series(weeks, max_lifts)
    if not series:
        return _empty(title, "No lifts logged in these weeks.\nLog strength sessions set by set to see progress.")
    from matplotlib.lines import Line2D
    from matplotlib.ticker import MaxNLocator

    count = len(series)
    cols = 1 if count == 1 else 2 if count in (2, 4) else 3
    rows = math.ceil(count / cols)
    fig, axes = _figure(nrows=rows, ncols=cols, sharex=True, squeeze=False)
    fig.suptitle(title, x=0.01, ha="left", fontsize=13, fontweight="bold", color=INK)
    flat = [ax for row in axes for ax in row]
    for ax, s in zip(flat, series, strict=False):
        _lift_panel(ax, s, weeks)
        ax.yaxis.set_major_locator(MaxNLocator(nbins=4, integer=s.unit != "kg e1RM"))
        _week_axis(ax, weeks, max_labels=max(3, 12 // cols))
        ax.tick_params(axis="x", labelsize=7.5)
    for ax in flat[count:]:
        ax.axis("off")
    present = [c for c in TRAINING_CATEGORIES if any(s.category == c for s in series)]
    handles = [Line2D([], [], color=CATEGORY_COLOUR[c], lw=2, label=CATEGORY_NAME[c]) for c in present]
    handles += [
        Line2D([], [], ls="none", label="form 4–5", **_form_marker(5, MUTED)),
        Line2D([], [], ls="none", label="form 3–4", **_form_marker(3.5, MUTED)),
        Line2D([], [], ls="none", label="form below 3", **_form_marker(2, MUTED)),
        _reviewed_handle(),
    ]
    if any(w.deload for w in weeks):
        handles.append(_deload_handle())
    legend = fig.legend(
        handles=handles,
        loc="outside lower left",
        ncols=math.ceil(len(handles) / 2),
        title="Best set of each week: estimated 1RM = load × (1 + reps ÷ 30) (Epley) for loaded lifts, else reps, "
        f"seconds or contacts.\n{_span(weeks)}",
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
    _grid(ax)
    _mark_deloads(ax, weeks)
    _mark_reviewed(ax, n)


def _form_marker(quality: float | None, colour: str) -> dict[str, Any]:
    """Good form: a filled dot; middling: a hollow dot; broken down: a vermillion cross."""
    if quality is None or quality >= 4:
        return {"marker": "o", "ms": 5.5, "color": colour, "mfc": colour, "mec": "white", "mew": 0.8}
    if quality >= 3:
        return {"marker": "o", "ms": 5.5, "color": colour, "mfc": "white", "mec": colour, "mew": 1.5}
    return {"marker": "X", "ms": 8, "color": FLAG_COLOUR, "mfc": FLAG_COLOUR, "mec": "white", "mew": 0.6}


# ------------------------------------------------------------------------------ files

FIGURES: dict[str, Callable[[Sequence[WeekMetrics], ChartGuides], Figure]] = {
    "load": _load_figure,
    "wellness": _wellness_figure,
    "volume": lambda weeks, guides: _volume_figure(weeks),
    "lifts": lambda weeks, guides: _lifts_figure(weeks, 6),
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
        images = _render(lambda draw=draw: draw(weeks, guides or ChartGuides()), formats)  # type: ignore[misc]
        for fmt, data in zip(formats, images, strict=True):
            path = folder / f"chart-{name}.{fmt}"
            write_atomically(path, data)
            written.append(path)
    return written
