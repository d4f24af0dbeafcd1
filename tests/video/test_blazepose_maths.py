"""The BlazePose pre- and post-processing with known values: anchors, the detector's
decoding and suppression, the region of interest, the crop's map and its inverse, the
heatmap refinement and the smoothing."""

from __future__ import annotations

import math

import numpy as np
import pytest

from hingecoach.video.blazepose.anchors import ssd_anchors
from hingecoach.video.blazepose.detector import (
    Detection,
    decode,
    letterboxed,
    shifted,
    square_tiles,
    weighted_nms,
)
from hingecoach.video.blazepose.landmarks import refined
from hingecoach.video.blazepose.roi import (
    Roi,
    crop_matrix,
    normalized_angle,
    roi_from_points,
    to_crop,
    to_image,
)
from hingecoach.video.blazepose.smoothing import BODY_FILTER, PointFilter, VisibilityFilter


def test_the_detector_has_2254_anchors_on_three_feature_maps():
    anchors = ssd_anchors()
    assert anchors.shape == (2254, 2)
    # stride 8: 28x28 cells, 2 anchors each, the first cell's centre at half a cell
    assert anchors[0] == pytest.approx([0.5 / 28, 0.5 / 28])
    assert anchors[1] == pytest.approx(anchors[0])
    assert anchors[2] == pytest.approx([1.5 / 28, 0.5 / 28])
    # stride 16 starts after 28*28*2; stride 32 (three layers) after 14*14*2 more, 6 a cell
    assert anchors[1568] == pytest.approx([0.5 / 14, 0.5 / 14])
    assert anchors[1960] == pytest.approx([0.5 / 7, 0.5 / 7])
    assert anchors[1965] == pytest.approx(anchors[1960])
    assert anchors[1966] == pytest.approx([1.5 / 7, 0.5 / 7])
    assert anchors[-1] == pytest.approx([6.5 / 7, 6.5 / 7])


def test_a_detection_is_decoded_relative_to_its_anchor_in_input_pixels():
    anchors = np.array([[0.5, 0.5], [0.25, 0.75]])
    raw = np.zeros((2, 12))
    raw[1, :4] = [10.0, -20.0, 40.0, 60.0]  # x, y offsets, width, height
    raw[1, 4:6] = [3.0, 4.0]  # first keypoint's offset
    scores = np.array([[-5.0], [2.0]])
    probability, boxes, points = decode(raw, scores, anchors, min_score=0.5)
    assert probability == pytest.approx([1 / (1 + math.exp(-2.0))])
    left, top = 0.25 * 224 + 10 - 20, 0.75 * 224 - 20 - 30
    assert boxes[0] == pytest.approx([left, top, left + 40, top + 60])
    assert points[0, 0] == pytest.approx([0.25 * 224 + 3, 0.75 * 224 + 4])
    assert points[0, 1] == pytest.approx([0.25 * 224, 0.75 * 224])


def test_overlapping_detections_merge_weighted_by_score_and_a_separate_one_stays():
    scores = np.array([0.9, 0.6, 0.8])
    boxes = np.array([[0, 0, 10, 10], [1, 0, 11, 10], [50, 50, 60, 60]], dtype=float)
    points = np.array([[[0, 0]] * 4, [[10, 0]] * 4, [[55, 55]] * 4], dtype=float)
    kept = weighted_nms(scores, boxes, points)
    assert [score for score, _, _ in kept] == pytest.approx([0.9, 0.8])
    assert kept[0][1] == pytest.approx([0.4, 0, 10.4, 10])  # (0.9*0 + 0.6*1) / 1.5
    assert kept[0][2][0] == pytest.approx([4.0, 0.0])
    assert kept[1][1] == pytest.approx([50, 50, 60, 60])


def test_a_portrait_image_is_letterboxed_with_bars_left_and_right():
    image = np.full((448, 224, 3), 255, dtype=np.uint8)
    tensor, box = letterboxed(image)
    assert tensor.shape == (224, 224, 3)
    assert (box.scale, box.pad_x, box.pad_y) == (0.5, 56, 0)
    assert tensor[:, :56].max() == -1.0 and tensor[:, 56:168].min() == 1.0
    corners = box.to_image(np.array([[56.0, 0.0], [168.0, 224.0]]))
    np.testing.assert_allclose(corners, [[0, 0], [224, 448]])


