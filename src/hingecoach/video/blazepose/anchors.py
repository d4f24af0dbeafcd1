"""The person detector's SSD anchors: one centre per anchor, in the 224x224 input
normalised to 0-1.

The detector's graph (``pose_detection_cpu.pbtxt``) asks for 5 layers with strides 8,
16, 32, 32, 32 on a 224x224 input, aspect ratio 1 plus one interpolated scale per layer,
and fixed-size anchors (width and height 1), so only the centres matter. Layers of equal
stride share one feature map: each cell of the stride-8 map holds 2 anchors, of the
stride-16 map 2, of the stride-32 map 3 layers x 2 = 6; 28x28x2 + 14x14x2 + 7x7x6 = 2254.
"""

from __future__ import annotations

import math
from itertools import groupby

import numpy as np

INPUT_SIZE = 224
STRIDES = (8, 16, 32, 32, 32)
ANCHORS_PER_LAYER = 2  # aspect ratio 1.0 and the interpolated scale between layers
OFFSET = 0.5


def ssd_anchors(
    input_size: int = INPUT_SIZE,
    strides: tuple[int, ...] = STRIDES,
) -> np.ndarray:
    """(n, 2) anchor centres (x, y), row by row, cell by cell, as the model outputs them."""
    centres = []
    for stride, layers in groupby(strides):
        per_cell = ANCHORS_PER_LAYER * len(list(layers))
        cells = math.ceil(input_size / stride)
        grid = (np.arange(cells) + OFFSET) / cells
        ys, xs = np.meshgrid(grid, grid, indexing="ij")
        cell_centres = np.stack([xs.ravel(), ys.ravel()], axis=1)
        centres.append(np.repeat(cell_centres, per_cell, axis=0))
    return np.concatenate(centres)
