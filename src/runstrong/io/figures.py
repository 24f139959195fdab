"""Exercise figures as SVG: clean line art drawn from the pose data.

Two forms: an animated figure (SMIL inside the SVG, no script) that loops one repetition at
the exercise's tempo, and a still for print with the start ghosted under the end position.
The working side is green, the resting side grey, the kit dark grey, the path of the
key point dotted. Integer coordinates (1 unit = 1/100 of standing height) keep every figure
to a few kilobytes; presentation attributes (no <style>, no ids) let many figures share a
page without leaking CSS or clashing ids.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from html import escape

from runstrong.core.kinematics import HEAD_RADIUS, Frame, Vec
from runstrong.core.model import Exercise
from runstrong.core.motion import Beat, loop, outward
from runstrong.core.pose import SURFACES, Pose, Prop
from runstrong.io.data_files import load_poses

SCALE = 100.0
INK = "#1c2226"
WORK = "#0a6b4d"  # the working side (the web app's accent)
WORK_FAR = "#7fb5a1"  # the far limb when both sides work
REST = "#a4adb2"  # the side that is not working
KIT = "#4a555c"
SURFACE_FILL = "#e4e8e4"
BAND = "#c2571a"
GHOST = "#cdd3d6"
STROKE = 3.6
MIN_W, MIN_H = 110.0, 110.0  # the smallest view: a standing figure keeps its size across figures
VIEW_WORDS = {"side": "from the side", "front": "from the front", "top": "from above"}


@dataclass(frozen=True)
class Stroke:
    """One drawn line of the body: its points (by name) and colour."""

    points: tuple[str, ...]
    colour: str
    width: float = STROKE


def project(p: Vec, view: str, camera: float = 0.0) -> tuple[float, float]:
    """World point to SVG coordinates (y down) for a view; `camera` turns the front view's
    camera towards the figure's right side (90 would be the side view)."""
    x, y, z = p
    if view == "front":  # the camera faces the figure: its left is on the right of the picture
        c = math.radians(camera)
        return ((z * math.cos(c) + x * math.sin(c)) * SCALE, -y * SCALE)
    if view == "top":  # looking down, the figure's front to the right, its left up
        return (x * SCALE, -z * SCALE)
    return (x * SCALE, -y * SCALE)


def _depth(p: Vec, view: str, camera: float = 0.0) -> float:
    """Larger is further from the camera (drawn first)."""
    c = math.radians(camera)
    return {"side": p[2], "front": p[2] * math.sin(c) - p[0] * math.cos(c), "top": -p[1]}[view]


def body_strokes(pose: Pose, frame: Frame) -> list[Stroke]:
    """The figure's lines, far side first: legs and arms coloured by who works."""
    limbs = []
    for s in ("r", "l"):
        side = "right" if s == "r" else "left"
        working = pose.working in (side, "both")
        for chain in (
            (f"{s}_hip", f"{s}_knee", f"{s}_ankle", f"{s}_heel", f"{s}_toe"),
            (f"{s}_shoulder", f"{s}_elbow", f"{s}_hand"),
        ):
            depth = sum(_depth(frame[p], pose.view, pose.camera) for p in chain) / len(chain)
            limbs.append((depth, chain, WORK if working else REST))
    limbs.sort(key=lambda item: -item[0])
    if pose.working == "both" and pose.view == "side":  # the far pair in a lighter green, for depth
        limbs = [(d, c, WORK_FAR if n < 2 else colour) for n, (d, c, colour) in enumerate(limbs)]
    far, near = limbs[:2], limbs[2:]
    trunk = Stroke(("l_hip", "r_hip", "|", "pelvis", "mid", "neck", "head", "|", "l_shoulder", "r_shoulder"), INK, 4.2)
    return [*(Stroke(c, colour) for _, c, colour in far), trunk, *(Stroke(c, colour) for _, c, colour in near)]


def _pts(frame: Frame, names: Sequence[str], pose: Pose) -> list[tuple[int, int]]:
    return [tuple(round(v) for v in project(frame[n], pose.view, pose.camera)) for n in names if n != "|"]  # type: ignore[misc]


