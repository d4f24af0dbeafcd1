"""The person detector: where a person is in the whole image, as a box and four
keypoints (mid-hip, a point giving the full body's size and rotation, mid-shoulder, the
upper body's point), from ``pose_detection.tflite``.

Facts from ``pose_detection_cpu.pbtxt``: the image is letterboxed into 224x224 (aspect
kept, black bars) with values in -1..1; the model gives 2254 x 12 regressors and 2254
scores; a score is the sigmoid of the raw value clipped to +-100; a box is
(x centre, y centre, width, height) and each keypoint (x, y), all in input pixels
relative to the anchor's centre; weighted non-maximum suppression at an IoU of 0.3.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np

from hingecoach.core.kinematics import default_video_thresholds
from hingecoach.core.kinematics.thresholds import AdapterRules
from hingecoach.video.blazepose.anchors import INPUT_SIZE, ssd_anchors

MIN_SCORE = 0.5
NMS_IOU = 0.3
SCORE_CLIP = 100.0
KEYPOINTS = 4
MID_HIP, FULL_BODY = 0, 1


@dataclass(frozen=True)
class Detection:
    """``box``: (left, top, right, bottom); ``keypoints``: (4, 2); image pixels."""

    score: float
    box: np.ndarray
    keypoints: np.ndarray


@dataclass(frozen=True)
class Letterbox:
    """How the image sits in the square input: its scale and the bars' offsets (pixels
    of the input)."""

    scale: float
    pad_x: float
    pad_y: float

    def to_image(self, points: np.ndarray) -> np.ndarray:
        """(..., 2) input pixels to image pixels."""
        return (points - np.array([self.pad_x, self.pad_y])) / self.scale


def letterboxed(image_rgb: np.ndarray, size: int = INPUT_SIZE) -> tuple[np.ndarray, Letterbox]:
    """The image fitted into ``size`` x ``size`` (black bars), as float32 in -1..1."""
    height, width = image_rgb.shape[:2]
    scale = size / max(width, height)
    new_w, new_h = max(1, round(width * scale)), max(1, round(height * scale))
    resized = cv2.resize(image_rgb, (new_w, new_h), interpolation=cv2.INTER_AREA)
    pad_x, pad_y = (size - new_w) // 2, (size - new_h) // 2
    canvas = np.zeros((size, size, 3), dtype=np.uint8)
    canvas[pad_y : pad_y + new_h, pad_x : pad_x + new_w] = resized
    tensor = canvas.astype(np.float32) * (2.0 / 255.0) - 1.0
    return tensor, Letterbox(new_w / width, pad_x, pad_y)


def decode(
    raw: np.ndarray,
    scores: np.ndarray,
    anchors: np.ndarray,
    min_score: float = MIN_SCORE,
    size: int = INPUT_SIZE,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(scores (m,), boxes (m, 4) as left, top, right, bottom, keypoints (m, 4, 2)) in
    input pixels, for the anchors whose score reaches ``min_score``."""
    logits = np.clip(scores.reshape(-1).astype(np.float64), -SCORE_CLIP, SCORE_CLIP)
    probability = 1.0 / (1.0 + np.exp(-logits))
    keep = probability >= min_score
    raw, centres = raw[keep], anchors[keep] * size
    middle = raw[:, :2] + centres
    half = raw[:, 2:4] / 2.0
    boxes = np.concatenate([middle - half, middle + half], axis=1)
    points = raw[:, 4 : 4 + 2 * KEYPOINTS].reshape(-1, KEYPOINTS, 2) + centres[:, None, :]
    return probability[keep], boxes, points


def iou(box: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    """Intersection over union of one box with each of ``boxes``."""
    low = np.maximum(box[:2], boxes[:, :2])
    high = np.minimum(box[2:], boxes[:, 2:])
    inter = np.prod(np.clip(high - low, 0.0, None), axis=1)
    area = np.prod(box[2:] - box[:2])
    areas = np.prod(boxes[:, 2:] - boxes[:, :2], axis=1)
    union = area + areas - inter
    return np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)


def weighted_nms(
    scores: np.ndarray, boxes: np.ndarray, points: np.ndarray, threshold: float = NMS_IOU
) -> list[tuple[float, np.ndarray, np.ndarray]]:
    """Best first: each kept detection is the score-weighted mean of the boxes and
    keypoints overlapping the best remaining one by more than ``threshold`` (its score
    is the best one's)."""
    order = np.argsort(-scores, kind="stable")
    kept = []
    while order.size:
        overlap = iou(boxes[order[0]], boxes[order]) > threshold
        group = order[overlap]
        weights = scores[group] / scores[group].sum()
        kept.append(
            (
                float(scores[order[0]]),
                weights @ boxes[group],
                np.tensordot(weights, points[group], axes=1),
            )
        )
        order = order[~overlap]
    return kept


