"""What real gym footage does to a pose model's track, as generator scenes.

Each scene is a class of real phone clip the analysis must hold on (DOMAIN.md section
5), rebuilt with known truth:

    plain          the generator's own clips: the person 45-80 % of the frame's height
    plates         plates in front of the shins: the feet and ankles thrown about and
                   seen unsurely, the knee placed less well
    bottom-plates  the same, and the clip opens at the bottom (a pull from the floor)
    touch-and-go   a set whose reps turn at the top without a rest and touch the bottom
                   without a hold
    small-edge     a lifter a quarter to a third of the frame's height, near its edge,
                   seen less surely (more jitter, more drop-outs, feet less sure)
    overlay        an app's skeleton and text burned into the picture: for a stretch at
                   one rep's bottom the model fits an upright body over the bent one, and
                   now and then it puts the skeleton on the drawing elsewhere
    short          one pull from the bottom to standing, the clip under a second

The effects are the ones seen through the real pose model on real clips (shared video
README, benchmarks/README.md "Video robustness"), sized from those readings.
"""

from __future__ import annotations

import numpy as np

from hingecoach.synthetic.profile import TEMPOS, RepTiming, Schedule, random_schedule

SCENES = ("plain", "plates", "bottom-plates", "touch-and-go", "small-edge", "overlay", "short")
LEGS_BELOW_KNEE = ("ankle", "heel", "foot_index")
Series = dict[str, tuple[np.ndarray, np.ndarray]]


def behind_plates(scene: str) -> bool:
    return scene in ("plates", "bottom-plates")


def scene_schedule(
    rng: np.random.Generator, scene: str, reps: int, tempo: str, start_at_bottom: bool
) -> Schedule:
    """The rep timing a scene films."""
    if scene == "short":
        lo, hi = TEMPOS["fast"]
        rep = RepTiming(
            down_s=0.0,
            hold_s=0.0,
            up_s=float(rng.uniform(lo, hi)),
            rest_s=float(rng.uniform(0.05, 0.15)),
        )
        return Schedule(lead_s=0.0, reps=(rep,), start_at_bottom=True)
    schedule = random_schedule(rng, reps, tempo, start_at_bottom or scene == "bottom-plates")
    if scene != "touch-and-go":
        return schedule
    quick = tuple(
        RepTiming(r.down_s, 0.0, r.up_s, float(rng.uniform(0.0, 0.15))) for r in schedule.reps
    )
    return Schedule(schedule.lead_s, quick, schedule.start_at_bottom)


def frame_share(scene: str, rng: np.random.Generator) -> float | None:
    """The person's height as a share of the frame's, when the scene sets it."""
    return float(rng.uniform(0.25, 0.34)) if scene == "small-edge" else None


def film_scene(
    series: Series,
    scene: str,
    leg_px: float,
    fps: float,
    width: int,
    lean: np.ndarray,
    rng: np.random.Generator,
) -> None:
    """Apply the scene's effects to the landmark series (pixels and visibility), in
    place. ``leg_px``: the leg's length in the image; ``width``: the image's; ``lean``:
    the true trunk lean per frame, degrees (where a rep's bottom is)."""
    if behind_plates(scene):
        _plates(series, leg_px, rng)
    elif scene == "small-edge":
        _unsure(series, leg_px, rng)
    elif scene == "overlay":
        _upright_fit(series, lean, fps, rng)
        _on_the_drawing(series, leg_px, width, rng)


def _plates(series: Series, leg_px: float, rng: np.random.Generator) -> None:
    """Ankles and feet guessed behind the plates: thrown about by up to a fifth of the
    leg and seen unsurely; the knee, half hidden, jitters more."""
    for name, (xy, vis) in series.items():
        n = len(xy)
        if name.endswith(LEGS_BELOW_KNEE):
            xy += rng.uniform(-0.2 * leg_px, 0.2 * leg_px, (n, 2))
            vis[:] = rng.uniform(0.1, 0.7, n)
        elif name.endswith("knee"):
            xy += rng.normal(0, 0.01 * leg_px, (n, 2))
            vis[:] = rng.uniform(0.5, 0.9, n)


def _unsure(series: Series, leg_px: float, rng: np.random.Generator) -> None:
    """A small figure: every point a little less sure, the feet much less."""
    for name, (xy, vis) in series.items():
        n = len(xy)
        xy += rng.normal(0, 0.006 * leg_px, (n, 2))
        low = (0.35, 0.8) if name.endswith(("heel", "foot_index")) else (0.55, 0.95)
        vis[:] = np.minimum(vis, rng.uniform(*low, n))


def _upright_fit(series: Series, lean: np.ndarray, fps: float, rng: np.random.Generator) -> None:
    """As the deepest rep starts down, the model keeps fitting a body that stands: for
    0.3-0.8 s (never past the bottom) the trunk is drawn leaning only 10-25 degrees, its
    own length, from the hip; then it snaps to the real lean (seen on a real set with
    an overlay burned in, where the model carried a standing body into the set-up)."""
    bottom = int(np.argmax(lean))
    before = np.flatnonzero(lean[:bottom] < 15)
    start = int(before[-1]) + 1 if len(before) else 0
    stop = min(bottom, start + int(rng.uniform(0.3, 0.8) * fps))
    if stop <= start:
        return
    frames = slice(start, stop)
    tilt = np.radians(rng.uniform(10, 25))
    for side in ("left", "right"):
        shoulder, hip = series[f"{side}_shoulder"][0], series[f"{side}_hip"][0]
        trunk = np.hypot(*(shoulder[frames] - hip[frames]).T)
        forward = np.sign(np.nanmedian(shoulder[frames, 0] - hip[frames, 0])) or 1.0
        shoulder[frames] = hip[frames] + np.column_stack(
            [forward * np.sin(tilt) * trunk, -np.cos(tilt) * trunk]
        )


def _on_the_drawing(series: Series, leg_px: float, width: int, rng: np.random.Generator) -> None:
    """In one frame in fifty the whole skeleton lands on the app's drawing of a figure,
    0.6-1 leg lengths away toward the middle of the picture (where such apps draw)."""
    n = len(series["nose"][0])
    frames = rng.random(n) < 0.02
    hip = series["left_hip"][0]
    toward = np.sign(width / 2 - np.nanmedian(hip[:, 0])) or 1.0
    shift = rng.uniform(0.6, 1.0) * leg_px * np.array([toward, -0.2])
    for xy, _ in series.values():
        xy[frames] += shift
