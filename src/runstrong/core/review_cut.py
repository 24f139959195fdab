"""The size of a review's cut, as one prescription's numbers: the sets and the per-set amount
(reps, seconds or contacts) whose volume lands closest to the announced cut.

Cutting only sets rounds hard (2 sets less a quarter is 1 set: half the work), so the
amount per set is cut too when that gets closer. Neither ever rises. Outside the review
package so that the planner's dosing can use it without importing the review.
"""

from __future__ import annotations

SECONDS_STEP = 5  # holds are cut in whole 5-second steps (a hold of 22 s is not a dose anyone times)


def cut_volume(
    sets: int,
    amount: float | None,
    cut_pct: int,
    *,
    amount_step: float = 1,
    max_set_cut: int | None = None,
    max_amount_cut: float | None = None,
) -> tuple[int, float | None]:
    """The (sets, amount) with sets × amount closest to `cut_pct` % under the original,
    neither above the original nor cut by more than `max_set_cut` sets or `max_amount_cut`
    per set (so that the week after, back at the full dose, rises no more than one
    progression step); on a tie, the bigger cut (an announced cut is never a no-op),
    then fewer sets and the fuller amount per set.

    >>> cut_volume(2, 10, 25)
    (2, 7)
    >>> cut_volume(3, 8, 25)
    (3, 6)
    >>> cut_volume(4, 6, 25)
    (3, 6)
    >>> cut_volume(3, None, 25)
    (2, None)
    """
    if cut_pct <= 0 or sets <= 0:
        return sets, amount
    target = 1 - cut_pct / 100
    fewest = max(1, sets - max_set_cut) if max_set_cut is not None else 1
    if not amount:
        return max(fewest, round(sets * target)), amount
    least = amount - max_amount_cut if max_amount_cut is not None else 0
    best: tuple[float, float, int, float] | None = None
    for n in range(fewest, sets + 1):
        ideal = amount * sets * target / n
        # near the ideal amount, never under the allowed floor; the full amount is always a choice
        near = {*_amounts_near(max(ideal, least), amount, amount_step), amount}
        for a in (x for x in near if x >= least):
            share = n * a / (sets * amount)
            key = (round(abs(share - target), 9), round(share, 9), n, -a)
            if best is None or key < best:
                best = key
    assert best is not None  # the loop always offers n = sets with the full amount
    _, _, n, neg = best
    a = -neg
    return n, int(a) if float(a).is_integer() and isinstance(amount, int) else a


def _amounts_near(ideal: float, amount: float, step: float) -> list[float]:
    """The step multiples just under and over `ideal`, within 1 step..amount."""
    lo = max(step, (ideal // step) * step)
    out = {min(amount, lo), min(amount, lo + step)}
    return sorted(x for x in out if x >= min(step, amount))


def cut_prescription(
    sets: int,
    reps: int | None,
    seconds: int | None,
    contacts: int | None,
    distance_m: float | None,
    cut_pct: int,
    steps: tuple[int, int, int, int] | None = None,
) -> tuple[int, int | None, int | None, int | None, float | None]:
    """A prescription's sets and its one per-set amount cut by about `cut_pct` %, by at most
    one progression step each (`steps`: sets, reps, seconds, contacts)."""
    set_step, rep_step, hold_step, contact_step = steps if steps else (None, None, None, None)
    if reps:
        sets, r = cut_volume(sets, reps, cut_pct, max_set_cut=set_step, max_amount_cut=rep_step)
        return sets, int(r or reps), seconds, contacts, distance_m
    if seconds:
        step = SECONDS_STEP if seconds >= 2 * SECONDS_STEP else 1
        sets, s = cut_volume(sets, seconds, cut_pct, amount_step=step, max_set_cut=set_step, max_amount_cut=hold_step)
        return sets, reps, int(s or seconds), contacts, distance_m
    if contacts:
        sets, c = cut_volume(sets, contacts, cut_pct, max_set_cut=set_step, max_amount_cut=contact_step)
        return sets, reps, seconds, int(c or contacts), distance_m
    if distance_m:
        sets, d = cut_volume(sets, distance_m, cut_pct, amount_step=5, max_set_cut=set_step, max_amount_cut=0)
        return sets, reps, seconds, contacts, d
    sets, _ = cut_volume(sets, None, cut_pct, max_set_cut=set_step)
    return sets, reps, seconds, contacts, distance_m


def cut_sets(sets: int, cut_pct: int) -> int:
    """Sets after a volume cut of `cut_pct` %, never below one.

    >>> cut_sets(3, 40)
    2
    >>> cut_sets(2, 60)
    1
    """
    return max(1, round(sets * (100 - cut_pct) / 100))
