"""The pose data behind the exercise figures: complete, anatomically possible, grounded,
true to the library's kit and sides, and right in the ways a coach would check."""

from __future__ import annotations

import copy
import math
import tomllib
from importlib import resources

import pytest

from runstrong.core.kinematics import (
    JOINT_LIMITS,
    SEGMENT,
    Orientation,
    joint_angles,
    norm,
    segment_lengths,
    sub,
    two_bone,
)
from runstrong.core.library import Library
from runstrong.core.model import Pattern
from runstrong.core.motion import loop, outward, tempo_seconds
from runstrong.core.pose import Pose, PoseError, parse_poses, pose_problems, posed
from runstrong.io.data_files import load_library, load_poses


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


@pytest.fixture(scope="module")
def poses() -> dict[str, Pose]:
    return load_poses()


@pytest.fixture(scope="module")
def raw() -> dict:
    return tomllib.loads(resources.files("runstrong.data").joinpath("poses.toml").read_text("utf-8"))


def _frames(pose: Pose) -> list[dict]:
    return [posed(pose, k) for k in pose.frames]


# ------------------------------------------------------------------------ completeness


def test_every_library_exercise_has_a_pose(library: Library, poses: dict[str, Pose]) -> None:
    assert sorted(set(library.ids()) - set(poses)) == []


def test_no_pose_names_an_exercise_the_library_lacks(library: Library, poses: dict[str, Pose]) -> None:
    assert sorted(set(poses) - set(library.ids())) == []


def test_every_pose_has_two_to_four_keyframes(poses: dict[str, Pose]) -> None:
    assert all(2 <= len(p.frames) <= 4 for p in poses.values())


# ------------------------------------------------------------------------ the body model


def test_segment_lengths_stay_constant_across_keyframes_and_in_betweens(poses: dict[str, Pose]) -> None:
    reference = None
    for exercise_id, pose in poses.items():
        for frame in outward(pose):
            lengths = segment_lengths(frame)
            reference = reference or lengths
            for name, value in lengths.items():
                assert value == pytest.approx(reference[name], abs=1e-6), f"{exercise_id}: {name}"


def test_every_joint_angle_stays_within_human_limits(poses: dict[str, Pose]) -> None:
    bad = {i: [p for p in pose_problems(pose) if "range" in p] for i, pose in poses.items()}
    assert {i: p for i, p in bad.items() if p} == {}


def test_contacts_rest_on_the_floor_or_a_prop_and_nothing_sinks(poses: dict[str, Pose]) -> None:
    bad = {i: [p for p in pose_problems(pose) if "range" not in p] for i, pose in poses.items()}
    assert {i: p for i, p in bad.items() if p} == {}


def test_limits_are_stated_for_every_joint_the_checks_measure(poses: dict[str, Pose]) -> None:
    pose = poses["goblet_squat"]
    angles = joint_angles(posed(pose, pose.frames[0]), Orientation())
    assert {name.removeprefix("r_").removeprefix("l_") for name in angles} == set(JOINT_LIMITS)


def test_a_knee_reaching_for_an_ankle_keeps_its_bone_lengths() -> None:
    for target in [(0.1, 0.1, 0.0), (0.3, 0.2, 0.1), (2.0, 0.0, 0.0), (0.0, 0.0, 0.0)]:
        hip = (0.0, 0.53, 0.0)
        knee, ankle = two_bone(hip, target, SEGMENT["thigh"], SEGMENT["shank"], (1.0, 0.0, 0.0))
        assert norm(sub(knee, hip)) == pytest.approx(SEGMENT["thigh"])
        assert norm(sub(ankle, knee)) == pytest.approx(SEGMENT["shank"])


