"""Body proportions of a synthetic mover, after Winter's segment lengths (fractions of
standing height; Biomechanics and Motor Control of Human Movement, 2009, fig. 4.1),
each varied by a few per cent so no two movers are alike."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Body:
    """Lengths in metres. ``heel_back``: heel landmark behind the ankle; ``toe_ahead``:
    toe landmark ahead of it; ``back_depth``: how far the back's surface stands behind
    the hip-shoulder line, in trunk lengths, at the hip and at the shoulder; ``glutes``: how
    much further the buttocks stand out at the hip joint's level, in trunk lengths."""

    height: float
    shank: float
    thigh: float
    trunk: float
    ankle_height: float
    heel_back: float
    toe_ahead: float
    nose_up: float
    nose_ahead: float
    back_depth: tuple[float, float]
    glutes: float

    @property
    def leg(self) -> float:
        return self.shank + self.thigh


RATIOS = {
    "shank": 0.246,
    "thigh": 0.245,
    "trunk": 0.288,
    "ankle_height": 0.039,
    "heel_back": 0.038,
    "toe_ahead": 0.099,
    "nose_up": 0.12,
    "nose_ahead": 0.05,
}


def random_body(rng: np.random.Generator) -> Body:
    height = float(rng.uniform(1.5, 1.95))
    lengths = {
        name: height * ratio * float(rng.normal(1.0, 0.04)) for name, ratio in RATIOS.items()
    }
    depth = (float(rng.uniform(0.16, 0.22)), float(rng.uniform(0.2, 0.28)))
    return Body(height=height, back_depth=depth, glutes=float(rng.uniform(0.04, 0.16)), **lengths)


def average_body() -> Body:
    return Body(
        height=1.75,
        back_depth=(0.19, 0.24),
        glutes=0.1,
        **{name: 1.75 * ratio for name, ratio in RATIOS.items()},
    )
