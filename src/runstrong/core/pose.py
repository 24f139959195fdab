"""How every exercise looks: the pose data behind the drawn demonstrations.

`runstrong/data/poses.toml` names reusable movements (`[base.NAME]`: a hinge, a split squat,
a plank...) and gives each exercise a base plus what differs (view, props, load, working
side, angle tweaks). Everything resolves here into a validated `Pose`: two to four
keyframes of the body model in `kinematics`, the kit it shows and which side works.
Pure: `io/data_files.load_poses` reads the file, the drawing lives in `runstrong.io.figures`.
"""

from __future__ import annotations

import copy
from typing import Annotated, Any, Literal

from pydantic import Field, ValidationError, model_validator

from .base import Frozen
from .kinematics import (
    ANKLE_HEIGHT,
    HIP_HALF,
    SEGMENT,
    SHOULDER_HALF,
    SIDE_SIGN,
    SIDES,
    Frame,
    Orientation,
    Vec,
    add,
    foot_points,
    joint_angles,
    limb_direction,
    out_of_range,
    sub,
    trunk_direction,
    two_bone,
    unit,
)

POINTS = (
    "head",
    "neck",
    "mid",
    "pelvis",
    *(f"{s}_{p}" for s in SIDES for p in ("hip", "knee", "ankle", "heel", "toe", "shoulder", "elbow", "hand")),
)
# body bones, parent first, in build order (frame blending walks them from the pelvis)
BONES: tuple[tuple[str, str], ...] = (
    ("pelvis", "mid"),
    ("mid", "neck"),
    ("neck", "head"),
    *(
        bone
        for s in SIDES
        for bone in (
            ("pelvis", f"{s}_hip"),
            (f"{s}_hip", f"{s}_knee"),
            (f"{s}_knee", f"{s}_ankle"),
            (f"{s}_ankle", f"{s}_heel"),
            (f"{s}_heel", f"{s}_toe"),
            ("neck", f"{s}_shoulder"),
            (f"{s}_shoulder", f"{s}_elbow"),
            (f"{s}_elbow", f"{s}_hand"),
        )
    ),
)
SOLE_POINTS = frozenset(f"{s}_{p}" for s in SIDES for p in ("heel", "toe"))
SOLE_TOLERANCE = 0.012  # a heel or toe this close to a surface stands on it
JOINT_CONTACT = (-0.012, 0.05)  # a knee, hand, hip or head rests on a surface: its centre sits this high
JOINT_REST = 0.03  # where a resting joint's centre sits: about half a limb's thickness
LOADS = ("dumbbell", "kettlebell", "barbell", "trap_bar", "backpack")
SURFACES = ("step", "box", "bench", "balance_pad", "machine", "mat")
# kit that is drawn but is not library equipment (a wall, a towel and a door frame are assumed)
EXTRA_PROPS = ("wall", "towel", "stick", "door")
PropKind = Literal[
    "step", "box", "bench", "balance_pad", "machine", "mat", "band", "mini_band", "cable",
    "wall", "towel", "stick", "door",
]  # fmt: skip
Point = Literal[POINTS]  # type: ignore[valid-type]


class PoseError(ValueError):
    """The pose data is malformed; the message names the entry and field."""


class Limb(Frozen):
    """A leg or an arm: by angles (swing, bend, abd) or by where its end goes (`to`)."""

    swing: float | None = None
    bend: float = 0.0
    abd: float = 0.0
    to: Annotated[list[float], Field(min_length=2, max_length=3)] | None = None
    pole: Annotated[list[float], Field(min_length=3, max_length=3)] | None = None
    lower: Annotated[list[float], Field(min_length=3, max_length=3)] | None = None  # world direction of shin or forearm
    ankle: float | None = None  # dorsiflexion (legs): 0 = foot square to the shin
    sole: float | None = None  # the sole's tilt on the ground, toes down positive (legs)

    @model_validator(mode="after")
    def _one_way(self) -> Limb:
        if (self.swing is None) == (self.to is None):
            raise ValueError("give either swing (angles) or to (where the hand or ankle goes)")
        if self.ankle is not None and self.sole is not None:
            raise ValueError("give ankle or sole, not both")
        return self


HANG = Limb(swing=0.0)


