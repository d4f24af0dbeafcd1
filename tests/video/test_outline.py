"""The back's outline from a segmentation mask, and which side of the trunk is the back."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from hingecoach.core.kinematics import Landmark, default_video_thresholds
from hingecoach.core.kinematics.back import lumbar_bend
from hingecoach.video.outline import back_edge, behind_chord, frame_facing, trunk_chord

HIP, SHOULDER = np.array([200.0, 300.0]), np.array([200.0, 100.0])


def soft_edge_mask(edge_x: float, width: int = 400, height: int = 400) -> np.ndarray:
    """A person to the right of x = edge_x, with a one-pixel soft edge as a model gives."""
    x = np.arange(width, dtype=np.float32)[None, :].repeat(height, axis=0)
    return np.clip(x - edge_x + 0.5, 0.0, 1.0)


def torso_mask(bend: float) -> np.ndarray:
    """An upright trunk facing image right (hip at y 300, shoulder at y 100) whose back
    (left edge, x about 150) has buttocks below a fifth of the way up and a lower back
    (a quarter to two thirds of the way up) turning by ``bend`` degrees (negative: hollow)."""
    y = np.linspace(300, 100, 120)
    u = (300 - y) / 200
    curve = -np.tan(np.radians(bend) / 2) / 0.4
    glutes = np.where(u < 0.22, 0.12 * np.cos(np.pi / 2 * u / 0.22) ** 2, 0.0)
    back_x = 150 - 200 * (glutes + curve * (u - 0.45) ** 2)
    polygon = np.concatenate([np.stack([back_x, y], axis=1), [[260, 100], [260, 300]]])
    mask = np.zeros((400, 400), np.uint8)
    cv2.fillPoly(mask, [np.round(polygon * 16).astype(np.int32)], 255, cv2.LINE_AA, shift=4)
    mask[300:, 150:260] = 255  # the hips and legs below
    return mask.astype(np.float32) / 255


def test_the_edge_is_found_to_within_a_quarter_of_a_pixel():
    outline = back_edge(soft_edge_mask(100.3), HIP, SHOULDER, facing=1.0)
    assert outline is not None and len(outline) >= 20
    assert np.allclose(outline[:, 0], 100.3, atol=0.25)
    assert outline[:, 1].min() == pytest.approx(100) and outline[:, 1].max() == pytest.approx(300)


def test_the_edge_is_looked_for_behind_the_person():
    facing_left = back_edge(1 - soft_edge_mask(300.0), HIP, SHOULDER, facing=-1.0)
    assert facing_left is not None and np.allclose(facing_left[:, 0], 300.0, atol=0.25)
    assert back_edge(soft_edge_mask(100.0), HIP, SHOULDER, facing=-1.0) is None


@pytest.mark.parametrize("bend", [25.0, -25.0, 0.0])
def test_a_rounded_back_bends_positive_and_a_hollow_back_negative_for_the_kinematics(bend):
    outline = back_edge(torso_mask(bend), HIP, SHOULDER, facing=1.0)
    stretch = default_video_thresholds().back.stretch
    measured = lumbar_bend([outline], HIP[None], SHOULDER[None], 1.0, stretch)[0]
    assert measured == pytest.approx(bend, abs=2.0)


def test_no_outline_without_a_person_on_the_chord_or_a_usable_chord():
    empty = np.zeros((400, 400), np.float32)
    assert back_edge(empty, HIP, SHOULDER, 1.0) is None
    assert back_edge(soft_edge_mask(100.0), HIP, HIP + np.array([0, -5]), 1.0) is None
    assert back_edge(soft_edge_mask(100.0), HIP, SHOULDER, 0.0) is None


def test_an_outline_is_behind_the_chord_only_for_the_facing_it_was_taken_with():
    outline = back_edge(soft_edge_mask(100.0), HIP, SHOULDER, facing=1.0)
    assert behind_chord(outline, HIP, SHOULDER, 1.0)
    assert not behind_chord(outline, HIP, SHOULDER, -1.0)


def marks(**points: tuple[float, float, float]) -> dict[str, Landmark]:
    return {name: Landmark(*value) for name, value in points.items()}


def test_facing_is_voted_by_the_toes_then_by_the_nose():
    assert frame_facing(marks(left_heel=(100, 0, 1), left_foot_index=(130, 0, 1)), 0.5) == 1
    assert frame_facing(marks(right_heel=(100, 0, 1), right_foot_index=(70, 0, 1)), 0.5) == -1
    head = marks(nose=(80, 0, 1), left_shoulder=(100, 0, 1), right_shoulder=(104, 0, 1))
    assert frame_facing(head, 0.5) == -1
    assert frame_facing(marks(left_heel=(100, 0, 0.2), left_foot_index=(130, 0, 0.2)), 0.5) == 0


def test_the_chord_joins_the_middles_of_the_seen_hips_and_shoulders():
    seen = marks(
        left_hip=(100, 300, 0.9),
        right_hip=(110, 300, 0.9),
        left_shoulder=(100, 100, 0.9),
        right_shoulder=(300, 100, 0.1),
    )
    hip, shoulder = trunk_chord(seen, 0.5)
    assert hip.tolist() == [105, 300] and shoulder.tolist() == [100, 100]
    assert trunk_chord(marks(left_hip=(1, 1, 0.9)), 0.5) is None