def _path_d(frame: Frame, names: Sequence[str], pose: Pose) -> str:
    out, pen = [], "M"
    for n in names:
        if n == "|":
            pen = "M"
            continue
        x, y = (round(v) for v in project(frame[n], pose.view, pose.camera))
        out.append(f"{pen}{x} {y}")
        pen = "L"
    return "".join(out)


def _points_attr(frame: Frame, names: Sequence[str], pose: Pose) -> str:
    return " ".join(f"{x},{y}" for x, y in _pts(frame, names, pose))


# ------------------------------------------------------------------------- the kit


def load_anchor(pose: Pose, frame: Frame) -> list[tuple[float, float]]:
    """Where the load is drawn in a frame (one place per bell held)."""
    if pose.load is None:
        return []
    at, view, camera = pose.load.at, pose.view, pose.camera

    def mid(a: str, b: str, lift: float = 0.0) -> tuple[float, float]:
        p, q = frame[a], frame[b]
        return project(((p[0] + q[0]) / 2, (p[1] + q[1]) / 2 + lift, (p[2] + q[2]) / 2), view, camera)

    if at == "hands":
        if pose.load.kind == "dumbbell":
            return [project(frame["r_hand"], view, camera), project(frame["l_hand"], view, camera)]
        return [mid("r_hand", "l_hand")]
    if at in ("r_hand", "l_hand"):
        return [project(frame[at], view, camera)]
    if at == "chest":
        return [mid("r_hand", "l_hand")]
    if at == "back":
        return [mid("neck", "neck", 0.0)]
    if at == "hips":
        return [mid("r_hip", "l_hip", 0.06)]
    return [mid("r_knee", "l_knee", 0.045)]


def load_shape(kind: str, view: str) -> str:
    """A load drawn at (0, 0): a dumbbell's end, a bell, a plate or a trap bar."""
    if kind == "dumbbell":
        return f'<rect x="-6" y="-4" width="12" height="8" rx="2" fill="{KIT}"/>'
    if kind == "backpack":  # a loaded rucksack hanging from its top handle
        return (
            f'<path d="M-3 -2V-6H3V-2" fill="none" stroke="{KIT}" stroke-width="2"/>'
            f'<rect x="-7.5" y="-2" width="15" height="16" rx="4.5" fill="{KIT}"/>'
            f'<path d="M-4.5 7.5H4.5" stroke="{SURFACE_FILL}" stroke-width="1.6"/>'
        )
    if kind == "kettlebell":
        return (
            f'<path d="M-4 0V-4H4V0" fill="none" stroke="{KIT}" stroke-width="2.2"/>'
            f'<circle cy="6" r="6.5" fill="{KIT}"/>'
        )
    plate = f'<circle r="11" fill="none" stroke="{KIT}" stroke-width="2.4"/>'
    if kind == "barbell" and view == "front":
        ends = "".join(f'<rect x="{x}" y="-11" width="6" height="22" fill="{KIT}"/>' for x in (-40, 34))
        return f'<path d="M-34 0H34" stroke="{KIT}" stroke-width="2.4"/>{ends}'
    if kind == "barbell":
        return f'{plate}<circle r="2.5" fill="{KIT}"/>'
    return f'<path d="M-17 0H17" stroke="{KIT}" stroke-width="2.6"/>{plate}'


def _surface(p: Prop, view: str, camera: float = 0.0) -> str:
    if view == "front":
        across = [
            project((x, 0.0, z), view, camera)[0]
            for x in (p.x, p.x + p.width)
            for z in (p.z - p.depth / 2, p.z + p.depth / 2)
        ]
        x0, x1 = min(across), max(across)
    else:
        x0, x1 = p.x * SCALE, (p.x + p.width) * SCALE
    if view == "top":
        y0, y1 = -(p.z + p.depth / 2) * SCALE, -(p.z - p.depth / 2) * SCALE
    else:
        y0, y1 = -p.top() * SCALE, -p.y * SCALE
    w, h = round(x1 - x0), round(y1 - y0)
    x, y = round(x0), round(y0)
    style = f'fill="{SURFACE_FILL}" stroke="{KIT}" stroke-width="1.6"'
    if p.kind == "bench" and view != "top":
        return (
            f'<rect x="{x}" y="{y}" width="{w}" height="5" {style}/>'
            f'<path d="M{x + 4} {y + 5}V{round(y1)}M{x + w - 4} {y + 5}V{round(y1)}" stroke="{KIT}" stroke-width="2"/>'
        )
    radius = ' rx="4"' if p.kind in ("balance_pad", "mat") else ""
    return f'<rect x="{x}" y="{y}" width="{w}" height="{h}"{radius} {style}/>'