def test_an_out_of_range_pose_is_reported_with_the_joint_and_its_range(raw: dict) -> None:
    data = copy.deepcopy(raw)
    data["exercise"]["glute_bridge"]["frames"] = [{}, {"r_leg": {"swing": 20, "bend": 175}}]
    problems = pose_problems(parse_poses(data)["glute_bridge"])
    assert any("r_knee_flexion=175" in p and "0..160" in p.replace("-2..", "0..") for p in problems)


# ------------------------------------------------------------------------ true to the library


def test_props_and_loads_show_exactly_the_equipment_the_exercise_needs(
    library: Library, poses: dict[str, Pose]
) -> None:
    # furniture is any one of a list: the figure may draw one of them (a bench for "bench or sofa")
    wrong = {
        e.id: (sorted(poses[e.id].items()), sorted(i.value for i in e.equipment))
        for e in library.exercises
        if poses[e.id].items() - {i.value for i in e.furniture} != {i.value for i in e.equipment}
    }
    assert wrong == {}


def test_one_side_works_exactly_when_the_library_calls_the_exercise_unilateral(
    library: Library, poses: dict[str, Pose]
) -> None:
    wrong = [e.id for e in library.exercises if (poses[e.id].working != "both") != e.unilateral]
    assert wrong == []


# ------------------------------------------------------------------------ a coach's checks


def test_hinges_squats_and_lunges_keep_a_neutral_spine(library: Library, poses: dict[str, Pose]) -> None:
    patterns = {Pattern.hinge, Pattern.squat, Pattern.lunge, Pattern.step}
    rounded = []
    for e in library.exercises:
        if e.pattern not in patterns or e.category.value in ("warm_up", "mobility"):
            continue
        for k, f in zip(poses[e.id].frames, _frames(poses[e.id]), strict=True):
            flexion = joint_angles(f, Orientation(k.pitch, k.roll))["spine_flexion"]
            if abs(flexion) > 5:
                rounded.append((e.id, round(flexion)))
    assert rounded == []


def test_split_squats_and_lunges_put_the_working_foot_in_front(library: Library, poses: dict[str, Pose]) -> None:
    wrong = []
    for e in library.exercises:
        pose = poses[e.id]
        if e.pattern != Pattern.lunge or pose.view != "side" or pose.working == "both":
            continue
        work, other = ("r", "l") if pose.working == "right" else ("l", "r")
        bottom = _frames(pose)[-1]
        if bottom[f"{work}_ankle"][0] <= bottom[f"{other}_ankle"][0]:
            wrong.append(e.id)
    assert wrong == []


def test_squatting_knees_track_out_over_the_feet_never_caving_in(library: Library, poses: dict[str, Pose]) -> None:
    caved = []
    for e in library.exercises:
        if e.pattern not in (Pattern.squat, Pattern.lunge, Pattern.hinge, Pattern.step, Pattern.landing):
            continue
        for f in _frames(poses[e.id]):
            for s, outward_sign in (("r", -1.0), ("l", 1.0)):
                hip, knee, ankle = f[f"{s}_hip"], f[f"{s}_knee"], f[f"{s}_ankle"]
                t = (knee[1] - hip[1]) / (ankle[1] - hip[1]) if ankle[1] != hip[1] else 0.5
                line_z = hip[2] + t * (ankle[2] - hip[2])
                if outward_sign * (knee[2] - line_z) < -0.01:
                    caved.append((e.id, s))
    assert caved == []


def test_planks_hold_shoulders_hips_and_ankles_in_one_line(poses: dict[str, Pose]) -> None:
    for exercise_id in ("front_plank", "long_lever_plank", "body_saw", "plank_shoulder_tap", "side_plank"):
        f = _frames(poses[exercise_id])[-1]
        shoulder, hip, ankle = f["r_shoulder"], f["r_hip"], f["r_ankle"]
        line, to_hip = sub(ankle, shoulder), sub(hip, shoulder)
        cross = norm(
            (
                line[1] * to_hip[2] - line[2] * to_hip[1],
                line[2] * to_hip[0] - line[0] * to_hip[2],
                line[0] * to_hip[1] - line[1] * to_hip[0],
            )
        )
        assert cross / norm(line) < 0.03, f"{exercise_id}: the hips sag or pike"


