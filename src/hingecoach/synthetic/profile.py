"""The time course of a hinge: a phase from 0 (standing) to 1 (the bottom) and back.

Each rep eases down (half a cosine), holds at the bottom, eases up and rests standing.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

TEMPOS = {"fast": (0.55, 0.9), "medium": (0.9, 1.6), "slow": (1.6, 2.6)}


@dataclass(frozen=True)
class RepTiming:
    down_s: float
    hold_s: float
    up_s: float
    rest_s: float


@dataclass(frozen=True)
class Schedule:
    """``lead_s`` standing before the first rep; ``start_at_bottom``: the clip opens at the
    bottom of the first rep (its descent is not filmed)."""

    lead_s: float
    reps: tuple[RepTiming, ...]
    start_at_bottom: bool = False


def random_schedule(
    rng: np.random.Generator, reps: int, tempo: str, start_at_bottom: bool
) -> Schedule:
    lo, hi = TEMPOS[tempo]
    timings = tuple(
        RepTiming(
            down_s=float(rng.uniform(lo, hi)),
            hold_s=float(rng.uniform(0.1, 0.8)) if rng.random() < 0.5 else 0.0,
            up_s=float(rng.uniform(lo, hi)),
            rest_s=float(rng.uniform(0.3, 1.2)),
        )
        for _ in range(reps)
    )
    return Schedule(
        lead_s=float(rng.uniform(0.2, 1.0)), reps=timings, start_at_bottom=start_at_bottom
    )


def phase(schedule: Schedule, fps: float) -> tuple[np.ndarray, list[tuple[float, float, float]]]:
    """The phase per frame and each rep's true (start, bottom, end) in seconds."""
    knots: list[tuple[float, float]] = [] if schedule.start_at_bottom else [(0.0, 0.0)]
    t = 0.0 if schedule.start_at_bottom else schedule.lead_s
    times = []
    for k, rep in enumerate(schedule.reps):
        start = t
        if not (k == 0 and schedule.start_at_bottom):
            knots.append((t, 0.0))
            t += rep.down_s
        knots.append((t, 1.0))
        bottom = t + rep.hold_s / 2
        t += rep.hold_s
        knots += [(t, 1.0), (t + rep.up_s, 0.0)]
        t += rep.up_s
        times.append((start, bottom, t))
        t += rep.rest_s
    knots.append((t, 0.0))
    clock = np.arange(int(np.ceil(t * fps)) + 1) / fps
    return eased(clock, knots), times


def eased(clock: np.ndarray, knots: list[tuple[float, float]]) -> np.ndarray:
    at = np.array([k[0] for k in knots])
    level = np.array([k[1] for k in knots])
    i = np.clip(np.searchsorted(at, clock, side="right") - 1, 0, len(at) - 2)
    span = np.maximum(at[i + 1] - at[i], 1e-9)
    tau = np.clip((clock - at[i]) / span, 0, 1)
    ease = (1 - np.cos(np.pi * tau)) / 2
    return level[i] + (level[i + 1] - level[i]) * ease