def static_props(pose: Pose) -> list[str]:
    """The kit that stays put: surfaces, walls, a cable column."""
    out = []
    for p in pose.props:
        if p.kind in SURFACES:
            out.append(_surface(p, pose.view, pose.camera))
        elif p.kind in ("wall", "door") and pose.view != "top":
            x = round((p.z if pose.view == "front" else p.x) * SCALE)
            out.append(f'<path d="M{x} 0V-{round((p.height or 1.2) * SCALE)}" stroke="{KIT}" stroke-width="3"/>')
        elif p.kind == "cable":
            x, y = (round(v) for v in project((p.x, p.y, p.z), pose.view, pose.camera))
            if pose.view == "top":
                out.append(f'<circle cx="{x}" cy="{y}" r="5" fill="none" stroke="{KIT}" stroke-width="2"/>')
            else:
                bottom = 0 if pose.view != "top" else y
                out.append(f'<path d="M{x} {bottom}V{min(y, -110)}" stroke="{KIT}" stroke-width="3"/>')
                out.append(f'<circle cx="{x}" cy="{y}" r="3" fill="{KIT}"/>')
        elif p.kind == "band":
            x, y = (round(v) for v in project((p.x, p.y, p.z), pose.view, pose.camera))
            out.append(f'<circle cx="{x}" cy="{y}" r="3" fill="{KIT}"/>')
    return out


_ENDS = 'x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}"'


def _paint(colour: str, width: float) -> str:
    return f'stroke="{colour}" stroke-width="{width}"'


def moving_props(pose: Pose, frame: Frame) -> list[tuple[str, dict[str, float]]]:
    """Kit that follows the body, as (tag with {name} holes, the numbers for this frame)."""
    out = []
    for p in pose.props:
        if p.kind in ("band", "cable") and p.to:
            ax, ay = project((p.x, p.y, p.z), pose.view, pose.camera)
            bx, by = project(frame[p.to[0]], pose.view, pose.camera)
            colour, width = (BAND, 2.2) if p.kind == "band" else (KIT, 1.4)
            tag = f'<line x1="{round(ax)}" y1="{round(ay)}" x2="{{x2}}" y2="{{y2}}" {_paint(colour, width)}>'
            out.append((tag, {"x2": bx, "y2": by}))
        elif p.kind == "mini_band" and len(p.to) == 2:
            (ax, ay), (bx, by) = (project(frame[n], pose.view, pose.camera) for n in p.to)
            tag = f"<line {_ENDS} {_paint(BAND, 5)}>"
            out.append((tag, {"x1": ax, "y1": ay, "x2": bx, "y2": by}))
        elif p.kind == "stick" and len(p.to) == 2:
            (ax, ay), (bx, by) = (project(frame[n], pose.view, pose.camera) for n in p.to)
            dx, dy = bx - ax, by - ay
            tag = f"<line {_ENDS} {_paint(KIT, 2.4)}>"
            out.append((tag, {"x1": ax - 0.25 * dx, "y1": ay - 0.25 * dy, "x2": bx + 0.15 * dx, "y2": by + 0.15 * dy}))
        elif p.kind == "towel" and p.to:
            x, y = project(frame[p.to[0]], pose.view, pose.camera)
            out.append(('<rect x="{x}" y="{y}" width="16" height="3" fill="' + KIT + '">', {"x": x - 8, "y": y + 1}))
    return out


# ------------------------------------------------------------------------ the frame


