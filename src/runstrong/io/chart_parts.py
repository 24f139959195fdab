"""What every review chart shares: the palette, the canvas, the week axis and its marks.

Colours are the Okabe-Ito palette, safe for the common colour-vision deficiencies, and a
category has the same colour on every chart; shapes and hatching repeat what colour says.
matplotlib is imported only when a chart is drawn, onto the Agg canvas, never via pyplot,
with a private config folder so that no user style leaks in; output is deterministic.
"""

from __future__ import annotations

import math
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any

from runstrong.core.model import Category

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from runstrong.core.review_metrics import WeekMetrics
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


def matplotlib() -> Any:
    """matplotlib with a private, writable config folder (so no user style leaks in)."""
    if not os.environ.get("MPLCONFIGDIR"):
        uid = os.getuid() if hasattr(os, "getuid") else 0
        folder = Path(tempfile.gettempdir()) / f"runstrong-matplotlib-{uid}"
        folder.mkdir(exist_ok=True)
        os.environ["MPLCONFIGDIR"] = str(folder)
    import matplotlib

    return matplotlib


def figure(**grid: Any) -> tuple[Figure, Any]:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI, layout="constrained")
    FigureCanvasAgg(fig)
    return fig, fig.subplots(**grid)


def render(draw: Callable[[], Figure], formats: Sequence[str]) -> list[bytes]:
    """Draw the figure once and save it in each format."""
    for fmt in formats:
        if fmt not in ("png", "svg"):
            raise ValueError(f"fmt: {fmt!r}; charts are png or svg")
    with matplotlib().rc_context(RC):
        fig = draw()
        return [save(fig, fmt) for fmt in formats]


def save(fig: Figure, fmt: str) -> bytes:
    buf = BytesIO()
    metadata = {"Software": None} if fmt == "png" else {"Date": None, "Creator": None}
    fig.savefig(buf, format=fmt, dpi=DPI, metadata=metadata)
    return buf.getvalue()


# ------------------------------------------------------------------------ shared parts


def week_label(w: WeekMetrics) -> str:
    """'12 Jan', with 'wk 2' under it when the plan numbers the week."""
    label = f"{w.week_start.day} {MONTHS[w.week_start.month - 1]}"
    return f"{label}\nwk {w.week_index}" if w.week_index is not None else label


def week_axis(ax: Axes, weeks: Sequence[WeekMetrics], max_labels: int = 16) -> None:
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


def mark_reviewed(ax: Axes, n: int) -> None:
    ax.axvspan(n - 1.5, n - 0.5, color=REVIEWED_SHADE, alpha=REVIEWED_ALPHA, lw=0, zorder=0)


def mark_deloads(ax: Axes, weeks: Sequence[WeekMetrics]) -> None:
    for i, w in enumerate(weeks):
        if w.deload:
            ax.axvspan(i - 0.5, i + 0.5, facecolor="none", edgecolor="#DDDDDD", hatch="///", lw=0, zorder=0)


def deload_handle() -> Any:
    from matplotlib.patches import Patch

    return Patch(facecolor="white", edgecolor="#BBBBBB", hatch="///", label="deload week")


def reviewed_handle() -> Any:
    from matplotlib.patches import Patch

    return Patch(facecolor=REVIEWED_SHADE, alpha=REVIEWED_ALPHA + 0.15, label="reviewed week")


def legend_above(ax: Axes, handles: list[Any]) -> None:
    ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0, 1.0), ncols=len(handles), borderaxespad=0.3)


def grid(ax: Axes) -> None:
    ax.grid(axis="y", color="#E6E6E6", lw=0.8)
    ax.set_axisbelow(True)


def titles(fig: Figure, title: str, caption: str) -> None:
    """A bold title at the top left, and a caption (what is measured, which weeks) below."""
    fig.suptitle(title, x=0.01, ha="left", fontsize=13, fontweight="bold", color=INK)
    fig.supxlabel(caption, x=0.01, ha="left", fontsize=8, color=MUTED)


def span(weeks: Sequence[WeekMetrics]) -> str:
    first, last = weeks[0].week_start, weeks[-1].week_start
    return (
        f"{len(weeks)} week{'s' if len(weeks) != 1 else ''} from {first.day} {MONTHS[first.month - 1]} {first.year}; "
        f"reviewed week {last.day} {MONTHS[last.month - 1]} {last.year}."
    )


def pct(change: float) -> str:
    """'+12%', '-8%', and '±0%' rather than '-0%'."""
    whole = round(change)
    return "±0%" if whole == 0 else f"{whole:+d}%"


def note(ax: Axes, message: str) -> None:
    ax.text(0.5, 0.5, message, transform=ax.transAxes, ha="center", va="center", fontsize=10, color=MUTED)


def empty(title: str, message: str) -> Figure:
    fig, ax = figure()
    fig.suptitle(title, x=0.01, ha="left", fontsize=13, fontweight="bold", color=INK)
    ax.axis("off")
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=12, color=MUTED)
    return fig
