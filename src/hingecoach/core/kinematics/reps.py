"""Rep segmentation: start, bottom and end of each hinge rep.

The trunk's forward lean is followed as a zigzag: a turn counts only after the lean has
moved back by at least ``min_lean_excursion_deg``, so jitter never splits a rep. Each
peak of lean is a candidate rep, kept only if the trunk leaned at least
``min_trunk_lean_deg`` and the feet stayed planted (the ankle moved less than
``max_ankle_travel_leg`` leg lengths from the rep's start to its end, and a margin around
it): walking, jumping and flipping are not reps. A rep whose rise or fall is cut by the
clip's edge starts at the clip's start or ends at its end (a clip that starts at the
bottom and stands up once holds one rep).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from hingecoach.core.kinematics.thresholds import RepRules


@dataclass(frozen=True)
class RepWindow:
    """Frame indices of one rep (inclusive)."""

    start: int
    bottom: int
    end: int


def zigzag(signal: np.ndarray, swing: float) -> list[tuple[str, int]]:
    """Alternating ("peak" | "valley", index) turns, each at least ``swing`` from the
    last; a rise still under way at the end leaves its highest point as a peak."""
    turns: list[tuple[str, int]] = []
    hi = lo = 0
    going = ""
    for i, value in enumerate(signal):
        hi = i if value > signal[hi] else hi
        lo = i if value < signal[lo] else lo
        if going != "down" and value < signal[hi] - swing:
            turns.append(("peak", hi))
            going, lo = "down", i
        elif going != "up" and value > signal[lo] + swing:
            if going:
                turns.append(("valley", lo))
            going, hi = "up", i
    if going == "up":
        turns.append(("peak", hi))
    return turns


def interior_filled(signal: np.ndarray) -> tuple[np.ndarray, int]:
    """The signal from its first to its last known frame, inner gaps bridged linearly;
    with the offset of its first frame."""
    known = np.flatnonzero(np.isfinite(signal))
    if len(known) == 0:
        return np.array([]), 0
    span = np.arange(known[0], known[-1] + 1)
    return np.interp(span, known, signal[known]), int(known[0])


def find_reps(lean: np.ndarray, hip: np.ndarray, ankle: np.ndarray, leg: float, fps: float,
              rules: RepRules) -> list[RepWindow]:
    """Every rep of the clip, in order."""
    signal, offset = interior_filled(lean)
    turns = zigzag(signal, rules.min_lean_excursion_deg)
    reps = []
    for k, (kind, peak) in enumerate(turns):
        if kind != "peak" or signal[peak] < rules.min_trunk_lean_deg:
            continue
        left = turns[k - 1][1] if k > 0 else 0
        right = turns[k + 1][1] if k + 1 < len(turns) else len(signal) - 1
        window = _window(signal, left, peak, right, rules)
        bottom = _bottom(hip, lean, window, offset, rules.min_hip_seen_share)
        rep = RepWindow(window[0] + offset, bottom + offset, window[1] + offset)
        if feet_planted(ankle, rep, leg, int(rules.planted_margin_s * fps), rules):
            reps.append(rep)
    return reps


def _window(signal: np.ndarray, left: int, peak: int, right: int,
            rules: RepRules) -> tuple[int, int]:
    top = signal[peak]
    start = 0
    base = signal[left: peak + 1].min()
    if top - base >= rules.min_lean_excursion_deg or left > 0:
        level = base + rules.edge_share * (top - base)
        start = left + int(np.flatnonzero(signal[left: peak + 1] <= level)[-1])
    end = len(signal) - 1
    base = signal[peak: right + 1].min()
    if top - base >= rules.min_lean_excursion_deg or right < len(signal) - 1:
        level = base + rules.edge_share * (top - base)
        end = peak + int(np.flatnonzero(signal[peak: right + 1] <= level)[0])
    return start, end


def _bottom(hip: np.ndarray, lean: np.ndarray, window: tuple[int, int], offset: int,
            min_seen: float) -> int:
    part = depth(hip, lean, window[0] + offset, window[1] + offset, min_seen)
    if not np.isfinite(part).any():
        return (window[0] + window[1]) // 2
    return window[0] + int(np.nanargmax(part))


def depth(hip: np.ndarray, lean: np.ndarray, start: int, end: int,
          min_seen: float) -> np.ndarray:
    """How deep each frame from ``start`` to ``end`` is, larger deeper: hip flexion (180
    minus the hip angle) when the hip angle is seen in at least ``min_seen`` of those
    frames, else the trunk's lean. The hip angle needs the knee, which a bar or a plate
    may hide right at the bottom; the lean needs only the hip and shoulder."""
    flexion = 180.0 - hip[start: end + 1]
    if np.isfinite(flexion).mean() >= min_seen:
        return flexion
    return lean[start: end + 1]


def feet_planted(ankle: np.ndarray, rep: RepWindow, leg: float, margin: int,
                 rules: RepRules) -> bool:
    """The ankle stays within ``max_ankle_travel_leg`` leg lengths of its median
    position from ``margin`` frames before the rep to ``margin`` frames after it, in all
    but ``planted_outlier_share`` of those frames (a pose model may put the ankle on
    someone else's leg, or behind a plate, for a moment)."""
    part = ankle[max(0, rep.start - margin): rep.end + margin + 1]
    part = part[np.isfinite(part).all(axis=1)]
    if len(part) == 0 or not np.isfinite(leg):
        return False
    away = np.hypot(*(part - np.median(part, axis=0)).T)
    travel = np.quantile(away, 1.0 - rules.planted_outlier_share)
    return bool(travel < rules.max_ankle_travel_leg * leg)