def _bounds(pose: Pose, frames: Iterable[Frame]) -> tuple[float, float, float, float]:
    xs, ys = [], []
    for f in frames:
        for p in f.values():
            x, y = project(p, pose.view, pose.camera)
            xs.append(x)
            ys.append(y)
        for x, y in load_anchor(pose, f):
            xs += [x - 12, x + 12]
            ys += [y - 12, y + 14]
    for p in pose.props:
        if p.kind in SURFACES:
            corners = [(p.x, p.y, p.z - p.depth / 2), (p.x + p.width, p.top(), p.z + p.depth / 2)]
            for c in corners:
                x, y = project(c, pose.view, pose.camera)
                xs.append(x)
                ys.append(y)
        elif p.kind in ("band", "cable"):
            x, y = project((p.x, p.y, p.z), pose.view, pose.camera)
            xs.append(x)
            ys.append(y)
    pad = HEAD_RADIUS * SCALE + 6
    x0, x1, y0, y1 = min(xs) - pad, max(xs) + pad, min(ys) - pad, max(ys) + pad
    if pose.view != "top":
        y1 = max(y1, 6.0)  # the floor line shows
    w, h = max(x1 - x0, MIN_W), max(y1 - y0, MIN_H)
    if w / h < 1.1:  # never narrower than 11:10, so figures line up in a row
        w = h * 1.1
    cx = (x0 + x1) / 2
    top = y1 - h if pose.view != "top" else (y0 + y1) / 2 - h / 2
    return (round(cx - w / 2), round(top), round(w), round(h))


def _open(view_box: tuple[float, float, float, float], label: str) -> str:
    x, y, w, h = view_box
    text = escape(label)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{x} {y} {w} {h}" role="img" aria-label="{text}" '
        f'class="exercise-figure" fill="none" stroke-linecap="round" stroke-linejoin="round"><title>{text}</title>'
    )


def _ground(pose: Pose, view_box: tuple[float, float, float, float]) -> str:
    if pose.view == "top":
        return ""
    x, _, w, _ = view_box
    return f'<path d="M{x} 0H{x + w}" stroke="{KIT}" stroke-width="1.6"/>'


def _trace(pose: Pose, frames: Sequence[Frame]) -> str:
    path = (project(f[pose.trace], pose.view, pose.camera) for f in frames)
    pts = " ".join(f"{round(x)},{round(y)}" for x, y in path)
    return f'<polyline points="{pts}" stroke="{WORK}" stroke-width="1.6" stroke-dasharray="2 4" opacity="0.7"/>'


def label(exercise: Exercise, pose: Pose, still: bool) -> str:
    side = {"both": "both sides work", "right": "the working side in green", "left": "the working side in green"}
    how = "start in light grey, end in colour" if still else "moving through one repetition"
    return f"{exercise.name}, drawn {VIEW_WORDS[pose.view]}: {how}; {side[pose.working]}"


def _body(pose: Pose, frame: Frame, ghost: bool = False) -> list[str]:
    out = []
    for s in body_strokes(pose, frame):
        colour = GHOST if ghost else s.colour
        if "|" in s.points:
            out.append(f'<path d="{_path_d(frame, s.points, pose)}" stroke="{colour}" stroke-width="{s.width}"/>')
        else:
            points = _points_attr(frame, s.points, pose)
            out.append(f'<polyline points="{points}" {_paint(colour, s.width)}/>')
    hx, hy = (round(v) for v in project(frame["head"], pose.view, pose.camera))
    out.append(f'<circle cx="{hx}" cy="{hy}" r="{round(HEAD_RADIUS * SCALE)}" fill="{GHOST if ghost else INK}"/>')
    return out


def _loads(pose: Pose, frame: Frame) -> list[str]:
    if pose.load is None:
        return []
    shape = load_shape(pose.load.kind, pose.view)
    return [f'<g transform="translate({round(x)} {round(y)})">{shape}</g>' for x, y in load_anchor(pose, frame)]


def still_svg(exercise: Exercise, pose: Pose) -> str:
    """The print figure: the start position ghosted, the end position drawn, the path dotted."""
    frames = outward(pose)
    first, last = frames[0], frames[-1]
    box = _bounds(pose, frames)
    parts = [_open(box, label(exercise, pose, still=True)), _ground(pose, box), *static_props(pose)]
    parts += _body(pose, first, ghost=True)
    parts.append(_trace(pose, frames))
    for tag, values in moving_props(pose, last):
        parts.append(tag.format(**{k: round(v) for k, v in values.items()}).replace(">", "/>", 1))
    parts += _body(pose, last) + _loads(pose, last)
    return "".join(parts) + "</svg>"


