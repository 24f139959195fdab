"""The body model behind the exercise figures: a stick figure with fixed segment lengths,
posed by joint angles (or by where a hand or foot should be), in three dimensions so a
figure can be drawn from the side, the front or above.

Units are fractions of standing height. Axes: x forward (the way the figure faces when
upright), y up, z to the figure's left. Limb angles are set in the body's frame: `swing`
turns a segment from hanging straight down towards the front (90 = straight ahead, 180 =
overhead), `abd` turns it out to the side; the knee and elbow `bend` is their flexion. A
whole-body `pitch` tips the body forward (90 = lying face down, -90 = on the back) and
`roll` tips it onto its right side (90 = lying on the right side).

Pure: math only, no drawing. The exercise poses (runstrong/data/poses.toml) are checked
against the joint limits here.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

Vec = tuple[float, float, float]
Frame = dict[str, Vec]  # point name -> position

# Segment lengths (fractions of standing height, after common anthropometric tables).
SEGMENT = {
    "lower_trunk": 0.14,  # hip centre to mid-back
    "upper_trunk": 0.16,  # mid-back to the base of the neck
    "neck": 0.085,  # base of the neck to the centre of the head
    "upper_arm": 0.17,
    "forearm": 0.16,  # to the middle of the hand
    "thigh": 0.245,
    "shank": 0.245,
}
HEAD_RADIUS = 0.06
HIP_HALF = 0.055  # half the distance between the hip joints
SHOULDER_HALF = 0.1
ANKLE_HEIGHT = 0.04  # ankle joint above the sole
HEEL_BACK = 0.035
TOE_FORWARD = 0.115
SIDES = ("r", "l")
SIDE_SIGN = {"r": -1.0, "l": 1.0}  # z of each side: the left is +z

# The ranges an adult reaches actively (degrees), from common clinical norms (AAOS), widened
# a little for a drawing; a pose outside them is a data error, not a stretch.
JOINT_LIMITS: dict[str, tuple[float, float]] = {
    "hip_flexion": (-40.0, 160.0),  # extension is negative; 160 sitting back on the heels
    "hip_abduction": (-35.0, 80.0),
    "knee_flexion": (-2.0, 160.0),
    "ankle_dorsiflexion": (-60.0, 45.0),  # plantar flexion is negative
    "shoulder_flexion": (-60.0, 190.0),
    "shoulder_abduction": (-50.0, 180.0),  # negative: across the body
    "elbow_flexion": (-2.0, 155.0),
    "spine_flexion": (-35.0, 45.0),  # lumbar against thoracic: rounding is positive
    "trunk_side_bend": (-40.0, 40.0),
    "trunk_twist": (-70.0, 70.0),
    "neck_flexion": (-50.0, 60.0),
}


def _rad(deg: float) -> float:
    return math.radians(deg)


def add(a: Vec, b: Vec, k: float = 1.0) -> Vec:
    return (a[0] + k * b[0], a[1] + k * b[1], a[2] + k * b[2])


def sub(a: Vec, b: Vec) -> Vec:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def norm(a: Vec) -> float:
    return math.sqrt(dot(a, a))


def unit(a: Vec) -> Vec:
    n = norm(a) or 1.0
    return (a[0] / n, a[1] / n, a[2] / n)


def limb_direction(swing: float, abd: float, side: str) -> Vec:
    """The body-frame direction of a limb segment: swung forward, then out to its side."""
    s, a = _rad(swing), _rad(abd)
    return (math.sin(s) * math.cos(a), -math.cos(s) * math.cos(a), SIDE_SIGN[side] * math.sin(a))


def trunk_direction(lean: float, side_bend: float) -> Vec:
    """The body-frame direction of a trunk segment: leaning forward, then to the left."""
    lean_r, side_r = _rad(lean), _rad(side_bend)
    return (math.sin(lean_r) * math.cos(side_r), math.cos(lean_r) * math.cos(side_r), math.sin(side_r))


@dataclass(frozen=True)
class Orientation:
    """The whole body's tilt: roll onto the right side first, then pitch forward."""

    pitch: float = 0.0
    roll: float = 0.0

    def apply(self, v: Vec) -> Vec:
        r, p = _rad(self.roll), _rad(self.pitch)
        x, y, z = v
        y, z = y * math.cos(r) + z * math.sin(r), -y * math.sin(r) + z * math.cos(r)
        x, y = x * math.cos(p) + y * math.sin(p), -x * math.sin(p) + y * math.cos(p)
        return (x, y, z)

    def undo(self, v: Vec) -> Vec:
        r, p = _rad(self.roll), _rad(self.pitch)
        x, y, z = v
        x, y = x * math.cos(p) - y * math.sin(p), x * math.sin(p) + y * math.cos(p)
        y, z = y * math.cos(r) - z * math.sin(r), y * math.sin(r) + z * math.cos(r)
        return (x, y, z)