class Keyframe(Frozen):
    at: Annotated[list[float], Field(min_length=2, max_length=3)]  # the pelvis
    pitch: Annotated[float, Field(ge=-180, le=180)] = 0.0
    roll: Annotated[float, Field(ge=-180, le=180)] = 0.0
    lean: float = 0.0
    curve: float = 0.0  # upper back against lower back: rounding positive
    side: float = 0.0
    twist: float = 0.0
    nod: float = 0.0
    r_leg: Limb = HANG
    l_leg: Limb = HANG
    r_arm: Limb = HANG
    l_arm: Limb = HANG
    contacts: list[Point] = []  # type: ignore[valid-type]
    air: bool = False  # in flight: nothing touches

    @model_validator(mode="after")
    def _grounded(self) -> Keyframe:
        if not self.contacts and not self.air:
            raise ValueError("name the contacts (the points that rest on the floor or a prop) or set air = true")
        return self


class Prop(Frozen):
    kind: PropKind
    x: float = 0.0  # surfaces: front-to-back extent x..x+width; band, cable: the anchor
    y: float = 0.0
    z: float = 0.0
    width: Annotated[float, Field(ge=0, le=2)] = 0.3
    depth: Annotated[float, Field(ge=0, le=2)] = 0.4
    height: Annotated[float, Field(ge=0, le=1.2)] = 0.2
    to: list[Point] = []  # type: ignore[valid-type]  # bands, cables, a stick: what they attach to

    def top(self) -> float:
        return self.y + self.height

    def under(self, p: Vec) -> bool:
        return self.x - 0.02 <= p[0] <= self.x + self.width + 0.02 and abs(p[2] - self.z) <= self.depth / 2 + 0.02


class Load(Frozen):
    kind: Literal[LOADS]  # type: ignore[valid-type]
    at: Literal["hands", "r_hand", "l_hand", "chest", "back", "hips", "knees"] = "hands"


class Pose(Frozen):
    view: Literal["side", "front", "top"] = "side"
    camera: Annotated[float, Field(ge=-80, le=80)] = 0.0  # front view: degrees turned towards the figure's right
    working: Literal["right", "left", "both"] = "both"
    first: Literal["eccentric", "concentric"] = "eccentric"  # the move from the first keyframe to the last
    trace: Point = "r_hand"  # type: ignore[valid-type]  # the point whose path is drawn
    props: list[Prop] = []
    load: Load | None = None
    frames: Annotated[list[Keyframe], Field(min_length=2, max_length=4)]

    def items(self) -> set[str]:
        """Library equipment the figure shows (loads and props, not assumed extras)."""
        shown = {p.kind for p in self.props if p.kind not in EXTRA_PROPS and p.kind != "mat"}
        return shown | ({self.load.kind} if self.load else set())


# --------------------------------------------------------------------------- posing


def pose_frame(k: Keyframe) -> Frame:
    """Joint positions of a keyframe: trunk from the pelvis, then limbs by angle or by reach."""
    o = Orientation(k.pitch, k.roll)
    rot = o.apply
    pelvis = (k.at[0], k.at[1], k.at[2] if len(k.at) == 3 else 0.0)
    f: Frame = {"pelvis": pelvis}
    f["mid"] = add(pelvis, rot(trunk_direction(k.lean, k.side)), SEGMENT["lower_trunk"])
    upper = trunk_direction(k.lean + k.curve, k.side)
    f["neck"] = add(f["mid"], rot(upper), SEGMENT["upper_trunk"])
    f["head"] = add(f["neck"], rot(trunk_direction(k.lean + k.curve + k.nod, k.side)), SEGMENT["neck"])
    shoulder_line = _twisted((0.0, -_sin(k.side), _cos(k.side)), upper, k.twist)
    for s in SIDES:
        sign = SIDE_SIGN[s]
        f[f"{s}_hip"] = add(pelvis, rot((0.0, 0.0, sign * HIP_HALF)))
        f[f"{s}_shoulder"] = add(f["neck"], rot(shoulder_line), sign * SHOULDER_HALF)
        _leg(f, s, getattr(k, f"{s}_leg"), o)
        _arm(f, s, getattr(k, f"{s}_arm"), o)
    return f


def _sin(deg: float) -> float:
    import math

    return math.sin(math.radians(deg))


def _cos(deg: float) -> float:
    import math

    return math.cos(math.radians(deg))


def _twisted(v: Vec, axis: Vec, deg: float) -> Vec:
    """Rodrigues' rotation of v about axis (twist positive: the left shoulder comes forward)."""
    a = unit(axis)
    c, s = _cos(-deg), _sin(-deg)
    cross = (a[1] * v[2] - a[2] * v[1], a[2] * v[0] - a[0] * v[2], a[0] * v[1] - a[1] * v[0])
    d = a[0] * v[0] + a[1] * v[1] + a[2] * v[2]
    return tuple(v[i] * c + cross[i] * s + a[i] * d * (1 - c) for i in range(3))  # type: ignore[return-value]


