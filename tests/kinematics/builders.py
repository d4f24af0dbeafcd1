"""Hand-built landmark frames for the kinematics tests (no generator involved).

A side-view stick figure from a few angles, in metres (x forward, y up), drawn into a
1920x1080 image at 400 px per metre with its ankle at (``origin``); ``facing`` +1 faces
image right (the right side toward the camera), -1 image left.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from hingecoach.core.kinematics import ClipInfo, Frame, Landmark, Track

SHANK, THIGH, TRUNK = 0.43, 0.43, 0.5
SCALE = 400.0


def _unit(deg: float) -> tuple[float, float]:
    return math.sin(math.radians(deg)), math.cos(math.radians(deg))


def figure(
    lean: float = 0.0, knee_flex: float = 0.0, shin: float = 0.0, toe_up: float = 0.0
) -> dict[str, tuple[float, float]]:
    """World points of the near side: trunk ``lean`` and ``shin`` from vertical
    (forward +), ``knee_flex`` = 180 - knee angle; the toe raised by ``toe_up`` metres."""
    ankle = (0.0, 0.08)
    sx, sy = _unit(shin)
    knee = (ankle[0] + SHANK * sx, ankle[1] + SHANK * sy)
    tx, ty = _unit(-(knee_flex - shin))
    hip = (knee[0] + THIGH * tx, knee[1] + THIGH * ty)
    lx, ly = _unit(lean)
    shoulder = (hip[0] + TRUNK * lx, hip[1] + TRUNK * ly)
    nx, ny = _unit(lean * 0.8)
    nose = (shoulder[0] + 0.08 * ny + 0.2 * nx, shoulder[1] + 0.2 * ny - 0.08 * nx)
    return {
        "shoulder": shoulder,
        "hip": hip,
        "knee": knee,
        "ankle": ankle,
        "heel": (-0.06, 0.02),
        "foot_index": (0.17, 0.02 + toe_up),
        "nose": nose,
    }


def frame(
    points: dict[str, tuple[float, float]],
    facing: int = 1,
    origin: tuple[float, float] = (900.0, 1000.0),
    far_visibility: float = 0.4,
    near_visibility: float = 0.95,
    outline: Sequence[tuple[float, float]] | None = None,
    far_shift: float = 4.0,
) -> Frame:
    """A Frame of ``points`` seen from the side; the far side a few pixels off."""
    near = "right" if facing > 0 else "left"
    far = "left" if facing > 0 else "right"

    def px(p: tuple[float, float], dx: float = 0.0) -> tuple[float, float]:
        return origin[0] + facing * SCALE * p[0] + dx, origin[1] - SCALE * p[1]

    marks = {"nose": Landmark(*px(points["nose"]), 0.99)}
    for part in ("shoulder", "hip", "knee", "ankle", "heel", "foot_index"):
        marks[f"{near}_{part}"] = Landmark(*px(points[part]), near_visibility)
        marks[f"{far}_{part}"] = Landmark(*px(points[part], far_shift), far_visibility)
    return Frame(landmarks=marks, back_outline=outline)


def world_to_image(
    p: tuple[float, float], facing: int = 1, origin: tuple[float, float] = (900.0, 1000.0)
) -> tuple[float, float]:
    return origin[0] + facing * SCALE * p[0], origin[1] - SCALE * p[1]


def track(
    frames: Sequence[Frame | None],
    fps: float = 30.0,
    brightness: float | None = None,
) -> Track:
    return Track(
        clip=ClipInfo(fps=fps, width=1920, height=1080, brightness=brightness), frames=list(frames)
    )


def hinge_frames(
    leans: Sequence[float], facing: int = 1, knee_flex: float = 15.0, **kwargs
) -> list[Frame]:
    """A hinge: the trunk follows ``leans``; the hips go back as far as the trunk goes
    forward (shin angle chosen for balance, roughly), soft knees."""
    out = []
    for lean in leans:
        shin = knee_flex - 35.0 * math.sin(math.radians(lean))
        out.append(frame(figure(lean, knee_flex, shin), facing, **kwargs))
    return out


def lean_curve(
    reps: int = 2,
    fps: float = 30.0,
    depth: float = 70.0,
    rest_s: float = 0.8,
    rep_s: float = 2.0,
    start_at_bottom: bool = False,
) -> list[float]:
    """Trunk lean per frame: standing, then ``reps`` smooth dips to ``depth`` degrees."""
    leans = [2.0] * int(rest_s * fps)
    for k in range(reps):
        n = int(rep_s * fps)
        phase = range(n // 2, n) if (k == 0 and start_at_bottom) else range(n)
        leans += [2.0 + (depth - 2.0) * (1 - math.cos(2 * math.pi * i / n)) / 2 for i in phase]
        leans += [2.0] * int(rest_s * fps)
    return leans[int(rest_s * fps) :] if start_at_bottom else leans


def front_frame() -> Frame:
    """Facing the camera: shoulders 40 cm and hips 30 cm apart across the image."""
    marks = {"nose": Landmark(960, 300)}
    for side, sign in (("left", 1), ("right", -1)):
        for part, (half, y) in {
            "shoulder": (80, 400),
            "hip": (60, 600),
            "knee": (55, 780),
            "ankle": (50, 950),
            "heel": (50, 970),
            "foot_index": (55, 985),
        }.items():
            marks[f"{side}_{part}"] = Landmark(960 + sign * half, y, 0.95)
    return Frame(landmarks=marks)


def disturb(
    clip: Track,
    parts: Sequence[str],
    start_s: float,
    end_s: float,
    shift: tuple[float, float] | None = None,
    frames: Sequence[int] | None = None,
) -> None:
    """Hide ``parts`` (both sides) from ``start_s`` to ``end_s`` (or in ``frames``), or
    move them by ``shift`` pixels there, as a pose model does behind a plate or on a
    passer-by."""
    for i, seen in enumerate(clip.frames):
        inside = i in frames if frames is not None else start_s <= i / clip.clip.fps <= end_s
        if seen is None or not inside:
            continue
        for side in ("left", "right"):
            for part in parts:
                mark = seen.landmarks[f"{side}_{part}"]
                seen.landmarks[f"{side}_{part}"] = (
                    Landmark(mark.x, mark.y, 0.1)
                    if shift is None
                    else Landmark(mark.x + shift[0], mark.y + shift[1], mark.visibility)
                )
