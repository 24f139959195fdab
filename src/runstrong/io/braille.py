"""An exercise figure in the terminal: the print still rasterised onto Unicode braille
(each character is a 2 x 4 grid of dots, so a 28-character line is 56 dots wide).

Pure: a pose in, rich `Text` lines out (the working side green, the start position dim).
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text

from runstrong.core.kinematics import Frame
from runstrong.core.motion import outward
from runstrong.core.pose import SURFACES, Pose

from .figures import INK, REST, WORK, WORK_FAR, body_strokes, load_anchor, project

DOT_BITS = ((0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80))  # [row][column] within a cell
BASE = 0x2800
# what a dot shows, strongest first: a character takes the style of its strongest dot
LAYERS = ("work", "body", "rest", "kit", "ghost")
STYLE = {"work": "bold green", "body": "bold", "rest": "grey62", "kit": "grey50", "ghost": "grey35"}
COLOUR_LAYER = {WORK: "work", WORK_FAR: "work", INK: "body", REST: "rest"}


class Canvas:
    """A grid of dots, each remembering the strongest layer drawn on it."""

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.dots: dict[tuple[int, int], int] = {}

    def dot(self, x: float, y: float, layer: str) -> None:
        col, row = round(x), round(y)
        if 0 <= col < self.width and 0 <= row < self.height:
            rank = LAYERS.index(layer)
            self.dots[(col, row)] = min(rank, self.dots.get((col, row), rank))

    def line(self, a: tuple[float, float], b: tuple[float, float], layer: str) -> None:
        steps = max(1, round(max(abs(b[0] - a[0]), abs(b[1] - a[1]))))
        for i in range(steps + 1):
            t = i / steps
            self.dot(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, layer)

    def ring(self, centre: tuple[float, float], radius: float, layer: str) -> None:
        for dx in range(-round(radius), round(radius) + 1):
            for dy in range(-round(radius), round(radius) + 1):
                if dx * dx + dy * dy <= radius * radius + 0.5:
                    self.dot(centre[0] + dx, centre[1] + dy, layer)

    def rows(self) -> list[Text]:
        """Braille lines, from the first row with a dot down."""
        out = []
        first = min((row for _, row in self.dots), default=0)
        for top in range(first - first % 4, self.height, 4):
            text = Text()
            for left in range(0, self.width, 2):
                bits, best = 0, len(LAYERS)
                for r in range(4):
                    for c in range(2):
                        rank = self.dots.get((left + c, top + r))
                        if rank is not None:
                            bits |= DOT_BITS[r][c]
                            best = min(best, rank)
                text.append(chr(BASE + bits), style=STYLE[LAYERS[best]] if bits else "")
            out.append(text)
        return out


def braille_figure(pose: Pose, columns: int = 28) -> list[Text]:
    """The still (start dim, end in colour) as braille lines, `columns` characters wide."""
    frames = outward(pose)
    first, last = frames[0], frames[-1]
    points = [project(p, pose.view, pose.camera) for f in (first, last) for p in f.values()]
    for p in pose.props:
        if p.kind in SURFACES:
            points += [project((p.x, p.top(), p.z - p.depth / 2), pose.view, pose.camera)]
            points += [project((p.x + p.width, p.y, p.z + p.depth / 2), pose.view, pose.camera)]
    x0, x1 = min(x for x, _ in points) - 8, max(x for x, _ in points) + 8
    y0, y1 = min(y for _, y in points) - 8, max(max(y for _, y in points), 0.0) + 2
    scale = (columns * 2 - 1) / (x1 - x0)
    height = min(int((y1 - y0) * scale) + 2, 64)
    height += -height % 4
    canvas = Canvas(columns * 2, height)

    def at(p: tuple[float, float]) -> tuple[float, float]:
        return ((p[0] - x0) * scale, (p[1] - y0) * scale)

    if pose.view != "top":
        canvas.line(at((x0, 0.0)), at((x1, 0.0)), "kit")
    _surfaces(canvas, pose, at)
    _body(canvas, pose, first, at, ghost=True)
    _body(canvas, pose, last, at, ghost=False)
    for x, y in load_anchor(pose, last):
        canvas.ring(at((x, y)), 1.5, "kit")
    return canvas.rows()


def _surfaces(canvas: Canvas, pose: Pose, at) -> None:  # type: ignore[no-untyped-def]
    for p in pose.props:
        if p.kind not in SURFACES:
            continue
        a = at(project((p.x, p.top(), p.z - p.depth / 2), pose.view, pose.camera))
        b = at(project((p.x + p.width, p.y, p.z + p.depth / 2), pose.view, pose.camera))
        for edge in ((a, (b[0], a[1])), ((b[0], a[1]), b), (b, (a[0], b[1])), ((a[0], b[1]), a)):
            canvas.line(edge[0], edge[1], "kit")


def _body(canvas: Canvas, pose: Pose, frame: Frame, at, ghost: bool) -> None:  # type: ignore[no-untyped-def]
    for stroke in body_strokes(pose, frame):
        layer = "ghost" if ghost else COLOUR_LAYER.get(stroke.colour, "body")
        for a, b in _pairs(stroke.points):
            ends = (at(project(frame[n], pose.view, pose.camera)) for n in (a, b))
            canvas.line(*ends, layer)
    canvas.ring(at(project(frame["head"], pose.view, pose.camera)), 1.6, "ghost" if ghost else "body")


def _pairs(points: Iterable[str]) -> list[tuple[str, str]]:
    """Consecutive point pairs of a stroke, breaking at '|'."""
    out, previous = [], None
    for p in points:
        if p == "|":
            previous = None
            continue
        if previous is not None:
            out.append((previous, p))
        previous = p
    return out
