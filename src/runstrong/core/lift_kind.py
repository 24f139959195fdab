"""What a lift is, in the words a plan shows beside it (cr25a F14).

A session's primaries from another category carry a label ("Front plank · core stability").
The label once was the category's name, so a two-footed snap-down read "single-leg power" and
a seated soleus raise on both legs the same. The label now says what the exercise is, from
the library's own data: one leg at a time or both (`unilateral`, or a dose counted per side),
and what it trains (its pattern and intent). Only a lift done one leg at a time is called
single-leg.

Pure: the exercise comes in as a value.
"""

from __future__ import annotations

from .model import Exercise
from .vocab import CATEGORY_NAME, Category, Intent, Pattern

# what a single-leg-power lift trains, by pattern first, else by intent
_PATTERN_WORDS = {
    Pattern.calf_ankle: "calf and ankle",
    Pattern.landing: "landing",
    Pattern.balance: "balance",
    Pattern.plyometric: "power",
}
_INTENT_WORDS = {Intent.power: "power", Intent.strength: "strength", Intent.stability: "balance"}
_TWO_LEGGED = {"landing": "landing drill", "power": "hops and jumps", "balance": "balance", "strength": "leg strength"}


def one_leg(e: Exercise) -> bool:
    """Done one leg at a time: a unilateral lift, or one whose dose counts each side (a skater
    hop, a walking lunge)."""
    return e.unilateral or e.dose.per_side


def kind_words(e: Exercise) -> str:
    """The label beside a lift: its category's name for posterior chain and core, and for the
    single-leg power category what the lift is ("single-leg strength", "landing drill",
    "calf and ankle", "hops and jumps"), "single-leg" only for a lift done one leg at a time:
    the snap-down is a "landing drill", the seated soleus raise "calf and ankle", the split
    squat "single-leg strength", single-leg pogo "single-leg power"."""
    if e.category != Category.single_leg_power:
        return CATEGORY_NAME[e.category]
    what = _PATTERN_WORDS.get(e.pattern) or _INTENT_WORDS.get(e.intent, "strength")
    if one_leg(e):
        return f"single-leg {what}"
    return what if e.pattern == Pattern.calf_ankle else _TWO_LEGGED[what]


def trains_weaker(e: Exercise) -> bool:
    """Whether the weaker side's extra set goes on `e` (weak-side-extra-set): in the core, only on
    the side plank's pattern, the one the screen measured (a bird dog does not train lateral trunk
    endurance)."""
    return e.category != Category.core or e.pattern == Pattern.anti_lateral_flexion
