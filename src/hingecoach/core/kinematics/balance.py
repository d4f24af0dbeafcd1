"""Where the weight sits over the foot: a centre-of-mass proxy from the landmarks.

Segment masses and centre positions are Winter's (Biomechanics and Motor Control of
Human Movement, 4th ed., 2009, table 4.1): head and neck 8.1 % of body mass, trunk
49.7 % (centre half way from hip to shoulder), each arm 5 %, thigh 10 % (centre 43.3 %
down from the hip), shank 4.65 % (43.3 % down from the knee), foot 1.45 %. A side view
shows one leg over the other, so both legs take the near leg's points; the arms are
taken to hang from the shoulders (no wrist landmark is required); the head's centre is
placed 60 % of the way from the shoulder to the nose. This is a proxy, not a force plate.
"""

from __future__ import annotations

from hingecoach.core.kinematics.numeric import Floats

HEAD, TRUNK, ARMS, THIGHS, SHANKS, FEET = 0.081, 0.497, 0.100, 0.200, 0.093, 0.029
HEAD_AT, TRUNK_AT, THIGH_AT, SHANK_AT = 0.6, 0.5, 0.433, 0.433


def centre_of_mass_x(joints: dict[str, Floats]) -> Floats:
    """Horizontal centre of mass (pixels) from ``nose``, ``shoulder``, ``hip``, ``knee``,
    ``ankle``, ``heel`` and ``toe`` (each an (n, 2) array)."""
    x = {name: points[:, 0] for name, points in joints.items()}
    head = x["shoulder"] + HEAD_AT * (x["nose"] - x["shoulder"])
    trunk = x["hip"] + TRUNK_AT * (x["shoulder"] - x["hip"])
    thigh = x["hip"] + THIGH_AT * (x["knee"] - x["hip"])
    shank = x["knee"] + SHANK_AT * (x["ankle"] - x["knee"])
    foot = (x["heel"] + x["toe"]) / 2
    return (
        HEAD * head
        + TRUNK * trunk
        + ARMS * x["shoulder"]
        + THIGHS * thigh
        + SHANKS * shank
        + FEET * foot
    )


def weight_on_foot(com_x: Floats, heel: Floats, foot_length: float, facing: float) -> Floats:
    """The centre of mass along the foot: 0 over the heel, 1 over the toe, 0.5 mid-foot."""
    return facing * (com_x - heel[:, 0]) / foot_length
