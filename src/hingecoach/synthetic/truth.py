"""What a generated clip really holds: true angles per frame, reps, faults per rep.

True angles are read off the noise-free figure with plain arccos geometry (world
coordinates, before any camera, noise or smoothing), not with the detector's code.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from hingecoach.synthetic.pose import Points


@dataclass(frozen=True)
class RepTruth:
    start_s: float
    bottom_s: float
    end_s: float
    faults: frozenset[str]
    values: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Truth:
    """``assessable``: whether the clip can support a verdict at all; ``lumbar_seen`` and
    ``feet_seen``: whether those faults can be judged; ``present``: frames with a person."""

    kind: str
    side: str
    assessable: bool
    t_s: np.ndarray
    angles: dict[str, np.ndarray]
    present: np.ndarray
    reps: tuple[RepTruth, ...]
    lumbar_seen: bool
    feet_seen: bool

    @property
    def faults(self) -> frozenset[str]:
        return frozenset().union(*(rep.faults for rep in self.reps))


def _angle(u: np.ndarray, v: np.ndarray) -> np.ndarray:
    cos = (u * v).sum(axis=1) / (np.linalg.norm(u, axis=1) * np.linalg.norm(v, axis=1))
    return np.degrees(np.arccos(np.clip(cos, -1.0, 1.0)))


def true_angles(p: Points) -> dict[str, np.ndarray]:
    """hip, knee, trunk (from vertical) and shin (signed, knee ahead +), degrees."""
    up = np.tile([0.0, 1.0], (len(p["hip"]), 1))
    shin = p["knee"] - p["ankle"]
    return {
        "hip": _angle(p["shoulder"] - p["hip"], p["knee"] - p["hip"]),
        "knee": _angle(p["hip"] - p["knee"], p["ankle"] - p["knee"]),
        "trunk": _angle(p["shoulder"] - p["hip"], up),
        "shin": np.sign(shin[:, 0]) * _angle(shin, up),
    }
