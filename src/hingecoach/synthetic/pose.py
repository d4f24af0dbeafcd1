"""Forward kinematics of the sagittal stick figure, in metres: x forward, y up, floor at 0.

Angles in degrees, one value per frame: ``lean`` trunk from vertical (forward +),
``knee_flex`` 180 minus the knee angle, ``shin`` the shin from vertical (knee ahead +),
``toe_up`` the foot rocked back about the heel (toes up +).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from hingecoach.synthetic.body import Body

Points = dict[str, np.ndarray]
# Winter (2009) table 4.1: mass fractions; centres as fractions of the segment.
MASS = {
    "head": 0.081,
    "trunk": 0.497,
    "arms": 0.100,
    "thighs": 0.200,
    "shanks": 0.093,
    "feet": 0.029,
}


def _unit(deg: np.ndarray) -> np.ndarray:
    rad = np.radians(deg)
    return np.column_stack([np.sin(rad), np.cos(rad)])


def rotate_back(vec: np.ndarray, deg: np.ndarray) -> np.ndarray:
    """Rotate (x, y) vectors clockwise by ``deg`` (tipping them forward)."""
    rad = np.radians(deg)
    c, s = np.cos(rad), np.sin(rad)
    return np.column_stack([vec[..., 0] * c + vec[..., 1] * s, -vec[..., 0] * s + vec[..., 1] * c])


def foot(body: Body, heel: np.ndarray, toe_up: np.ndarray) -> Points:
    """Heel, ankle and toe with the foot rocked back about the heel by ``toe_up``."""
    n = len(heel)
    ankle_rel = np.tile([body.heel_back, body.ankle_height - 0.015 * body.height], (n, 1))
    toe_rel = np.tile([body.heel_back + body.toe_ahead, 0.0], (n, 1))
    return {
        "heel": heel,
        "ankle": heel + rotate_back(ankle_rel, -toe_up),
        "toe": heel + rotate_back(toe_rel, -toe_up),
    }


def leg(body: Body, ankle: np.ndarray, shin: np.ndarray, knee_flex: np.ndarray) -> Points:
    knee = ankle + body.shank * _unit(shin)
    thigh_back = knee_flex - shin
    return {"knee": knee, "hip": knee + body.thigh * _unit(-thigh_back)}


def upper(body: Body, hip: np.ndarray, lean: np.ndarray) -> Points:
    """Shoulder, nose and the head's true centre (which no landmark marks)."""
    shoulder = hip + body.trunk * _unit(lean)
    head_lean = 0.85 * lean
    nose = np.tile([body.nose_ahead, body.nose_up], (len(hip), 1))
    centre = np.tile([0.2 * body.nose_ahead, 0.7 * body.nose_up], (len(hip), 1))
    return {
        "shoulder": shoulder,
        "nose": shoulder + rotate_back(nose, head_lean),
        "head": shoulder + rotate_back(centre, head_lean),
    }


def hinge_points(
    body: Body, lean: np.ndarray, knee_flex: np.ndarray, shin: np.ndarray, toe_up: np.ndarray
) -> Points:
    heel = np.tile([-body.heel_back, 0.015 * body.height], (len(lean), 1))
    points = foot(body, heel, toe_up)
    points.update(leg(body, points["ankle"], shin, knee_flex))
    points.update(upper(body, points["hip"], lean))
    return points


def com_x(p: Points) -> np.ndarray:
    """The true horizontal centre of mass (arms hanging from the shoulders)."""
    x = {k: v[:, 0] for k, v in p.items()}
    thigh = x["hip"] + 0.433 * (x["knee"] - x["hip"])
    shank = x["knee"] + 0.433 * (x["ankle"] - x["knee"])
    return (
        MASS["head"] * x["head"]
        + MASS["trunk"] * (x["hip"] + x["shoulder"]) / 2
        + MASS["arms"] * x["shoulder"]
        + MASS["thighs"] * thigh
        + MASS["shanks"] * shank
        + MASS["feet"] * (x["heel"] + x["toe"]) / 2
    )


def weight_on_foot(body: Body, p: Points) -> np.ndarray:
    """The true centre of mass along the foot: 0 over the heel, 1 over the toe."""
    return (com_x(p) - p["heel"][:, 0]) / (body.heel_back + body.toe_ahead)


def hip_behind_ankle(body: Body, p: Points) -> np.ndarray:
    return (p["ankle"][:, 0] - p["hip"][:, 0]) / body.leg


def solve_shin(
    measure: Callable[[np.ndarray], np.ndarray], target: np.ndarray, rising: bool
) -> np.ndarray:
    """The shin angle per frame at which ``measure(shin)`` (monotone in the shin angle,
    rising or falling) meets ``target``: bisection over -30..70 degrees."""
    lo = np.full(len(target), -30.0)
    hi = np.full(len(target), 70.0)
    for _ in range(24):
        mid = (lo + hi) / 2
        above = measure(mid) > target
        go_down = above if rising else ~above
        hi = np.where(go_down, mid, hi)
        lo = np.where(go_down, lo, mid)
    return (lo + hi) / 2


def weight_by_shin(
    body: Body, lean: np.ndarray, knee_flex: np.ndarray, toe_up: np.ndarray
) -> Callable[[np.ndarray], np.ndarray]:
    """The weight over the foot as a function of the shin angle, the rest held fixed:
    only the knee moves with the shin, everything above the hip rides with the hip."""
    fixed = hinge_points(body, lean, knee_flex, np.zeros(len(lean)), toe_up)
    hip0, knee0 = fixed["hip"][:, 0], fixed["knee"][:, 0]
    base = com_x(fixed)
    above_hip = MASS["head"] + MASS["trunk"] + MASS["arms"] + MASS["thighs"] * 0.567
    knee_share = MASS["thighs"] * 0.433 + MASS["shanks"] * 0.567
    ankle = fixed["ankle"][:, 0]
    foot_len = body.heel_back + body.toe_ahead

    def weight(shin: np.ndarray) -> np.ndarray:
        knee, hip = leg_x(body, ankle, shin, knee_flex)
        com = base + above_hip * (hip - hip0) + knee_share * (knee - knee0)
        return (com - fixed["heel"][:, 0]) / foot_len

    return weight


def hip_back_by_shin(body: Body, knee_flex: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
    """The hip behind the ankle (leg lengths) as a function of the shin angle."""

    def hip_back(shin: np.ndarray) -> np.ndarray:
        _, hip = leg_x(body, np.zeros(len(shin)), shin, knee_flex)
        return -hip / body.leg

    return hip_back


def leg_x(
    body: Body, ankle_x: np.ndarray, shin: np.ndarray, knee_flex: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    knee = ankle_x + body.shank * np.sin(np.radians(shin))
    return knee, knee - body.thigh * np.sin(np.radians(knee_flex - shin))
