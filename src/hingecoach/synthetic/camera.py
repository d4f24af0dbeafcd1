"""Filming the figure: place it in an image, mirror it to the side filmed, blur it with
landmark noise and tracking drop-outs, and hand over a ``Track``.

World: metres, x forward, y up. Image: pixels, x right, y down. A person whose left side
faces the camera faces image left. The far side's points sit a little nearer the image
centre (perspective: they are further away) and are seen less surely.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from hingecoach.core.kinematics import ClipInfo, Frame, Landmark, Track
from hingecoach.synthetic.pose import Points

PARTS = {
    "shoulder": "shoulder",
    "hip": "hip",
    "knee": "knee",
    "ankle": "ankle",
    "heel": "heel",
    "toe": "foot_index",
}
SIZES = {"landscape": (1920, 1080), "hd": (1280, 720), "portrait": (1080, 1920)}


@dataclass(frozen=True)
class Camera:
    width: int
    height: int
    scale: float
    x0: float
    y0: float
    facing: float
    far_ratio: float

    def project(self, xy: np.ndarray) -> np.ndarray:
        out = np.empty_like(xy, dtype=float)
        out[..., 0] = self.x0 + self.facing * self.scale * xy[..., 0]
        out[..., 1] = self.y0 - self.scale * xy[..., 1]
        return out

    def project_far(self, xy: np.ndarray) -> np.ndarray:
        centre = np.array([self.width / 2, self.height / 2])
        return centre + (self.project(xy) - centre) * self.far_ratio


def place(
    points: Points,
    side: str,
    size: str,
    body_height: float,
    feet_cut: bool,
    rng: np.random.Generator,
    share: float | None = None,
) -> Camera:
    """Scale the figure to 45-80 % of the image height (less if its reach is wider than
    the image) and centre its whole motion horizontally; with ``share``, scale it to that
    share of the height and put its motion near one edge of the image instead."""
    width, height = SIZES[size]
    every = np.concatenate([p for p in points.values()])
    span_x = np.ptp(every[:, 0]) + 0.2 * body_height
    fill = share if share is not None else rng.uniform(0.45, 0.8)
    scale = min(fill * height / body_height, 0.9 * width / span_x)
    facing = -1.0 if side == "left" else 1.0
    mid = (every[:, 0].min() + every[:, 0].max()) / 2
    if share is None:
        x0 = width / 2 - facing * scale * mid + rng.uniform(-0.05, 0.05) * width
    else:
        centre = rng.uniform(0.2, 0.33) * width
        x0 = (centre if rng.random() < 0.5 else width - centre) - facing * scale * mid
    floor = height + 0.25 * body_height * scale if feet_cut else rng.uniform(0.88, 0.95) * height
    # The far side sits a body's depth further away: a figure small in the frame is far
    # from the camera, so that depth shrinks its far side less.
    far_ratio = rng.uniform(0.9, 0.96) if share is None else rng.uniform(0.95, 0.97)
    return Camera(width, height, float(scale), float(x0), float(floor), facing, float(far_ratio))


def jitter(rng: np.random.Generator, frames: int, sigma: float, fps: float) -> np.ndarray:
    """(frames, 2) pixel noise: white, plus a slow drift of half its size (about 0.25 s
    correlation), as pose models wobble along a limb for a few frames at a time."""
    white = rng.normal(0, sigma, (frames, 2))
    if sigma == 0 or frames < 2:
        return white
    return white + 0.5 * sigma * drift(rng, frames, 0.25 * fps)


def sway(rng: np.random.Generator, frames: int, sigma: float, fps: float) -> np.ndarray:
    """(frames, 2) pixel offsets of the whole image: a phone held in the hand drifts
    slowly (about 1 s correlation) by ``sigma`` pixels."""
    if sigma == 0 or frames < 2:
        return np.zeros((frames, 2))
    return sigma * drift(rng, frames, 1.0 * fps)


def drift(rng: np.random.Generator, frames: int, width: float) -> np.ndarray:
    """(frames, 2) smooth noise of unit size, correlated over ``width`` frames."""
    offsets = np.arange(-int(3 * width), int(3 * width) + 1)
    kernel = np.exp(-0.5 * (offsets / width) ** 2)
    kernel /= np.sqrt((kernel**2).sum())
    steps = rng.normal(0, 1, (frames + len(kernel) - 1, 2))
    return np.column_stack([np.convolve(steps[:, k], kernel, "valid") for k in range(2)])


def dropped(rng: np.random.Generator, frames: int, rate: float, fps: float) -> np.ndarray:
    """Frames with no person: runs of 1 to 0.15 s, starting at ``rate`` per frame."""
    gone = np.zeros(frames, dtype=bool)
    longest = max(1, int(0.15 * fps))
    for start in np.flatnonzero(rng.random(frames) < rate):
        gone[start : start + int(rng.integers(1, longest + 1))] = True
    return gone


@dataclass(frozen=True)
class Film:
    """How the clip was filmed: the side toward the camera, noise and drop-outs."""

    side: str
    fps: float
    noise_px: float
    drop_rate: float
    far_seen_as_well: bool


def landmark_series(
    near: Points, far: Points, cam: Camera, film: Film, rng: np.random.Generator
) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Per landmark name, (frames, 2) pixels and (frames,) visibility."""
    other = "right" if film.side == "left" else "left"
    n = len(near["hip"])
    out = {
        "nose": (
            cam.project(near["nose"]) + jitter(rng, n, film.noise_px, film.fps),
            rng.uniform(0.9, 1.0, n),
        )
    }
    far_vis = (0.85, 1.0) if film.far_seen_as_well else (0.3, 0.7)
    for key, part in PARTS.items():
        out[f"{film.side}_{part}"] = (
            cam.project(near[key]) + jitter(rng, n, film.noise_px, film.fps),
            rng.uniform(0.85, 1.0, n),
        )
        out[f"{other}_{part}"] = (
            cam.project_far(far[key]) + jitter(rng, n, 1.5 * film.noise_px, film.fps),
            rng.uniform(*far_vis, n),
        )
    return out


def out_of_image(series: dict[str, tuple[np.ndarray, np.ndarray]], cam: Camera) -> None:
    """Like a pose model: a landmark outside the image keeps a guess, seen unsurely."""
    for xy, vis in series.values():
        outside = (xy[:, 0] < 0) | (xy[:, 0] > cam.width) | (xy[:, 1] < 0) | (xy[:, 1] > cam.height)
        vis[outside] = np.minimum(vis[outside], 0.2)


def to_track(
    series: dict[str, tuple[np.ndarray, np.ndarray]],
    outlines: np.ndarray | None,
    cam: Camera,
    film: Film,
    rng: np.random.Generator,
) -> tuple[Track, np.ndarray]:
    """The track, and which frames have a person."""
    n = len(series["nose"][0])
    present = ~dropped(rng, n, film.drop_rate, film.fps)
    names = list(series)
    columns = [list(map(Landmark, *xy.T.tolist(), vis.tolist())) for xy, vis in series.values()]
    frames: list[Frame | None] = []
    for i, marks in enumerate(zip(*columns, strict=True)):
        if not present[i]:
            frames.append(None)
            continue
        outline = None if outlines is None or np.isnan(outlines[i, 0, 0]) else outlines[i]
        frames.append(Frame(landmarks=dict(zip(names, marks, strict=True)), back_outline=outline))
    clip = ClipInfo(fps=film.fps, width=cam.width, height=cam.height)
    return Track(clip=clip, frames=frames), present
