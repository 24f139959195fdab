"""The running itself, when the week's running load spiked while signs of overreaching
showed (running-after-spike; S22, S28 ask for a temporary load reduction). The strength
decisions answer the signs for the strength; these notes answer them for the runs: the next
long run no longer than the longest before the spike, in minutes, and, with appetite and mood
low together, a talk with the coach or a doctor."""

from __future__ import annotations

from . import signals as sig
from .state import ReviewInput, Verdict
from .values import ReviewDecision, Signal, decision

RULES = ["running-after-spike", "running-load-spike", "overreaching-signs"]
# the warning signs of the whole runner (legs in the runs, soreness, wellness, sleep), not of one lift's sets
WHOLE_BODY = frozenset({"running", "soreness", "wellness", "sleep"})


def running_step(r: ReviewInput, v: Verdict) -> Verdict:
    """Notes on the running after a spike that came with signs of overreaching (or, with no
    spike, when the runs carry most of the load: easing the strength alone will not do)."""
    m, rp = r.metrics, r.params
    if not v.fatigue:
        return v
    if not m.spikes:
        carried = _runs_carry_the_load(r, v)
        return v.add(decisions=(*v.decisions, carried)) if carried else v
    spike = max(m.spikes, key=lambda s: s.pct_longer)
    # the longest run before the spikes: a spike the runner ran over an earlier cap is no new base
    longest = min(s.longest_unspiked or s.longest_before for s in m.spikes)
    cap = round(longest * rp.after_spike_cap_pct / 100)
    said = f"{spike.date:%a %d %b}'s run of {spike.minutes:g} min was {spike.pct_longer:g}% longer than your longest"
    text = (
        f"Running: {said} of the previous {rp.spike_window_days} days, while signs of overreaching showed: keep the "
        f"next long run to {cap} min at most, and ease the running until those signs pass."
    )
    spiked = Signal(
        kind="running",
        text=f"{spike.date:%a %d %b} {spike.minutes:g} min, {spike.pct_longer:g}% over the longest of the previous "
        f"{rp.spike_window_days} days ({spike.longest_before:g} min; {rp.spike_pct:g}% is the mark)",
    )
    notes = [decision("week", "note", text, RULES, [spiked, *sig.first_of_each_kind(list(v.fatigue))])]
    low = _appetite_and_mood(r)
    if low is not None:
        notes.append(low)
    return v.add(decisions=(*v.decisions, *notes))


def _runs_carry_the_load(r: ReviewInput, v: Verdict) -> ReviewDecision | None:
    """cr26a F10: a run-streak runner's two overreaching weeks got strength deloads and not a
    word on the runs that were 84% of his load."""
    m, rp = r.metrics, r.params
    if not any(s.kind in WHOLE_BODY for s in v.fatigue):  # effort or form in the lifts alone: the lifts' answer
        return None
    if m.load <= 0 or m.run_load * 100 < rp.after_spike_run_share_pct * m.load:
        return None
    share = round(100 * m.run_load / m.load)
    text = (
        f"Running: your runs were {share}% of this week's load, and signs of overreaching showed: easing the "
        "strength alone will not clear them. Make the easy runs easier or take a day off this week, agreed with "
        "whoever sets your running."
    )
    if any(s.kind == "monotony" for s in v.fatigue) or any(f.kind == "monotony" for f in v.flags):
        text += " Vary the days too: harder and easier ones, and a rest day (monotony-strain)."
    signal = Signal(kind="running", text=f"runs {m.run_load:,.0f} of {m.load:,.0f} AU ({share}%; "
                    f"{rp.after_spike_run_share_pct:g}% is the mark)")  # fmt: skip
    return decision("week", "note", text, ["running-after-spike", "overreaching-signs"], [signal])


def _appetite_and_mood(r: ReviewInput) -> ReviewDecision | None:
    """A talk with the coach or a doctor when appetite and mood are low together."""
    m, rp = r.metrics, r.params
    mood = next((w.week_mean for w in m.wellness if w.item == "mood"), None)
    if m.appetite is None or mood is None:
        return None
    if m.appetite > rp.after_spike_appetite_at_or_below or mood > rp.after_spike_mood_at_or_below:
        return None
    text = (
        f"Appetite {m.appetite:g}/5 and mood {mood:g}/5 fell together in a week the running spiked: "
        "talk with your coach or a doctor before the next hard week."
    )
    signal = Signal(
        kind="wellness",
        text=f"appetite {m.appetite:g}/5 (≤ {rp.after_spike_appetite_at_or_below:g}) and mood {mood:g}/5 "
        f"(≤ {rp.after_spike_mood_at_or_below:g}) the same week",
    )
    return decision("week", "note", text, ["running-after-spike", "overreaching-signs"], [signal])
