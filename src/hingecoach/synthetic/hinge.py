"""A hinge in world coordinates: doses drawn per rep, blended by the phase, balanced.

The trunk lean, knee bend, toe rise and lower-back shape are set directly; the shin
angle is then solved so that the centre of mass sits where the dose puts it over the
foot (or, for a hinge without counterbalance, so that the hips travel back only as far
as the dose says), as a real mover's balance would.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from hingecoach.synthetic import pose
from hingecoach.synthetic.body import Body
from hingecoach.synthetic.labels import BANDS

LEAN = {
    "knee-dominant": (38.0, 55.0),
    "no-counterbalance": (33.0, 50.0),
    "weight-forward": (62.0, 85.0),
}
WEIGHT = {"weight-forward": (0.78, 0.92), "toes-lift": (0.12, 0.3)}


@dataclass(frozen=True)
class Dose:
    """Values at the bottom of one rep (``travel`` set: the hips' travel is injected and
    the weight follows; otherwise the weight is injected and the travel follows)."""

    lean: float
    knee_flex: float
    weight: float
    travel: float | None
    toe_rise: float
    lumbar: float


def draw_dose(rng: np.random.Generator, faults: frozenset[str], stance: Dose) -> Dose:
    lean = LEAN.get(next((f for f in LEAN if f in faults), ""), (45.0, 85.0))
    weight = WEIGHT.get(next((f for f in WEIGHT if f in faults), ""), (0.35, 0.6))
    travel = BANDS["no-counterbalance"].draw(rng, True) if "no-counterbalance" in faults else None
    return Dose(
        lean=float(rng.uniform(*lean)),
        knee_flex=BANDS["knee-dominant"].draw(rng, "knee-dominant" in faults),
        weight=float(rng.uniform(*weight)),
        travel=travel,
        toe_rise=BANDS["toes-lift"].draw(rng, "toes-lift" in faults),
        lumbar=stance.lumbar + _lumbar_change(rng, faults),
    )


def _lumbar_change(rng: np.random.Generator, faults: frozenset[str]) -> float:
    """The lower back's bend at the bottom relative to standing, degrees (+ rounder)."""
    if "lumbar-flexion" in faults:
        return BANDS["lumbar-flexion"].draw(rng, True)
    if "lumbar-extension" in faults:
        return -BANDS["lumbar-extension"].draw(rng, True)
    return BANDS["lumbar-flexion"].draw(rng, False)


def draw_stance(rng: np.random.Generator) -> Dose:
    """Standing: upright, soft knees, weight mid-foot, a lordosis of the person's own
    (the outline's lumbar bend, degrees: negative is hollow)."""
    return Dose(
        lean=float(rng.uniform(0, 6)),
        knee_flex=float(rng.uniform(0, 8)),
        weight=float(rng.uniform(0.38, 0.55)),
        travel=None,
        toe_rise=0.0,
        lumbar=float(rng.uniform(-35.0, -10.0)),
    )


def blend(
    stance: Dose, doses: list[Dose], rep_of_frame: np.ndarray, p: np.ndarray, name: str
) -> np.ndarray:
    bottom = np.array([getattr(d, name) or 0.0 for d in doses])[rep_of_frame]
    return getattr(stance, name) + (bottom - getattr(stance, name)) * p


def hinge_world(
    body: Body, stance: Dose, doses: list[Dose], rep_of_frame: np.ndarray, p: np.ndarray
) -> tuple[pose.Points, dict[str, np.ndarray]]:
    """Joint points per frame and the pose parameters that made them."""
    params = {
        name: blend(stance, doses, rep_of_frame, p, name)
        for name in ("lean", "knee_flex", "weight", "lumbar")
    }
    rise = blend(stance, doses, rep_of_frame, p, "toe_rise") * body.leg
    params["toe_up"] = np.degrees(
        np.arcsin(np.clip(rise / (body.heel_back + body.toe_ahead), -1, 1))
    )

    if doses[0].travel is None:
        weight = pose.weight_by_shin(body, params["lean"], params["knee_flex"], params["toe_up"])
        shin = pose.solve_shin(weight, params["weight"], rising=True)
    else:
        travel = np.array([d.travel or 0.0 for d in doses])[rep_of_frame] * p
        target = standing_hip_back(body, stance) + travel
        shin = pose.solve_shin(
            pose.hip_back_by_shin(body, params["knee_flex"]), target, rising=False
        )
    params["shin"] = shin
    points = pose.hinge_points(body, params["lean"], params["knee_flex"], shin, params["toe_up"])
    return points, params


def standing_hip_back(body: Body, stance: Dose) -> float:
    """How far the hip stands behind the ankle (leg lengths) in the balanced stance."""
    one = np.ones(1)
    lean, knee = stance.lean * one, stance.knee_flex * one
    shin = pose.solve_shin(
        pose.weight_by_shin(body, lean, knee, 0 * one), stance.weight * one, rising=True
    )
    return float(pose.hip_back_by_shin(body, knee)(shin)[0])


def rep_values(
    body: Body,
    points: pose.Points,
    params: dict[str, np.ndarray],
    frames: np.ndarray,
    p: np.ndarray,
) -> dict[str, float]:
    """The true value of every fault's quantity in one rep (noise-free): the knee's and
    the weight's worst over the rep, the hip travel, toe rise and lower back at the
    bottom (where the dose puts them), each against standing where it is a change."""
    standing = frames[int(np.argmin(p[frames]))]
    bottom = frames[int(np.argmax(p[frames]))]
    hip_back = pose.hip_behind_ankle(body, points)
    toe_height = (points["toe"][:, 1] - points["heel"][:, 1]) / body.leg
    return {
        "knee-dominant": float(params["knee_flex"][frames].max()),
        "no-counterbalance": float(hip_back[bottom] - hip_back[standing]),
        "weight-forward": float(pose.weight_on_foot(body, points)[frames].max()),
        "toes-lift": float(toe_height[bottom] - toe_height[standing]),
        "lumbar-flexion": float(params["lumbar"][bottom] - params["lumbar"][standing]),
        # over-arched at the bottom or at the finish; the generator finishes standing as
        # it started, so the finish adds a hollow of 0
        "lumbar-extension": max(0.0, float(params["lumbar"][standing] - params["lumbar"][bottom])),
    }