class PersonDetector:
    """The detector model on whole images; ``detect`` returns people best first.
    ``search``: the video thresholds' ``adapter`` section, for the search around a person
    lost (default: the shipped file's)."""

    def __init__(
        self,
        interpreter: Any,
        min_score: float = MIN_SCORE,
        search: AdapterRules | None = None,
    ) -> None:
        self._search = search or default_video_thresholds().adapter
        self._model = interpreter
        self._input = interpreter.get_input_details()[0]["index"]
        outputs = {d["name"]: d["index"] for d in interpreter.get_output_details()}
        self._regressors, self._scores = outputs["Identity"], outputs["Identity_1"]
        self._anchors = ssd_anchors()
        self._min_score = min_score

    def detect(
        self,
        image_rgb: np.ndarray,
        near: tuple[tuple[float, float], float] | None = None,
        last_seen: tuple[tuple[float, float], float] | None = None,
    ) -> list[Detection]:
        """People in the whole image; when there is none, in square tiles of it (a
        person a third of a landscape frame's height is a few dozen pixels tall in the
        whole frame's 224 px input, too small for the detector; in a tile as tall as the
        frame they are a third of it). ``near`` (centre, side): when checking a person
        already followed there, one square window around them replaces the tiles (one
        inference where the tiles take three). ``last_seen`` (centre, side of their
        region): where a person lost was last followed; when the tiles find no one
        either, a square ``lost_search_side`` times that side around it is searched (a
        person a fifth of the frame's height is too small even in a tile as tall as the
        frame, more so folded at a rep's bottom): one inference more, and only on a
        frame where no one was found."""
        found = self._detect_in(image_rgb)
        if found:
            return found
        width, height = image_rgb.shape[1::-1]
        tiles = square_tiles(width, height) if near is None else [window(width, height, *near)]
        found = self._in_tiles(image_rgb, tiles)
        if not found and last_seen is not None:
            side = self._search.lost_search_side * last_seen[1]
            local = local_window(width, height, last_seen[0], side, self._search.min_search_px)
            found = self._in_tiles(image_rgb, [local] if local is not None else [])
        return found

    def _in_tiles(
        self, image_rgb: np.ndarray, tiles: list[tuple[int, int, int]]
    ) -> list[Detection]:
        found: list[Detection] = []
        for left, top, side in tiles:
            tile = self._detect_in(image_rgb[top : top + side, left : left + side])
            found += [shifted(d, left, top) for d in tile]
        return sorted(found, key=lambda d: -d.score)

    def _detect_in(self, image_rgb: np.ndarray) -> list[Detection]:
        tensor, box = letterboxed(image_rgb)
        self._model.set_tensor(self._input, tensor[None])
        self._model.invoke()
        raw = self._model.get_tensor(self._regressors)[0]
        scores = self._model.get_tensor(self._scores)[0]
        found = weighted_nms(*decode(raw, scores, self._anchors, self._min_score))
        return [
            Detection(
                score, box.to_image(corners.reshape(2, 2)).reshape(4), box.to_image(keypoints)
            )
            for score, corners, keypoints in found
        ]


def square_tiles(width: int, height: int) -> list[tuple[int, int, int]]:
    """(left, top, side) of the squares as big as the image's short side that cover it
    with overlap: both ends and the middle of the long side (none for a square image)."""
    side = min(width, height)
    slack = max(width, height) - side
    if slack <= 0:
        return []
    offsets = sorted({0, slack // 2, slack})
    return [(o, 0, side) if width > height else (0, o, side) for o in offsets]


def window(
    width: int,
    height: int,
    centre: tuple[float, float],
    side: float,
) -> tuple[int, int, int]:
    """(left, top, side) of a square at least as big as the image's short side (at most
    its long side) around ``centre``, moved to lie inside the image."""
    size = round(min(max(side, min(width, height)), max(width, height)))
    left = int(np.clip(round(centre[0] - size / 2), 0, max(0, width - size)))
    top = int(np.clip(round(centre[1] - size / 2), 0, max(0, height - size)))
    return left, top, size


def local_window(
    width: int,
    height: int,
    centre: tuple[float, float],
    side: float,
    min_px: int,
) -> tuple[int, int, int] | None:
    """(left, top, side) of a square of ``side`` around ``centre``, moved to lie inside
    the image; None when it would not be smaller than the image's short side (the
    square tiles have searched at that scale already) or is under ``min_px``."""
    size = round(side)
    if size >= min(width, height) or size < min_px:
        return None
    left = int(np.clip(round(centre[0] - size / 2), 0, width - size))
    top = int(np.clip(round(centre[1] - size / 2), 0, height - size))
    return left, top, size


def shifted(detection: Detection, dx: int, dy: int) -> Detection:
    """The detection of a tile in the whole image's pixels."""
    offset = np.array([dx, dy], dtype=float)
    return Detection(
        detection.score, detection.box + np.tile(offset, 2), detection.keypoints + offset
    )
