"""One generated clip: a ``ClipSpec`` in, a ``Track`` and its ``Truth`` out (seeded)."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from hingecoach.core.kinematics import Track
from hingecoach.synthetic import hinge
from hingecoach.synthetic.body import Body, random_body
from hingecoach.synthetic.camera import (
    Camera,
    Film,
    landmark_series,
    out_of_image,
    place,
    sway,
    to_track,
)
from hingecoach.synthetic.front import front_series
from hingecoach.synthetic.labels import BANDS
from hingecoach.synthetic.motions import jump_world, walk_world
from hingecoach.synthetic.outline import outline_world
from hingecoach.synthetic.pose import Points
from hingecoach.synthetic.profile import phase
from hingecoach.synthetic.scenes import behind_plates, film_scene, frame_share, scene_schedule
from hingecoach.synthetic.truth import RepTruth, Truth, true_angles

KINDS = ("hinge", "walk", "jump")
# Outline jitter up to this (share of height) is steady enough to judge the lower back;
# the dataset's next level, 0.005, is not (about 18 degrees of frame-to-frame scatter).
STEADY_OUTLINE = 0.003


@dataclass(frozen=True)
class ClipSpec:
    """What to film. ``faults``: injected in every rep of a hinge; ``outline``: the back
    outline in every frame ("full"), in one frame in four ("partial") or never ("none");
    ``view``: "side" or "front"; ``framing``: "full" or "feet-cut" (feet below the image);
    ``size``: "landscape", "hd" or "portrait"; ``noise``: landmark jitter as a share of
    the figure's height in the image (a pose model works on a crop of the person, so its
    error scales with the person's size, not the frame's); ``outline_noise``: the back
    outline's edge jitter, the same way (an edge in the image is found more precisely
    than a joint inside the body: 0.002 gives the frame-to-frame scatter the real pose
    model's mask showed on a drawn figure, benchmarks/README.md); ``sway``: a phone held
    in the hand, the whole image drifting slowly by this share of the height;
    ``scene``: a class of real gym footage (``scenes.SCENES``), "plain" for none."""

    kind: str = "hinge"
    faults: frozenset[str] = field(default_factory=frozenset)
    side: str = "left"
    fps: float = 30.0
    reps: int = 2
    tempo: str = "medium"
    start_at_bottom: bool = False
    noise: float = 0.005
    outline_noise: float = 0.002
    sway: float = 0.0
    drop_rate: float = 0.01
    outline: str = "full"
    view: str = "side"
    framing: str = "full"
    size: str = "landscape"
    seed: int = 0
    scene: str = "plain"


@dataclass(frozen=True)
class World:
    near: Points
    far: Points
    outline: np.ndarray | None
    reps: tuple[RepTruth, ...]


def generate_clip(spec: ClipSpec) -> tuple[Track, Truth]:
    rng = np.random.default_rng(spec.seed)
    body = random_body(rng)
    world = make_world(spec, body, rng)
    cam = place(
        {**world.near, **{f"far_{k}": v for k, v in world.far.items()}},
        spec.side,
        spec.size,
        body.height,
        spec.framing == "feet-cut",
        rng,
        share=frame_share(spec.scene, rng),
    )
    film = Film(
        spec.side,
        spec.fps,
        spec.noise * body.height * cam.scale,
        spec.drop_rate,
        far_seen_as_well=bool(rng.random() < 0.3),
    )
    series = (
        front_series(world.near, body, cam, film, rng)
        if spec.view == "front"
        else landmark_series(world.near, world.far, cam, film, rng)
    )
    held = sway(rng, len(world.near["hip"]), spec.sway * body.height * cam.scale, spec.fps)
    series = {name: (xy + held, seen) for name, (xy, seen) in series.items()}
    film_scene(
        series,
        spec.scene,
        body.leg * cam.scale,
        spec.fps,
        cam.width,
        true_angles(world.near)["trunk"],
        rng,
    )
    out_of_image(series, cam)
    outlines = outline_pixels(
        world.outline, cam, spec, spec.outline_noise * body.height * cam.scale, rng
    )
    if outlines is not None:
        outlines = outlines + held[:, None, :]
    track, present = to_track(series, outlines, cam, film, rng)
    return track, _truth(spec, world, present)


def make_world(spec: ClipSpec, body: Body, rng: np.random.Generator) -> World:
    if spec.kind == "walk":
        near, far = walk_world(body, rng, spec.fps)
        return World(near, far, None, ())
    if spec.kind == "jump":
        points = jump_world(body, rng, spec.fps)
        return World(points, points, None, ())
    for _ in range(200):
        world = hinge_world(spec, body, rng)
        if world is not None:
            return world
    raise RuntimeError(f"no unambiguous hinge for faults {sorted(spec.faults)}")


def hinge_world(spec: ClipSpec, body: Body, rng: np.random.Generator) -> World | None:
    """A hinge clip, or None when a rep's true value falls inside a label margin."""
    schedule = scene_schedule(rng, spec.scene, spec.reps, spec.tempo, spec.start_at_bottom)
    p, times = phase(schedule, spec.fps)
    t = np.arange(len(p)) / spec.fps
    starts = np.array([start for start, _, _ in times])
    rep_of_frame = np.clip(np.searchsorted(starts, t, side="right") - 1, 0, len(times) - 1)
    stance = hinge.draw_stance(rng)
    doses = [hinge.draw_dose(rng, spec.faults, stance) for _ in times]
    points, params = hinge.hinge_world(body, stance, doses, rep_of_frame, p)
    reps = []
    for start, bottom, end in times:
        frames = np.flatnonzero((t >= start - 1e-9) & (t <= end + 1e-9))
        values = hinge.rep_values(body, points, params, frames, p)
        labels = {fault: BANDS[fault].label(value) for fault, value in values.items()}
        if None in labels.values():
            return None
        reps.append(
            RepTruth(start, bottom, end, frozenset(f for f, on in labels.items() if on), values)
        )
    outline = outline_world(
        body, points["hip"], params["lean"], params["lumbar"], float(rng.uniform(0.02, 0.05))
    )
    return World(points, points, outline, tuple(reps))


def outline_pixels(
    outline: np.ndarray | None,
    cam: Camera,
    spec: ClipSpec,
    noise_px: float,
    rng: np.random.Generator,
) -> np.ndarray | None:
    """The outline in pixels with edge noise; NaN frames where it was not found."""
    if outline is None or spec.outline == "none" or spec.view == "front":
        return None
    pixels = cam.project(outline) + rng.normal(0, max(0.5, noise_px), outline.shape)
    if spec.outline == "partial":
        lost = np.arange(len(pixels)) // 5 % 4 != 0
        pixels[lost] = np.nan
    return pixels


def _truth(spec: ClipSpec, world: World, present: np.ndarray) -> Truth:
    assessable = spec.view == "side" and spec.framing == "full"
    fps = spec.fps
    return Truth(
        kind=spec.kind,
        side=spec.side,
        assessable=assessable,
        t_s=np.arange(len(present)) / fps,
        angles=true_angles(world.near),
        present=present,
        reps=world.reps if assessable else (),
        lumbar_seen=(
            assessable
            and spec.outline == "full"
            and spec.kind == "hinge"
            and spec.outline_noise <= STEADY_OUTLINE
        ),
        feet_seen=assessable and not behind_plates(spec.scene),
    )
