"""A pose in time: one repetition as a loop of frames, paced by the exercise's tempo.

Tempo "3-1-1-0" is seconds of lowering, pause, lifting, pause (X: as fast as possible).
A pose's keyframes run from the first to the last and back; `Pose.first` says whether the
way out is the lowering (a squat: stand, then sit) or the lifting (a bridge: down, then up).
"""

from __future__ import annotations

from dataclasses import dataclass

from .kinematics import Frame, blend, norm, sub
from .pose import BONES, Pose, posed

FAST_SECONDS = 0.5  # an "X" in a tempo, drawn
UNTIMED = (1.2, 0.5, 1.2, 0.5)  # a drill with no tempo: an easy, readable pace
HOLD = (1.0, 3.0, 1.0, 0.8)  # an isometric hold: into position, hold, out, reset
STEPS = 3  # frames drawn per keyframe-to-keyframe move (the in-betweens turn the joints)
MIN_CYCLE = 1.2


@dataclass(frozen=True)
class Beat:
    """A frame and the second (from the start of the loop) it is shown at."""

    time: float
    frame: Frame


def tempo_seconds(tempo: str | None, hold: bool = False) -> tuple[float, float, float, float]:
    """Lowering, bottom pause, lifting, top pause in seconds."""
    if tempo is None:
        return HOLD if hold else UNTIMED
    parts = [FAST_SECONDS if p.upper() == "X" else float(p) for p in tempo.split("-")]
    if len(parts) != 4:
        raise ValueError(f"tempo {tempo!r}: give four parts like 3-1-1-0")
    return (parts[0], parts[1], parts[2], parts[3])


def _path(first: Frame, second: Frame, anchors: list[str]) -> list[Frame]:
    """In-betweens from one keyframe to the next, a shared contact held still."""
    fixed = next((a for a in anchors if norm(sub(first[a], second[a])) < 0.01), None)
    out = []
    for n in range(1, STEPS):
        mid = blend(first, second, n / STEPS, BONES, "pelvis")
        if fixed is not None:
            shift = sub(first[fixed], mid[fixed])
            mid = {k: (v[0] + shift[0], v[1] + shift[1], v[2] + shift[2]) for k, v in mid.items()}
        out.append(mid)
    return [*out, second]


def outward(pose: Pose) -> list[Frame]:
    """Every drawn frame from the first keyframe to the last, in-betweens included."""
    keys = [posed(pose, k) for k in pose.frames]
    frames = [keys[0]]
    for i in range(1, len(keys)):
        shared = [c for c in pose.frames[i - 1].contacts if c in pose.frames[i].contacts]
        frames += _path(keys[i - 1], keys[i], shared)
    return frames


def loop(pose: Pose, tempo: str | None, hold: bool = False) -> list[Beat]:
    """One repetition as timed frames: out to the last keyframe, pause, back, pause."""
    down, bottom, up, top = tempo_seconds(tempo, hold)
    out_s, far_pause, back_s, near_pause = (
        (down, bottom, up, top) if pose.first == "eccentric" else (up, top, down, bottom)
    )
    total = out_s + far_pause + back_s + near_pause
    scale = MIN_CYCLE / total if total < MIN_CYCLE else 1.0
    frames = outward(pose)
    n = len(frames) - 1
    beats = [Beat(out_s * scale * i / n, f) for i, f in enumerate(frames)]
    start_back = (out_s + far_pause) * scale
    if far_pause:
        beats.append(Beat(start_back, frames[-1]))
    beats += [Beat(start_back + back_s * scale * i / n, f) for i, f in enumerate(reversed(frames)) if i]
    if near_pause:
        beats.append(Beat(total * scale, frames[0]))
    return beats
