"""Unicode sparklines for the terminal: a trend in a few characters."""

from __future__ import annotations

import math
from collections.abc import Sequence

BARS = "▁▂▃▄▅▆▇█"


def sparkline(
    values: Sequence[float | None], gap: str = " ", *, lo: float | None = None, hi: float | None = None
) -> str:
    """One character per value, scaled between the smallest and largest (or the fixed `lo`
    and `hi`, e.g. 1 and 5 for a wellness scale, so weeks compare across summaries).
    None or NaN is a gap; a flat series sits on the lowest bar."""
    known = [v for v in values if v is not None and not math.isnan(v)]
    if not known:
        return gap * len(values)
    bottom = min(known) if lo is None else lo
    top = max(known) if hi is None else hi
    span = top - bottom
    out = []
    for v in values:
        if v is None or math.isnan(v):
            out.append(gap)
            continue
        share = 0.0 if span <= 0 else min(1.0, max(0.0, (v - bottom) / span))
        out.append(BARS[round(share * (len(BARS) - 1))])
    return "".join(out)
