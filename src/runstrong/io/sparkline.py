"""Unicode sparklines for the terminal: a trend in a few characters."""

from __future__ import annotations

from collections.abc import Sequence

BARS = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[float | None], gap: str = " ") -> str:
    """One character per value, scaled between the smallest and largest; None is a gap."""
    known = [v for v in values if v is not None]
    if not known:
        return gap * len(values)
    lo, hi = min(known), max(known)
    span = hi - lo
    return "".join(
        gap if v is None else BARS[0 if span == 0 else round((v - lo) / span * (len(BARS) - 1))] for v in values
    )
