"""Landmark smoothing between frames, as MediaPipe's live pose graph does it
(``pose_landmark_filtering.pbtxt``): a one-euro filter per coordinate whose speed term
is measured in object sizes a second (so it behaves alike for a small and a large
person), and a low-pass filter on visibility.

One-euro filter: a low-pass filter whose cut-off rises with the (itself low-passed)
speed, so a still point is smoothed hard and a moving one lags little.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class OneEuro:
    """``min_cutoff`` Hz at rest, plus ``beta`` Hz per object size a second of speed;
    the speed is low-passed at ``speed_cutoff`` Hz."""

    min_cutoff: float
    beta: float
    speed_cutoff: float = 1.0


BODY_FILTER = OneEuro(min_cutoff=0.05, beta=80.0)
REGION_FILTER = OneEuro(min_cutoff=0.01, beta=10.0)
VISIBILITY_ALPHA = 0.1


def smoothing_factor(cutoff: np.ndarray | float, rate: float) -> np.ndarray | float:
    """The share of a new value a first-order low-pass filter at ``cutoff`` Hz keeps
    at ``rate`` samples a second."""
    tau = 1.0 / (2.0 * math.pi * np.asarray(cutoff))
    return 1.0 / (1.0 + tau * rate)


class PointFilter:
    """One-euro filtering of (n, 2) points sampled at ``rate`` a second."""

    def __init__(self, settings: OneEuro, rate: float) -> None:
        self._settings, self._rate = settings, rate
        self._raw: np.ndarray | None = None
        self._smooth: np.ndarray | None = None
        self._speed: np.ndarray | None = None

    def reset(self) -> None:
        self._raw = self._smooth = self._speed = None

    def __call__(self, points: np.ndarray, object_size: float) -> np.ndarray:
        if self._raw is None or self._smooth is None or self._speed is None:
            self._raw, self._smooth = points.copy(), points.copy()
            self._speed = np.zeros_like(points)
            return points
        s = self._settings
        speed = (points - self._raw) * self._rate / max(object_size, 1e-6)
        self._speed = self._speed + smoothing_factor(s.speed_cutoff, self._rate) * (
            speed - self._speed
        )
        keep = smoothing_factor(s.min_cutoff + s.beta * np.abs(self._speed), self._rate)
        self._smooth = self._smooth + keep * (points - self._smooth)
        self._raw = points.copy()
        return self._smooth.copy()


class VisibilityFilter:
    """Exponential smoothing of visibilities: each frame keeps ``alpha`` of the new."""

    def __init__(self, alpha: float = VISIBILITY_ALPHA) -> None:
        self._alpha = alpha
        self._value: np.ndarray | None = None

    def reset(self) -> None:
        self._value = None

    def __call__(self, values: np.ndarray) -> np.ndarray:
        if self._value is None:
            self._value = values.copy()
        else:
            self._value = self._value + self._alpha * (values - self._value)
        return self._value.copy()


def object_size(points: np.ndarray) -> float:
    """The mean of the points' bounding box width and height."""
    span = points.max(axis=0) - points.min(axis=0)
    return float(span.mean())
