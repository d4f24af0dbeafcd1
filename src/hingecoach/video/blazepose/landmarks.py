"""The landmark model on one region of interest: 33 body landmarks and 2 auxiliary ones
(the next frame's region), each with visibility and presence, the pose flag, and the
person segmentation mask.

Facts from ``pose_landmark_by_roi_cpu.pbtxt`` and ``tensors_to_pose_landmarks_and_
segmentation.pbtxt``: the region is cropped to 256x256 with values in 0..1; the model
gives 39 x 5 values (x, y, z in input pixels, then visibility and presence as logits),
the pose flag (already a probability; below 0.5 there is no person), a 256x256 mask of
logits and a 64x64x39 heatmap. Each landmark is refined by the heatmap: the sigmoid-
weighted mean cell of a 7x7 window around it, when the window's peak reaches 0.5.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np

from hingecoach.video.blazepose.roi import Roi, crop_matrix, inverse, to_image

INPUT_SIZE = 256
BODY = 33
AUXILIARY = slice(33, 35)
MIN_POSE_FLAG = 0.5
REFINE_KERNEL = 7
MIN_REFINE_CONFIDENCE = 0.5


def sigmoid(values: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(np.asarray(values, dtype=np.float64), -80, 80)))


def mask_probability(logits: np.ndarray) -> np.ndarray:
    """The mask's logits as float32 probabilities (float32 is ample for an edge at one
    half and a quarter the cost of float64 over 256x256 cells)."""
    clipped = np.clip(logits.astype(np.float32, copy=False), -80.0, 80.0)
    return 1.0 / (1.0 + np.exp(-clipped))


@dataclass(frozen=True)
class PoseResult:
    """``points`` (39, 2) image pixels (33 body, 2 auxiliary, 4 unused); ``visibility``
    and ``presence`` (39,) in 0..1; ``mask`` the 256x256 person probability of the crop
    that ``matrix`` maps to the image."""

    points: np.ndarray
    visibility: np.ndarray
    presence: np.ndarray
    flag: float
    mask: np.ndarray
    matrix: np.ndarray

    @property
    def to_mask(self) -> np.ndarray:
        """2x3 affine map from image pixels to the mask's (the crop's) pixels."""
        return inverse(self.matrix)


def crop(image_rgb: np.ndarray, matrix: np.ndarray, size: int = INPUT_SIZE) -> np.ndarray:
    """The region as the model's float32 input (edges replicated past the image)."""
    pixels = cv2.warpAffine(
        image_rgb,
        matrix,
        (size, size),
        flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
        borderMode=cv2.BORDER_REPLICATE,
    )
    return pixels.astype(np.float32) * (1.0 / 255.0)


def refined(
    points: np.ndarray,
    heatmap: np.ndarray,
    kernel: int = REFINE_KERNEL,
    min_confidence: float = MIN_REFINE_CONFIDENCE,
) -> np.ndarray:
    """(n, 2) points normalised to the crop, each moved to its heatmap's weighted mean
    cell near it (``heatmap``: cells x cells x n logits; cells past the edge count 0)."""
    rows, cols = heatmap.shape[:2]
    col = np.trunc(points[:, 0] * cols).astype(int)
    row = np.trunc(points[:, 1] * rows).astype(int)
    offsets = np.arange(kernel) - (kernel - 1) // 2
    ys, xs = row[:, None] + offsets, col[:, None] + offsets
    inside = ((ys >= 0) & (ys < rows))[:, :, None] & ((xs >= 0) & (xs < cols))[:, None, :]
    window = heatmap[
        np.clip(ys, 0, rows - 1)[:, :, None],
        np.clip(xs, 0, cols - 1)[:, None, :],
        np.arange(len(points))[:, None, None],
    ]
    weight = sigmoid(window) * inside
    total = weight.sum(axis=(1, 2))
    centre_in = (col >= 0) & (col < cols) & (row >= 0) & (row < rows)
    sure = centre_in & (weight.max(axis=(1, 2)) >= min_confidence) & (total > 0)
    out = points.copy()
    mean_x = (weight * xs[:, None, :]).sum(axis=(1, 2))[sure] / total[sure]
    mean_y = (weight * ys[:, :, None]).sum(axis=(1, 2))[sure] / total[sure]
    out[sure] = np.stack([mean_x / cols, mean_y / rows], axis=1)
    return out


class LandmarkModel:
    """One of the landmark models (lite, full, heavy) on a region of an image."""

    def __init__(self, interpreter: Any) -> None:
        self._model = interpreter
        self._input = interpreter.get_input_details()[0]["index"]
        outputs = {d["name"]: d["index"] for d in interpreter.get_output_details()}
        self._outputs = [outputs[f"Identity{suffix}"] for suffix in ("", "_1", "_2", "_3")]

    def run(self, image_rgb: np.ndarray, roi: Roi) -> PoseResult | None:
        """The pose in ``roi``, or None when the pose flag says nobody is there."""
        matrix = crop_matrix(roi, INPUT_SIZE)
        self._model.set_tensor(self._input, crop(image_rgb, matrix)[None])
        self._model.invoke()
        raw, flag, mask, heatmap = (self._model.get_tensor(i)[0] for i in self._outputs)
        if float(flag.reshape(-1)[0]) < MIN_POSE_FLAG:
            return None
        values = raw.reshape(-1, 5)
        normalised = refined(values[:, :2] / INPUT_SIZE, heatmap)
        return PoseResult(
            points=to_image(normalised * INPUT_SIZE, matrix),
            visibility=sigmoid(values[:, 3]),
            presence=sigmoid(values[:, 4]),
            flag=float(flag.reshape(-1)[0]),
            mask=mask_probability(mask[..., 0]),
            matrix=matrix,
        )