def animated_svg(exercise: Exercise, pose: Pose) -> str:
    """The moving figure: one repetition at the exercise's tempo, looping (SMIL, no script)."""
    beats = loop(pose, exercise.tempo, hold=exercise.dose.seconds is not None)
    frames = [b.frame for b in beats]
    box = _bounds(pose, frames)
    dur, times = _timing(beats)
    anim = f'dur="{dur}s" repeatCount="indefinite" keyTimes="{times}"'
    first = frames[0]
    parts = [_open(box, label(exercise, pose, still=False)), _ground(pose, box), *static_props(pose)]
    parts.append(_trace(pose, outward(pose)))
    moving = [moving_props(pose, f) for f in frames]
    for i, (tag, values) in enumerate(moving[0]):
        animations = "".join(
            f'<animate attributeName="{k}" {anim} values="{";".join(str(round(m[i][1][k])) for m in moving)}"/>'
            for k in values
        )
        closing = "</line>" if tag.startswith("<line") else "</rect>"
        parts.append(tag.format(**{k: round(v) for k, v in values.items()}) + animations + closing)
    for s in body_strokes(pose, first):
        if "|" in s.points:
            values = ";".join(_path_d(f, s.points, pose) for f in frames)
            parts.append(
                f'<path d="{_path_d(first, s.points, pose)}" stroke="{s.colour}" stroke-width="{s.width}">'
                f'<animate attributeName="d" {anim} values="{values}"/></path>'
            )
        else:
            values = ";".join(_points_attr(f, s.points, pose) for f in frames)
            parts.append(
                f'<polyline points="{_points_attr(first, s.points, pose)}" stroke="{s.colour}" '
                f'stroke-width="{s.width}"><animate attributeName="points" {anim} values="{values}"/></polyline>'
            )
    heads = [tuple(round(v) for v in project(f["head"], pose.view, pose.camera)) for f in frames]
    parts.append(
        f'<circle cx="{heads[0][0]}" cy="{heads[0][1]}" r="{round(HEAD_RADIUS * SCALE)}" fill="{INK}">'
        f'<animate attributeName="cx" {anim} values="{";".join(str(h[0]) for h in heads)}"/>'
        f'<animate attributeName="cy" {anim} values="{";".join(str(h[1]) for h in heads)}"/></circle>'
    )
    if pose.load is not None:
        shape = load_shape(pose.load.kind, pose.view)
        places = [load_anchor(pose, f) for f in frames]
        for n in range(len(places[0])):
            moves = ";".join(f"{round(p[n][0])} {round(p[n][1])}" for p in places)
            parts.append(
                f'<g transform="translate({round(places[0][n][0])} {round(places[0][n][1])})">{shape}'
                f'<animateTransform attributeName="transform" type="translate" {anim} values="{moves}"/></g>'
            )
    return "".join(parts) + "</svg>"


def _timing(beats: Sequence[Beat]) -> tuple[str, str]:
    total = beats[-1].time or 1.0
    times = ";".join(f"{b.time / total:.3f}".rstrip("0").rstrip(".") or "0" for b in beats)
    return f"{total:.2f}".rstrip("0").rstrip("."), times


@cache
def figure_svg(exercise_id: str, animated: bool = True, decorative: bool = False) -> str:
    """The shipped library's figure for an exercise (empty when it has no pose). A decorative
    figure (beside the exercise's name, as on a ladder) is hidden from screen readers."""
    from runstrong.io.data_files import load_library

    library, poses = load_library(), load_poses()
    if exercise_id not in library or exercise_id not in poses:
        return ""
    draw = animated_svg if animated else still_svg
    svg = draw(library.get(exercise_id), poses[exercise_id])
    if decorative:
        head, rest = svg.split(' role="img" aria-label="', 1)
        svg = head + ' aria-hidden="true"' + rest.split('"', 1)[1]
    return svg