def two_bone(root: Vec, target: Vec, first: float, second: float, pole: Vec) -> tuple[Vec, Vec]:
    """Place a knee or an elbow: the middle joint bends towards `pole`, lengths stay fixed.

    An unreachable target straightens the limb towards it (the end then falls short,
    which the pose checks report as a hand or foot off its surface)."""
    span = sub(target, root)
    d = min(max(norm(span), abs(first - second) + 1e-6), first + second - 1e-6)
    u = unit(span) if norm(span) > 1e-9 else (0.0, -1.0, 0.0)
    w = sub(pole, (u[0] * dot(pole, u), u[1] * dot(pole, u), u[2] * dot(pole, u)))
    w = unit(w) if norm(w) > 1e-9 else unit((u[1], -u[0], 0.0))
    cos_a = (first * first + d * d - second * second) / (2 * first * d)
    sin_a = math.sqrt(max(0.0, 1 - cos_a * cos_a))
    middle = add(root, add((u[0] * cos_a, u[1] * cos_a, u[2] * cos_a), w, sin_a), first)
    end = add(middle, unit(sub(add(root, u, d), middle)), second)
    return middle, end


def foot_points(ankle: Vec, toe_dir: Vec, up: Vec) -> tuple[Vec, Vec]:
    """Heel and toe of a foot whose sole points along `toe_dir`, `up` away from the sole."""
    sole = add(ankle, up, -ANKLE_HEIGHT)
    return add(sole, toe_dir, -HEEL_BACK), add(sole, toe_dir, TOE_FORWARD)


def segment_lengths(frame: Frame) -> dict[str, float]:
    """The length of every rigid segment of a posed frame (what the tests hold constant)."""
    out = {
        "lower_trunk": norm(sub(frame["mid"], frame["pelvis"])),
        "upper_trunk": norm(sub(frame["neck"], frame["mid"])),
        "neck": norm(sub(frame["head"], frame["neck"])),
        "hips": norm(sub(frame["l_hip"], frame["r_hip"])),
        "shoulders": norm(sub(frame["l_shoulder"], frame["r_shoulder"])),
    }
    for s in SIDES:
        out[f"{s}_upper_arm"] = norm(sub(frame[f"{s}_elbow"], frame[f"{s}_shoulder"]))
        out[f"{s}_forearm"] = norm(sub(frame[f"{s}_hand"], frame[f"{s}_elbow"]))
        out[f"{s}_thigh"] = norm(sub(frame[f"{s}_knee"], frame[f"{s}_hip"]))
        out[f"{s}_shank"] = norm(sub(frame[f"{s}_ankle"], frame[f"{s}_knee"]))
        out[f"{s}_foot"] = norm(sub(frame[f"{s}_toe"], frame[f"{s}_heel"]))
    return out


def _flex(v: Vec) -> float:
    """Body-frame swing of a direction (degrees from straight down towards the front)."""
    return math.degrees(math.atan2(v[0], -v[1]))


def _angle(a: Vec, b: Vec) -> float:
    return math.degrees(math.acos(max(-1.0, min(1.0, dot(unit(a), unit(b))))))


def _wrap(deg: float) -> float:
    return (deg + 180.0) % 360.0 - 180.0


def _hinge(upper: Vec, lower: Vec, way: int) -> float:
    """Flexion of a knee (way -1) or an elbow (way +1): negative when it bends backwards.
    The direction is read in the side plane, so only for a limb that moves in that plane."""
    angle = _angle(upper, lower)
    in_plane = abs(unit(upper)[2]) < 0.5 and abs(unit(lower)[2]) < 0.5
    backwards = way * _wrap(_flex(lower) - _flex(upper)) < -1
    return -angle if in_plane and backwards else angle


