"""Film a synthetic mover: draw a flat-shaded mannequin from a generated landmark track.

``hingecoach.synthetic`` gives a ``Track`` with known angles, reps and faults; this draws
a body around its landmarks (legs, arms, head, and a trunk whose back edge is the
generator's own back outline) on a plain background, so the real pose model can be run
on a clip whose truth is known. The pose model finds such a figure in most, not all, frames.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import cv2
import numpy as np

from hingecoach.core.kinematics import Frame, Track
from hingecoach.synthetic import ClipSpec, generate_clip

BACKGROUND = (190, 200, 205)
SKIN, FAR_SKIN = (120, 150, 200), (100, 125, 170)
SHIRT, PANTS, FAR_PANTS, SHOES = (50, 60, 150), (90, 60, 45), (70, 45, 35), (25, 25, 25)


def _point(frame: Frame, name: str) -> np.ndarray:
    mark = frame.landmarks[name]
    return np.array([mark.x, mark.y])


def draw_mannequin(frame: Frame | None, size: tuple[int, int], near: str) -> np.ndarray:
    """One BGR image (``size`` = width, height) of the figure in ``frame``."""
    width, height = size
    image = np.full((height, width, 3), BACKGROUND, np.uint8)
    if frame is None:
        return image
    far = "right" if near == "left" else "left"
    shoulder, hip = _point(frame, f"{near}_shoulder"), _point(frame, f"{near}_hip")
    trunk = float(np.hypot(*(shoulder - hip)))

    def limb(a: np.ndarray, b: np.ndarray, thickness: float, colour: tuple) -> None:
        cv2.line(
            image,
            tuple(int(v) for v in a),
            tuple(int(v) for v in b),
            colour,
            max(2, int(thickness * trunk)),
            cv2.LINE_AA,
        )

    for side, pants in ((far, FAR_PANTS), (near, PANTS)):
        h, k, a, heel, toe = (
            _point(frame, f"{side}_{p}") for p in ("hip", "knee", "ankle", "heel", "foot_index")
        )
        limb(h, k, 0.30, pants)
        limb(k, a, 0.22, pants)
        limb(a, heel, 0.12, SHOES)
        limb(heel, toe, 0.12, SHOES)
    _trunk(image, frame, hip, shoulder, trunk)
    nose = _point(frame, "nose")
    head = shoulder + (nose - shoulder) * 0.8
    limb(shoulder, head, 0.18, SKIN)
    cv2.circle(image, tuple(int(v) for v in head), int(0.25 * trunk), SKIN, -1, cv2.LINE_AA)
    forward = -1.0 if near == "left" else 1.0  # a person's left side faces image left
    for colour in (FAR_SKIN, SKIN):
        elbow = shoulder + np.array([0.0, 0.55 * trunk])
        limb(shoulder, elbow, 0.14, colour)
        limb(elbow, elbow + np.array([0.1 * forward * trunk, 0.5 * trunk]), 0.12, colour)
    return image


def _trunk(
    image: np.ndarray, frame: Frame, hip: np.ndarray, shoulder: np.ndarray, trunk: float
) -> None:
    """The back edge is the generator's outline; the front a line parallel to the chord."""
    back = np.asarray(frame.back_outline, dtype=float)
    along = (shoulder - hip) / trunk
    normal = np.array([along[1], -along[0]])
    if np.median((back - hip) @ normal) < 0:
        normal = -normal  # normal now points to the back
    u = np.linspace(0.0, 1.0, 12)[:, None]
    front = hip + u * (shoulder - hip) - 0.2 * trunk * normal
    polygon = np.concatenate([back, front[::-1]]).astype(np.int32)
    cv2.fillPoly(image, [polygon], SHIRT, cv2.LINE_AA)


def film(track: Track, path: Path, near: str) -> Path:
    """Write the track as an MPEG-4 clip at its own size and frame rate."""
    size = (track.clip.width, track.clip.height)
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), track.clip.fps, size)
    for frame in track.frames:
        writer.write(draw_mannequin(frame, size, near))
    writer.release()
    return path


def film_two_hinges(path: Path, faults: frozenset[str]) -> tuple[Path, Any]:
    """Two generated hinges showing ``faults`` (knee-dominant: they turn into squats),
    filmed from the left at HD with no landmark noise: the clip and its truth."""
    spec = ClipSpec(
        faults=faults,
        side="left",
        reps=2,
        size="hd",
        noise=0.0,
        drop_rate=0.0,
        seed=3,
    )
    track, truth = generate_clip(spec)
    return film(track, path, "left"), truth