def test_a_single_leg_deadlift_holds_the_load_in_the_hand_opposite_the_standing_leg(
    poses: dict[str, Pose],
) -> None:
    for exercise_id in ("dumbbell_single_leg_romanian_deadlift", "kettlebell_single_leg_romanian_deadlift"):
        pose = poses[exercise_id]
        assert pose.working == "right" and pose.load is not None and pose.load.at == "l_hand", exercise_id


def test_a_suitcase_carry_holds_its_load_on_the_working_side(poses: dict[str, Pose]) -> None:
    pose = poses["suitcase_carry"]
    assert pose.load is not None and pose.load.at == f"{pose.working[0]}_hand"


# ------------------------------------------------------------------------ time


def test_tempo_reads_lowering_pause_lifting_pause_with_x_as_fast() -> None:
    assert tempo_seconds("3-1-1-0") == (3.0, 1.0, 1.0, 0.0)
    assert tempo_seconds("1-0-X-0")[2] == pytest.approx(0.5)
    with pytest.raises(ValueError, match="four parts"):
        tempo_seconds("3-1")


def test_a_squat_lowers_first_and_reaches_the_bottom_after_the_lowering_seconds(poses: dict[str, Pose]) -> None:
    pose = poses["goblet_squat"]  # tempo 3-1-1-0, lowering first
    beats = loop(pose, "3-1-1-0")
    bottom = outward(pose)[-1]
    first_bottom = next(b.time for b in beats if b.frame == bottom)
    assert first_bottom == pytest.approx(3.0)
    assert beats[-1].time == pytest.approx(5.0)


def test_a_bridge_lifts_first_and_holds_at_the_top(poses: dict[str, Pose]) -> None:
    pose = poses["glute_bridge"]  # tempo 2-0-1-2: lift 1 s, hold 2 s at the top
    beats = loop(pose, "2-0-1-2")
    top_times = [b.time for b in beats if b.frame == outward(pose)[-1]]
    assert top_times[0] == pytest.approx(1.0) and top_times[-1] == pytest.approx(3.0)
    assert math.isclose(beats[-1].time, 5.0)


# ------------------------------------------------------------------------ the data file


def test_a_malformed_entry_is_named_with_its_field(raw: dict) -> None:
    data = copy.deepcopy(raw)
    data["exercise"]["glute_bridge"]["view"] = "diagonal"
    with pytest.raises(PoseError, match=r"exercise glute_bridge: view"):
        parse_poses(data)


def test_a_keyframe_with_nothing_touching_must_say_it_is_in_the_air(raw: dict) -> None:
    data = copy.deepcopy(raw)
    data["exercise"]["calf_raise"]["frames"] = [{"contacts": []}]
    with pytest.raises(PoseError, match=r"calf_raise: frames\.0"):
        parse_poses(data)


def test_an_unknown_or_circular_base_is_reported(raw: dict) -> None:
    data = copy.deepcopy(raw)
    data["exercise"]["calf_raise"]["base"] = "no_such_base"
    with pytest.raises(PoseError, match="calf_raise: no base named 'no_such_base'"):
        parse_poses(data)
    data = copy.deepcopy(raw)
    data["base"]["stand"]["base"] = "hinge"
    with pytest.raises(PoseError, match="refers to itself"):
        parse_poses(data)


def test_mirroring_a_base_swaps_the_working_side_and_the_limbs(raw: dict) -> None:
    data = copy.deepcopy(raw)
    data["exercise"]["split_squat"]["mirror"] = True
    mirrored = parse_poses(data)["split_squat"]
    assert mirrored.working == "left"
    bottom = posed(mirrored, mirrored.frames[-1])
    assert bottom["l_ankle"][0] > bottom["r_ankle"][0]