def joint_angles(frame: Frame, orientation: Orientation) -> dict[str, float]:
    """Anatomical joint angles of a posed frame, to check against JOINT_LIMITS."""
    body = {k: orientation.undo(v) for k, v in frame.items()}
    lower = sub(body["mid"], body["pelvis"])
    upper = sub(body["neck"], body["mid"])
    head = sub(body["head"], body["neck"])
    down = (-lower[0], -lower[1], -lower[2])
    chest_down = (-upper[0], -upper[1], -upper[2])
    hips = sub(body["l_hip"], body["r_hip"])
    shoulders = sub(body["l_shoulder"], body["r_shoulder"])
    out = {
        "spine_flexion": _wrap(_flex((upper[0], -upper[1], 0)) - _flex((lower[0], -lower[1], 0))),
        "trunk_side_bend": math.degrees(math.asin(max(-1.0, min(1.0, unit(upper)[2])))),
        "trunk_twist": _wrap(math.degrees(math.atan2(shoulders[0], shoulders[2]) - math.atan2(hips[0], hips[2]))),
        "neck_flexion": _wrap(_flex((head[0], -head[1], 0)) - _flex((upper[0], -upper[1], 0))),
    }
    for s in SIDES:
        sign = SIDE_SIGN[s]
        thigh = sub(body[f"{s}_knee"], body[f"{s}_hip"])
        shank = sub(body[f"{s}_ankle"], body[f"{s}_knee"])
        foot = sub(body[f"{s}_toe"], body[f"{s}_heel"])
        arm = sub(body[f"{s}_elbow"], body[f"{s}_shoulder"])
        fore = sub(body[f"{s}_hand"], body[f"{s}_elbow"])
        out[f"{s}_hip_flexion"] = _wrap(_flex(thigh) - _flex(down))
        out[f"{s}_hip_abduction"] = math.degrees(math.asin(max(-1.0, min(1.0, sign * unit(thigh)[2]))))
        out[f"{s}_knee_flexion"] = _hinge(thigh, shank, -1)
        out[f"{s}_ankle_dorsiflexion"] = _angle(shank, foot) - 90.0
        flexion = _wrap(_flex(arm) - _flex(chest_down))
        if flexion < -90:  # overhead past vertical reads as 180+, not -170
            flexion += 360
        # an arm raised mostly out to the side has no meaningful side-view angle: abduction governs
        out[f"{s}_shoulder_flexion"] = 0.0 if abs(unit(arm)[2]) > 0.6 else flexion
        out[f"{s}_shoulder_abduction"] = math.degrees(math.asin(max(-1.0, min(1.0, sign * unit(arm)[2]))))
        out[f"{s}_elbow_flexion"] = _hinge(arm, fore, 1)
    return out


def out_of_range(angles: Mapping[str, float]) -> list[str]:
    """Every joint angle outside its human range, as `joint=value (range lo..hi)`."""
    bad = []
    for name, value in angles.items():
        key = name[2:] if name[:2] in ("r_", "l_") else name
        lo, hi = JOINT_LIMITS[key]
        if not lo <= value <= hi:
            bad.append(f"{name}={value:.0f} (range {lo:.0f}..{hi:.0f})")
    return bad


def lerp(a: float, b: float, t: float) -> float:
    return a + (b - a) * t


def blend(first: Frame, second: Frame, t: float, bones: Sequence[tuple[str, str]], root: str) -> Frame:
    """A frame between two: every bone's direction turns smoothly (so lengths hold) and the
    root moves in a straight line; the rest is rebuilt bone by bone from the root."""
    out: Frame = {root: tuple(lerp(a, b, t) for a, b in zip(first[root], second[root], strict=True))}  # type: ignore[dict-item]
    for parent, child in bones:
        da, db = sub(first[child], first[parent]), sub(second[child], second[parent])
        length = norm(da)
        direction = unit(add((da[0] * (1 - t), da[1] * (1 - t), da[2] * (1 - t)), db, t))
        if norm(add(da, db)) < 1e-9:  # opposite directions: keep the first
            direction = unit(da)
        out[child] = add(out[parent], direction, length)
    return out