def _limb(f: Frame, root: str, limb: Limb, s: str, o: Orientation, names: tuple[str, str], sign: float) -> None:
    """Place the middle and end joints of a limb; sign +1 bends like an elbow, -1 like a knee."""
    upper, lower = ("thigh", "shank") if sign < 0 else ("upper_arm", "forearm")
    base = f[root]
    if limb.to is not None:
        target = (limb.to[0], limb.to[1], limb.to[2] if len(limb.to) == 3 else base[2])
        default_pole = (1.0, 0.0, 0.15 * SIDE_SIGN[s]) if sign < 0 else (-0.3, -1.0, 0.0)
        pole = o.apply(tuple(limb.pole) if limb.pole else default_pole)  # type: ignore[arg-type]
        middle, end = two_bone(base, target, SEGMENT[upper], SEGMENT[lower], pole)
    else:
        assert limb.swing is not None
        middle = add(base, o.apply(limb_direction(limb.swing, limb.abd, s)), SEGMENT[upper])
        if limb.lower is not None:  # the forearm or shin set in the world (a forearm flat on the floor)
            end = add(middle, unit(tuple(limb.lower)), SEGMENT[lower])  # type: ignore[arg-type]
        else:
            end = add(middle, o.apply(limb_direction(limb.swing + sign * limb.bend, limb.abd, s)), SEGMENT[lower])
    f[names[0]], f[names[1]] = middle, end


def _arm(f: Frame, s: str, limb: Limb, o: Orientation) -> None:
    _limb(f, f"{s}_shoulder", limb, s, o, (f"{s}_elbow", f"{s}_hand"), 1.0)


def _leg(f: Frame, s: str, limb: Limb, o: Orientation) -> None:
    import math

    _limb(f, f"{s}_hip", limb, s, o, (f"{s}_knee", f"{s}_ankle"), -1.0)
    ankle, knee = f[f"{s}_ankle"], f[f"{s}_knee"]
    shin_up = unit(sub(knee, ankle))
    sole = limb.sole if limb.sole is not None else (0.0 if limb.to is not None and limb.ankle is None else None)
    if sole is not None:
        fwd = o.apply((1.0, 0.0, 0.0))
        flat = unit((fwd[0], 0.0, fwd[2])) if abs(fwd[0]) + abs(fwd[2]) > 1e-6 else (1.0, 0.0, 0.0)
        r = math.radians(sole)
        toe_dir = unit((flat[0] * math.cos(r), -math.sin(r), flat[2] * math.cos(r)))
    else:
        shin_body = o.undo(shin_up)
        shin_swing = math.degrees(math.atan2(-shin_body[0], shin_body[1]))  # swing of the shank (knee to ankle)
        toe_dir = o.apply(limb_direction(shin_swing + 90 + (limb.ankle or 0.0), 0.0, s))
    d = toe_dir[0] * shin_up[0] + toe_dir[1] * shin_up[1] + toe_dir[2] * shin_up[2]
    up = unit(sub(shin_up, (toe_dir[0] * d, toe_dir[1] * d, toe_dir[2] * d)))
    f[f"{s}_heel"], f[f"{s}_toe"] = foot_points(ankle, toe_dir, up)


# ------------------------------------------------------------------------- checking


def posed(pose: Pose, k: Keyframe) -> Frame:
    """A keyframe's joints, raised or lowered so its first contact rests on its surface
    (so pose data gives heights only roughly and no figure floats or sinks)."""
    f = pose_frame(k)
    if k.air or not k.contacts:
        return f
    anchor = f[k.contacts[0]]
    rest = 0.0 if k.contacts[0] in SOLE_POINTS else JOINT_REST
    top = max(surfaces_under(pose, anchor), key=lambda t: -abs(anchor[1] - rest - t))
    shift = top + rest - anchor[1]
    return {name: (v[0], v[1] + shift, v[2]) for name, v in f.items()}


def surfaces_under(pose: Pose, p: Vec) -> list[float]:
    """Heights of the floor and every prop top under a point."""
    return [0.0] + [q.top() for q in pose.props if q.kind in SURFACES and q.under(p)]


