"""Exercise figures as SVG, read back with Python's XML parser: valid, small, labelled for
screen readers, animated at the tempo (SMIL, no script) and still for print."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from runstrong.core.library import Library
from runstrong.core.pose import Pose
from runstrong.io.data_files import load_library, load_poses
from runstrong.io.figures import REST, WORK, animated_svg, figure_svg, still_svg

SVG = "{http://www.w3.org/2000/svg}"
MAX_BYTES = 8 * 1024


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


@pytest.fixture(scope="module")
def poses() -> dict[str, Pose]:
    return load_poses()


@pytest.fixture(scope="module")
def figures(library: Library, poses: dict[str, Pose]) -> dict[tuple[str, str], str]:
    out = {}
    for e in library.exercises:
        out[(e.id, "animated")] = animated_svg(e, poses[e.id])
        out[(e.id, "still")] = still_svg(e, poses[e.id])
    return out


def test_every_figure_is_valid_xml_under_eight_kilobytes(figures: dict[tuple[str, str], str]) -> None:
    too_big = {}
    for key, svg in figures.items():
        root = ET.fromstring(svg)
        assert root.tag == f"{SVG}svg", key
        if len(svg.encode("utf-8")) >= MAX_BYTES:
            too_big[key] = len(svg.encode("utf-8"))
    assert too_big == {}


def test_every_figure_has_a_title_and_an_image_role_for_screen_readers(
    figures: dict[tuple[str, str], str], library: Library
) -> None:
    for (exercise_id, _), svg in figures.items():
        root = ET.fromstring(svg)
        title = root.find(f"{SVG}title")
        assert title is not None and library.get(exercise_id).name in (title.text or "")
        assert root.get("role") == "img" and root.get("aria-label") == title.text


def test_figures_carry_no_script_no_style_element_and_no_ids(figures: dict[tuple[str, str], str]) -> None:
    for key, svg in figures.items():
        root = ET.fromstring(svg)
        tags = {el.tag.removeprefix(SVG) for el in root.iter()}
        assert not tags & {"script", "style", "foreignObject"}, key
        assert all(el.get("id") is None for el in root.iter()), key


def test_the_animation_loops_one_repetition_at_the_exercise_tempo(figures: dict[tuple[str, str], str]) -> None:
    root = ET.fromstring(figures[("goblet_squat", "animated")])  # tempo 3-1-1-0
    animations = [el for el in root.iter() if el.tag in (f"{SVG}animate", f"{SVG}animateTransform")]
    assert animations
    assert {a.get("dur") for a in animations} == {"5s"}
    assert {a.get("repeatCount") for a in animations} == {"indefinite"}
    key_times = animations[0].get("keyTimes", "").split(";")
    assert len(key_times) == len(animations[0].get("values", "").split(";"))
    assert float(key_times[0]) == 0 and float(key_times[-1]) == 1


def test_the_still_shows_the_start_ghosted_and_the_end_in_colour_without_animation(
    figures: dict[tuple[str, str], str],
) -> None:
    svg = figures[("split_squat", "still")]
    root = ET.fromstring(svg)
    assert not [el for el in root.iter() if el.tag.startswith(f"{SVG}animate")]
    assert WORK in svg and REST in svg and "#cdd3d6" in svg


def test_the_working_side_is_green_and_the_other_grey_only_when_one_side_works(
    figures: dict[tuple[str, str], str], poses: dict[str, Pose]
) -> None:
    for (exercise_id, kind), svg in figures.items():
        pose = poses[exercise_id]
        assert WORK in svg, exercise_id
        assert (f'stroke="{REST}"' in svg) == (pose.working != "both"), (exercise_id, kind)


def test_the_dotted_path_and_the_floor_line_are_drawn(figures: dict[tuple[str, str], str]) -> None:
    root = ET.fromstring(figures[("romanian_deadlift", "still")])
    assert any(el.get("stroke-dasharray") for el in root.iter(f"{SVG}polyline"))
    assert any((el.get("d") or "").startswith("M") and "H" in (el.get("d") or "") for el in root.iter(f"{SVG}path"))


def test_the_shipped_figure_of_an_unknown_exercise_is_empty() -> None:
    assert figure_svg("no_such_exercise") == ""
    assert figure_svg("goblet_squat", animated=False).startswith("<svg")
