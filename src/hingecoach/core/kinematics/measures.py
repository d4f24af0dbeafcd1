"""Per-frame measures of the near side: angles, hip travel, weight over the foot, toes,
lower back. Built once per clip from the cleaned (gap-bridged, smoothed) joint tracks."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from hingecoach.core.kinematics.arrays import TrackArrays
from hingecoach.core.kinematics.back import lumbar_bend
from hingecoach.core.kinematics.balance import centre_of_mass_x, weight_on_foot
from hingecoach.core.kinematics.geometry import ahead, distance, joint_angle, tilt
from hingecoach.core.kinematics.numeric import Floats
from hingecoach.core.kinematics.smoothing import clean, running_median
from hingecoach.core.kinematics.thresholds import BackShape, Tracking

PARTS = {
    "shoulder": "shoulder",
    "hip": "hip",
    "knee": "knee",
    "ankle": "ankle",
    "heel": "heel",
    "toe": "foot_index",
}


@dataclass(frozen=True)
class Kinematics:
    """Every series has one entry per frame (NaN where unknown).

    Angles in degrees: ``hip`` and ``knee`` 180 straight; ``lean`` the trunk from
    vertical, positive forward; ``shin`` positive with the knee ahead of the ankle.
    ``hip_back``: the hip behind the ankle in leg lengths; ``weight``: 0 heel, 1 toe;
    ``toe_up``: the toe's height above the middle of heel and ankle, in leg lengths (the
    foot's own points, so a phone held in the hand that drifts moves nothing; the heel
    and ankle stay put when the toes come up, the toe rises); ``toe_height``: the toe's
    height in the picture, in leg lengths (the floor stays put unless the phone moves);
    ``lumbar``: the lower
    back's bend in degrees, positive rounded (see ``back``), cleaned like the joints;
    ``lumbar_raw`` the same before cleaning. ``leg``, ``foot`` in pixels.
    """

    t: Floats
    hip: Floats
    knee: Floats
    lean: Floats
    shin: Floats
    hip_back: Floats
    weight: Floats
    toe_up: Floats
    toe_height: Floats
    lumbar: Floats
    lumbar_raw: Floats
    joints: dict[str, Floats]
    leg: float
    foot: float
    fps: float


def cleaned_joints(
    arrays: TrackArrays, side: str, fps: float, tracking: Tracking
) -> dict[str, Floats]:
    gap = round(tracking.max_gap_s * fps)
    sigma = tracking.smoothing_sigma_s * fps
    joints = {
        key: arrays.seen(f"{side}_{part}", tracking.min_visibility) for key, part in PARTS.items()
    }
    joints["nose"] = arrays.seen("nose", tracking.min_visibility)
    cleaned = clean(np.column_stack(list(joints.values())), gap, sigma)
    return {key: cleaned[:, 2 * i : 2 * i + 2] for i, key in enumerate(joints)}


def measure(
    arrays: TrackArrays, side: str, facing: float, fps: float, tracking: Tracking, back: BackShape
) -> Kinematics:
    j = cleaned_joints(arrays, side, fps, tracking)
    leg = _median(distance(j["hip"], j["knee"]) + distance(j["knee"], j["ankle"]))
    if not np.isfinite(leg):  # legs hidden all along: sized from the trunk
        leg = tracking.leg_per_trunk * _median(distance(j["hip"], j["shoulder"]))
    foot = _median(distance(j["heel"], j["toe"]))
    nose = np.where(np.isnan(j["nose"]), j["shoulder"], j["nose"])
    com = centre_of_mass_x({**j, "nose": nose})
    lean = tilt(j["hip"], j["shoulder"], facing)
    gap = round(tracking.max_gap_s * fps)
    raw = lumbar_bend(arrays.outlines, j["hip"], j["shoulder"], facing, back.stretch)
    lumbar = clean(raw, gap, tracking.outline_smoothing_sigma_s * fps)
    return Kinematics(
        t=np.arange(arrays.frames) / fps,
        hip=joint_angle(j["shoulder"], j["hip"], j["knee"]),
        knee=joint_angle(j["hip"], j["knee"], j["ankle"]),
        lean=lean,
        shin=tilt(j["ankle"], j["knee"], facing),
        hip_back=ahead(j["ankle"], j["hip"], facing) / leg,
        weight=weight_on_foot(
            com,
            heel_place(j, lean, round(tracking.planted_window_s * fps), tracking.standing_lean_deg),
            foot,
            facing,
        ),
        toe_up=toe_rise(j, round(tracking.foot_reference_s * fps)) / leg,
        toe_height=-j["toe"][:, 1] / leg,
        lumbar=lumbar,
        lumbar_raw=raw,
        joints=j,
        leg=leg,
        foot=foot,
        fps=fps,
    )


def heel_place(j: dict[str, Floats], lean: Floats, window: int, standing_lean: float) -> Floats:
    """Where the heel is, for the weight over the foot: the ankle's running median over
    ``window`` frames, moved by the heel's offset from the ankle while the trunk leans
    less than ``standing_lean`` (over every frame when the trunk never stands that
    straight). A pose model slides its heel point back as the body leans (about a
    tenth of the foot on drawn figures); the ankle point holds still."""
    offset = j["heel"] - j["ankle"]
    known = np.isfinite(offset).all(axis=1)
    standing = known & (np.abs(lean) < standing_lean)
    usable = standing if standing.any() else known
    if not usable.any():
        return np.full_like(offset, np.nan)
    return planted(j["ankle"], window) + np.median(offset[usable], axis=0)


def toe_rise(j: dict[str, Floats], window: int) -> Floats:
    """The toe's height (pixels) above the middle of heel and ankle, that middle's
    running median over ``window`` frames."""
    return planted((j["heel"] + j["ankle"]) / 2, window)[:, 1] - j["toe"][:, 1]


def planted(points: Floats, window: int) -> Floats:
    """Each frame's running median position over ``window`` frames around it (at least
    the frame and its neighbours): a foot that stays put, without the frame-to-frame
    jitter of its landmark."""
    return running_median(points, max(window, 2))


def _median(values: Floats) -> float:
    values = values[np.isfinite(values)]
    return float(np.median(values)) if len(values) else float("nan")