def pose_problems(pose: Pose) -> list[str]:
    """What a coach (or physics) would reject: joints out of range, floating or sunken contacts."""
    problems = []
    for n, k in enumerate(pose.frames, start=1):
        f = posed(pose, k)
        problems += [f"frame {n}: {b}" for b in out_of_range(joint_angles(f, Orientation(k.pitch, k.roll)))]
        for name in k.contacts:
            p = f[name]
            lo, hi = (-SOLE_TOLERANCE, SOLE_TOLERANCE) if name in SOLE_POINTS else JOINT_CONTACT
            if not any(lo <= p[1] - top <= hi for top in surfaces_under(pose, p)):
                problems.append(f"frame {n}: contact {name} is off its surface (height {p[1]:.3f})")
        for name, p in f.items():
            if p[1] < -SOLE_TOLERANCE - (0.0 if name in SOLE_POINTS else 0.005):
                problems.append(f"frame {n}: {name} is below the floor ({p[1]:.3f})")
    return problems


# ------------------------------------------------------------------------- the data


def _is_point(value: Any) -> bool:
    return isinstance(value, list) and len(value) == 3 and all(isinstance(x, int | float) for x in value)


def _swap_sides(value: Any) -> Any:
    """A pose mirrored left for right: names swap, z, roll, side bend and twist change sign."""
    if isinstance(value, dict):
        out = {}
        for key, v in value.items():
            new_key = {"r_": "l_", "l_": "r_"}.get(key[:2], key[:2]) + key[2:] if key[:2] in ("r_", "l_") else key
            if key in ("roll", "side", "twist"):
                v = -v
            elif key in ("at", "to", "pole", "lower") and _is_point(v):
                v = [v[0], v[1], -v[2]]
            elif key == "z":
                v = -v
            elif key == "working":
                v = {"right": "left", "left": "right"}.get(v, v)
            out[new_key] = _swap_sides(v)
        return out
    if isinstance(value, list):
        return [_swap_sides(v) for v in value]
    if isinstance(value, str) and value[:2] in ("r_", "l_"):
        return {"r_": "l_", "l_": "r_"}[value[:2]] + value[2:]
    return value


def _merge(base: dict, over: dict) -> dict:
    """Overrides on a base: top-level keys replace, keyframes merge by position (a limb given
    in an override replaces the base's limb as a whole; an extra keyframe copies the last)."""
    out = copy.deepcopy(base)
    for key, value in over.items():
        if key == "frames" and "frames" in out and not over.get("replace_frames"):
            merged = [dict(f) for f in out["frames"]]
            for i, patch in enumerate(value):
                if i < len(merged):
                    merged[i].update(copy.deepcopy(patch))
                else:  # a new keyframe starts as a copy of the one before it
                    merged.append({**copy.deepcopy(merged[-1]), **copy.deepcopy(patch)} if merged else patch)
            out["frames"] = merged
        elif key not in ("base", "mirror", "replace_frames"):
            out[key] = copy.deepcopy(value)
    return out


def _resolve(name: str, bases: dict, seen: tuple[str, ...] = ()) -> dict:
    """A base with its own bases merged in (a mirrored base flips its parent first)."""
    if name in seen:
        raise PoseError(f"base {name} refers to itself through {' -> '.join(seen)}")
    raw = bases.get(name)
    if raw is None:
        raise PoseError(f"no base named {name!r}")
    return _apply(raw, bases, (*seen, name))


def _apply(raw: dict, bases: dict, seen: tuple[str, ...] = ()) -> dict:
    parent = _resolve(raw["base"], bases, seen) if raw.get("base") else {}
    if raw.get("mirror"):
        parent = _swap_sides(parent)
    return _merge(parent, raw)


def parse_poses(data: dict, source: str = "poses.toml") -> dict[str, Pose]:
    """Every exercise's pose, its base resolved and validated; errors name the entry and field."""
    bases, exercises = data.get("base", {}), data.get("exercise", {})
    out = {}
    for exercise_id, raw in exercises.items():
        try:
            out[exercise_id] = Pose.model_validate(_apply(raw, bases))
        except ValidationError as err:
            first = err.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise PoseError(f"{source}: exercise {exercise_id}: {where}: {first['msg']}") from None
        except PoseError as err:
            raise PoseError(f"{source}: exercise {exercise_id}: {err}") from None
    return out


def standing_height() -> float:
    """Pelvis height of the upright figure with flat feet (what poses are written around)."""
    return SEGMENT["thigh"] + SEGMENT["shank"] + ANKLE_HEIGHT


__all__ = ["HIP_HALF", "POINTS", "Keyframe", "Limb", "Load", "Pose", "PoseError", "Prop", "parse_poses"]
