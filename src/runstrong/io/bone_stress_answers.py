"""A bone stress injury as a runner says it at the door (bone-stress-return): "bone stress tibia
cleared 2026-10-12", "stress fracture navicular, cleared 6 weeks ago", "BSI 5th metatarsal cleared
3 weeks". Read by `init --health`, the interview, and the web forms' own site and date fields.

What cannot be planned is a ValueError that says why and what to do: no site, no clearance to run
yet ("not cleared", no date, a date after today)."""

from __future__ import annotations

import datetime as dt
import re

from .typed_dates import past_date

BONE_STRESS_WORDS = ("bone stress", "stress fracture", "stress reaction", "bsi", "bone_stress")
# the runner's words for each site, longer phrases first (a "fifth metatarsal" is not a "metatarsal")
SITE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("anterior_tibia", ("anterior_tibia", "anterior tibia", "anterior tibial", "front of the shin", "front of shin",
                        "anterior shin")),
    ("fifth_metatarsal", ("fifth_metatarsal", "fifth metatarsal", "5th metatarsal", "jones", "base of the fifth")),
    ("femoral_neck", ("femoral_neck", "femoral neck", "neck of femur", "hip")),
    ("navicular", ("navicular", "midfoot")),
    ("calcaneus", ("calcaneus", "calcaneal", "heel")),
    ("metatarsal", ("metatarsal", "metatarsals", "forefoot", "foot")),
    ("fibula", ("fibula", "fibular", "outer shin")),
    ("tibia", ("tibia", "tibial", "shin")),
    ("femur", ("femur", "femoral", "thigh")),
    ("pelvis", ("pelvis", "pelvic", "sacrum", "sacral", "pubic", "pubis")),
)  # fmt: skip
SITES = (
    "tibia (shin), anterior tibia, fibula, metatarsal, fifth metatarsal, navicular, calcaneus, femur, femoral neck, "
    "pelvis"
)
EXAMPLE = "bone stress tibia cleared 2026-10-12 (or: cleared 6 weeks ago)"
NOT_YET = (
    "health: not cleared to run yet: runstrong plans strength work once your clinician has cleared you to run; "
    "until then, ask them what loading suits the bone"
)


def is_bone_stress(item: str) -> bool:
    return any(w in item.lower() for w in BONE_STRESS_WORDS)


def bone_stress_of(item: str, today: dt.date) -> tuple[str, dt.date]:
    """(the site, the day running was cleared) from one health answer, or a ValueError."""
    item = item.lower()
    said = re.sub(r"\b(?:bone stress|stress fracture|stress reaction|bsi)\b", " ", item)
    site = site_of(said)
    if re.search(r"\bnot\s+(?:yet\s+)?cleared\b|\bnot yet\b", said):
        raise ValueError(NOT_YET)
    if m := re.search(r"\b(\d{4}-\d{2}-\d{2})\b", said):
        return site, cleared_date(m.group(1), today)
    if m := re.search(r"\b(\d{1,3})\s*(?:weeks?|wks?|w)\b", said):
        return site, today - dt.timedelta(weeks=int(m.group(1)))
    raise ValueError(f"{NOT_YET}. Cleared? Say the day, like: {EXAMPLE}")


def site_of(said: str) -> str:
    """The site named in the words, or a ValueError naming the sites."""
    words = said.strip().lower().replace("-", " ")
    for site, names in SITE_WORDS:
        if any(re.search(rf"\b{re.escape(n)}\b", words) for n in names):
            return site
    raise ValueError(f"health: say where the bone stress injury was ({SITES}), like: {EXAMPLE}")


def cleared_date(typed: str, today: dt.date) -> dt.date:
    """The day running was cleared, as typed (the web forms' own field): a date, not after today."""
    return past_date(
        typed,
        today,
        f"{NOT_YET}. Cleared? Give the day, like 2026-10-12",
        "health: {typed!r} is not a date; write the day you were cleared like 2026-10-12",
        NOT_YET.replace("{", "{{").replace("}", "}}") + " ({date} is after today, {today})",
    )
