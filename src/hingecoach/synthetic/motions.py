"""Movements that are not hinges and must give no rep: walking past, and a jump.

The jump dips with a real trunk lean (35-50 degrees) and bent knees, pushes up onto the
toes, flies, lands with another lean and stands: both leans pass the 30 degree bar, so
only the feet leaving the floor tell it from a hinge.
"""

from __future__ import annotations

import numpy as np

from hingecoach.synthetic import pose
from hingecoach.synthetic.body import Body
from hingecoach.synthetic.profile import eased


def walk_world(body: Body, rng: np.random.Generator, fps: float) -> tuple[pose.Points, pose.Points]:
    """Near leg and far leg in opposite phase; the trunk nearly upright."""
    t = np.arange(int(rng.uniform(2.5, 4.0) * fps)) / fps
    speed = rng.uniform(0.9, 1.5)
    cycle = 2 * np.pi * speed / (1.45 * body.leg) * t + rng.uniform(0, 2 * np.pi)
    legs = [_walking_leg(body, cycle + shift) for shift in (0.0, np.pi)]
    reach = np.maximum(*(thigh + shank for thigh, shank, _ in legs))
    hip = np.column_stack([speed * t, body.ankle_height + reach])
    lean = rng.uniform(2, 8) + 2 * np.sin(2 * cycle)
    points = []
    for thigh, shank, angles in legs:
        knee = hip + body.thigh * np.column_stack([np.sin(angles[0]), -thigh / body.thigh])
        ankle = knee + body.shank * np.column_stack([np.sin(angles[1]), -shank / body.shank])
        drop = body.ankle_height - 0.015 * body.height
        foot = {
            "heel": ankle + np.array([-body.heel_back, -drop]),
            "toe": ankle + np.array([body.toe_ahead, -drop]),
        }
        points.append(
            {"hip": hip, "knee": knee, "ankle": ankle, **foot, **pose.upper(body, hip, lean)}
        )
    return points[0], points[1]


def _walking_leg(body: Body, cycle: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Vertical reach of thigh and shank, and the thigh and shank angles (radians,
    forward +) of one leg through the gait cycle."""
    thigh = np.radians(5 + 20 * np.sin(cycle))
    knee_flex = np.radians(5 + 55 * np.clip(np.sin(cycle + 1.2), 0, None) ** 2)
    shank = thigh - knee_flex
    return body.thigh * np.cos(thigh), body.shank * np.cos(shank), np.stack([thigh, shank])


def jump_world(body: Body, rng: np.random.Generator, fps: float) -> pose.Points:
    """A countermovement jump in place (both legs together)."""
    dip, land = rng.uniform(35, 50), rng.uniform(32, 45)
    knots = _jump_knots(rng, dip, land)
    t = np.arange(int(knots[-1][0] * fps) + 1) / fps
    curve = {
        name: eased(t, [(k[0], k[i + 1]) for k in knots])
        for i, name in enumerate(("lean", "knee_flex", "heel_up"))
    }
    flat = np.zeros(len(t))
    weight = pose.weight_by_shin(body, curve["lean"], curve["knee_flex"], flat)
    shin = pose.solve_shin(weight, np.full(len(t), 0.45), rising=True)
    points = pose.hinge_points(body, curve["lean"], curve["knee_flex"], shin, flat)
    return _airborne(_on_toes(points, curve["heel_up"]), knots[3][0], knots[4][0], t)


def _jump_knots(rng: np.random.Generator, dip: float, land: float) -> list[tuple[float, ...]]:
    """(time, lean, knee flexion, heel rise) at each turn of the jump."""
    t0 = rng.uniform(0.4, 0.8)
    t1 = t0 + rng.uniform(0.4, 0.6)
    t2 = t1 + rng.uniform(0.2, 0.3)
    t3 = t2 + rng.uniform(0.3, 0.45)
    t4 = t3 + rng.uniform(0.25, 0.35)
    t5 = t4 + rng.uniform(0.4, 0.6)
    knee_dip, knee_land = rng.uniform(70, 100), rng.uniform(50, 80)
    return [
        (0.0, 2, 5, 0),
        (t0, 2, 5, 0),
        (t1, dip, knee_dip, 0),
        (t2, 0, 0, 30),
        (t3, 0, 0, 30),
        (t3 + 1e-3, 0, 0, 0),
        (t4, land, knee_land, 0),
        (t5, 2, 5, 0),
        (t5 + 0.5, 2, 5, 0),
    ]


def _on_toes(points: pose.Points, heel_up: np.ndarray) -> pose.Points:
    """Rock each foot up about its toe; everything above the ankle rides with it."""
    toe = points["toe"]
    heel = toe + pose.rotate_back(points["heel"] - toe, heel_up)
    ankle = toe + pose.rotate_back(points["ankle"] - toe, heel_up)
    lift = ankle - points["ankle"]
    out = {k: v + lift for k, v in points.items() if k not in ("toe", "heel", "ankle")}
    return {**out, "toe": toe, "heel": heel, "ankle": ankle}


def _airborne(points: pose.Points, take_off: float, landing: float, t: np.ndarray) -> pose.Points:
    """Lift everything along a ballistic arc between take-off and landing."""
    tau = np.clip((t - take_off) / (landing - take_off), 0, 1)
    height = 9.81 * (landing - take_off) ** 2 / 8
    rise = 4 * height * tau * (1 - tau)
    return {k: v + np.column_stack([0 * rise, rise]) for k, v in points.items()}
