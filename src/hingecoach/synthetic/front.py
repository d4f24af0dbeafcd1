"""The same movement filmed from the front: left and right points spread across the image
by the body's widths, depth lost. The kinematics must call it not assessable."""

from __future__ import annotations

import numpy as np

from hingecoach.synthetic.body import Body
from hingecoach.synthetic.camera import PARTS, Camera, Film, jitter
from hingecoach.synthetic.pose import Points

# Half-widths as fractions of standing height (shoulder and hip joint centres, knees,
# ankles, heels, toes): a person facing the camera shows their left on image right.
HALF_WIDTH = {
    "shoulder": 0.11,
    "hip": 0.055,
    "knee": 0.055,
    "ankle": 0.05,
    "heel": 0.05,
    "toe": 0.065,
}


def front_series(
    near: Points, body: Body, cam: Camera, film: Film, rng: np.random.Generator
) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    n = len(near["hip"])
    centre = cam.width / 2

    def at(y: np.ndarray, lateral: float) -> np.ndarray:
        x = np.full(len(y), centre + lateral * body.height * cam.scale)
        return np.column_stack([x, cam.y0 - cam.scale * y]) + jitter(
            rng, n, film.noise_px, film.fps
        )

    out = {"nose": (at(near["nose"][:, 1], 0.0), rng.uniform(0.9, 1.0, n))}
    for key, part in PARTS.items():
        for side, sign in (("left", 1.0), ("right", -1.0)):
            out[f"{side}_{part}"] = (
                at(near[key][:, 1], sign * HALF_WIDTH[key]),
                rng.uniform(0.85, 1.0, n),
            )
    return out