@pytest.mark.parametrize(
    ("toward", "rotation"),
    [
        ((100.0, 60.0), 0.0),  # straight up: upright
        ((140.0, 100.0), math.pi / 2),  # to the right: turned a quarter clockwise
        ((60.0, 100.0), -math.pi / 2),
        ((100.0, 140.0), -math.pi),  # upside down
    ],
)
def test_the_region_turns_the_alignment_vector_upright(toward, rotation):
    roi = roi_from_points(np.array([100.0, 100.0]), np.array(toward))
    assert roi.centre == (100.0, 100.0)
    assert roi.side == pytest.approx(2 * 40 * 1.25)
    assert roi.rotation == pytest.approx(rotation)


def test_angles_wrap_into_minus_pi_to_pi():
    assert normalized_angle(3 * math.pi / 2) == pytest.approx(-math.pi / 2)
    assert normalized_angle(math.pi) == pytest.approx(-math.pi)


def test_the_crop_maps_its_corners_onto_the_rotated_square_and_back():
    roi = Roi(centre=(300.0, 200.0), side=100.0, rotation=math.pi / 2)
    matrix = crop_matrix(roi, 256)
    corners = np.array([[0.0, 0.0], [256.0, 0.0], [256.0, 256.0], [128.0, 128.0]])
    # a quarter turn clockwise: the crop's top-left lands at the square's top-right
    np.testing.assert_allclose(
        to_image(corners, matrix), [[350, 150], [350, 250], [250, 250], [300, 200]], atol=1e-9
    )
    points = np.array([[12.5, 200.0], [99.0, 3.0]])
    np.testing.assert_allclose(to_crop(to_image(points, matrix), matrix), points)


def test_a_landmark_moves_to_its_heatmaps_weighted_peak():
    heatmap = np.full((64, 64, 2), -20.0)
    heatmap[10, 20, 0] = 20.0  # a sure peak near the first point
    heatmap[10, 22, 0] = 20.0
    points = np.array([[21.4 / 64, 10.2 / 64], [0.5, 0.5]])
    out = refined(points, heatmap)
    assert out[0] == pytest.approx([21 / 64, 10 / 64], abs=1e-6)
    assert out[1] == pytest.approx([0.5, 0.5])  # no confident cell: left alone


def test_a_still_point_is_held_and_a_jump_is_followed():
    smooth = PointFilter(BODY_FILTER, rate=15.0)
    # a pixel of flicker on a person 400 px tall is mostly taken out
    still = [
        smooth(np.array([[100.0 + noise, 100.0]]), 400.0)[0, 0]
        for noise in (0.0, 1.0, -1.0, 1.0, -1.0)
    ]
    assert np.ptp(still[1:]) < 1.0
    # a move of a quarter of the body is followed within a few frames
    moved = [smooth(np.array([[200.0, 100.0]]), 400.0)[0, 0] for _ in range(4)]
    assert moved[-1] > 190


def test_visibility_follows_a_tenth_of_each_change():
    smooth = VisibilityFilter()
    assert smooth(np.array([1.0])) == pytest.approx([1.0])
    assert smooth(np.array([0.0])) == pytest.approx([0.9])


def test_square_tiles_cover_a_landscape_frame_from_end_to_end_with_overlap():
    tiles = square_tiles(1920, 1080)
    assert tiles == [(0, 0, 1080), (420, 0, 1080), (840, 0, 1080)]
    assert tiles[-1][0] + tiles[-1][2] == 1920


def test_square_tiles_run_down_a_portrait_frame_and_a_square_needs_none():
    assert square_tiles(720, 1280) == [(0, 0, 720), (0, 280, 720), (0, 560, 720)]
    assert square_tiles(500, 500) == []


def test_a_tiles_detection_is_moved_into_the_whole_images_pixels():
    found = Detection(
        0.9,
        np.array([10.0, 20.0, 30.0, 60.0]),
        np.array([[15.0, 25.0], [16.0, 26.0], [17.0, 27.0], [18.0, 28.0]]),
    )
    moved = shifted(found, 420, 0)
    assert moved.box.tolist() == [430.0, 20.0, 450.0, 60.0]
    assert moved.keypoints[:, 0].tolist() == [435.0, 436.0, 437.0, 438.0]
    assert moved.keypoints[:, 1].tolist() == [25.0, 26.0, 27.0, 28.0]
