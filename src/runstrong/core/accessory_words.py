"""What an accessory's pick says: the words of each accessory slot's rule, and whether the
ankle slot's lift is calf work for the push-off or work for the shin (`selection` picks them)."""

from __future__ import annotations

from .model import Exercise, PainArea

ACCESSORY_TEXT = {
    "ankle-foot-stiffness": "Controlled calf and foot work for a stiffer, springier push-off.",
    "unstable-balance": "Single-leg balance on an unstable surface, as on a trail.",
    "two-primaries-one-accessory": "The session's accessory: brief, targeted work for the hips.",
}
# the ankle slot's lift when it is no calf raise (a tibialis raise trains the muscles that lift the foot)
SHIN_TEXT = "Controlled work for the front of the shin, the muscles that lift the foot and lower it at each footstrike."


def push_off(e: Exercise) -> bool:
    """Calf work for the push-off: plantar flexion, which the library marks by the Achilles
    and the calf it loads (a tibialis raise loads the shin only)."""
    return bool({PainArea.achilles, PainArea.calf} & {*e.loads, *e.contraindications})
