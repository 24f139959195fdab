"""The fixed weights a runner owns (`owned_weights`: one pair of 10 kg dumbbells, kettlebells
of 12 and 16 kg) read as the kit's step, heaviest and lightest load, so every load the plan
rounds to that kit is one of them (`load-rounding`; cr23a F4). Pure and free of pydantic:
the light read path (`store/light_read`) uses it too."""

from __future__ import annotations

from .vocab import Units

_KG_PER_LB = 0.45359237


def owned_step(weights: list[float]) -> float:
    """The step between the weights a runner owns: a single pair's step is its own weight.

    >>> owned_step([10]), owned_step([12, 16, 20])
    (10, 4)
    """
    return weights[1] - weights[0] if len(weights) > 1 else weights[0]


def with_owned_heaviest(heaviest: dict, owned: dict) -> dict:
    """`heaviest_loads` with each owned item's heaviest weight (`owned_weights` says it exactly)."""
    return {**heaviest, **{k: max(v) for k, v in owned.items()}} if owned else heaviest


def with_owned_steps(steps: dict, owned: dict) -> dict:
    """`load_increments` with each owned item's step (`owned_step`)."""
    return {**steps, **{k: owned_step(v) for k, v in owned.items()}} if owned else steps


def owned_floor_kg(kit: object, units: Units, owned: dict) -> float:
    """The lightest weight of `kit` the runner owns, in kg (0 when they did not say): no load
    under it (a deload cuts sets and reps instead)."""
    ws = owned.get(kit)
    return 0.0 if not ws else min(ws) * (_KG_PER_LB if units == Units.imperial else 1.0)


def kit_heaviest(profile: object) -> dict:
    """The profile's heaviest load per item, its owned weights' heaviest over `heaviest_loads`."""
    return with_owned_heaviest(profile.heaviest_loads, profile.owned_weights)  # type: ignore[attr-defined]


def kit_increments(profile: object) -> dict:
    """The profile's load step per item, its owned weights' step over `load_increments`."""
    return with_owned_steps(profile.load_increments, profile.owned_weights)  # type: ignore[attr-defined]


def only_weight_kg(kit: object, units: Units, owned: dict) -> float | None:
    """The one weight of `kit` the runner owns, in kg, when they own just one (else None):
    there is no weight to find, only that one (owned-weights)."""
    ws = owned.get(kit)
    return owned_floor_kg(kit, units, owned) if ws and len(ws) == 1 else None
