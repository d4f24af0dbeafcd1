"""Scenes that stress the video pipeline, filmed around generated hinge tracks.

A scene is a background, layers drawn on it frame by frame (the athlete, a second
person, a barbell) and effects on the finished image (darkness, sensor noise, blocky
compression), written as an MPEG-4 clip. The athlete and any second person are the
mannequin of ``mannequin.py`` cut out of its plain background, with a face drawn on.
``SCENARIOS`` names the conditions real side-view clips bring (gyms and outdoors,
portrait phones, a plate in front of a knee, a busy background, someone else in the
picture); ``film_scenario`` films one and returns the generator's truth for it, at full
size or shrunk (``scale`` 0.5: 960 px on the long side, for quick tests).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import cv2
import numpy as np

from hingecoach.core.kinematics import ClipInfo, Frame, Landmark, Track
from hingecoach.synthetic import ClipSpec, Truth, generate_clip

from .mannequin import BACKGROUND, draw_mannequin
from .support import set_rotation

Layer = Callable[[np.ndarray, int], None]
"""Draws onto a BGR image in place, for frame ``i``."""
Effect = Callable[[np.ndarray, int], np.ndarray]
"""Returns frame ``i``'s finished image changed (light, noise, compression)."""


# --- moving figures around ---------------------------------------------------------------


def _map(frame: Frame | None, fn: Callable[[np.ndarray], np.ndarray]) -> Frame | None:
    if frame is None:
        return None
    names = list(frame.landmarks)
    xy = fn(np.array([frame.landmarks[n][:2] for n in names], dtype=float))
    marks = {
        n: Landmark(float(x), float(y), frame.landmarks[n].visibility)
        for n, (x, y) in zip(names, xy, strict=True)
    }
    outline = (
        None if frame.back_outline is None else fn(np.asarray(frame.back_outline, dtype=float))
    )
    return Frame(landmarks=marks, back_outline=outline)


def moved(
    track: Track,
    factor: float,
    shift: tuple[float, float] = (0.0, 0.0),
    size: tuple[int, int] | None = None,
) -> Track:
    """The track's points times ``factor`` plus ``shift``, on a canvas of ``size``
    (default: the canvas scaled by ``factor``)."""
    offset = np.array(shift, dtype=float)
    width, height = size or (round(track.clip.width * factor), round(track.clip.height * factor))
    clip = ClipInfo(fps=track.clip.fps, width=width, height=height)
    return Track(clip=clip, frames=[_map(f, lambda p: p * factor + offset) for f in track.frames])


def figure_box(track: Track) -> tuple[float, float, float]:
    """(standing height, x of the mid-feet, y of the floor) in pixels, from the first
    frame with a person; the height runs from the heels to the top of the head."""
    frame = next(f for f in track.frames if f is not None)
    marks = frame.landmarks
    floor = max(marks[f"{s}_heel"].y for s in ("left", "right"))
    trunk = abs(marks["left_hip"].y - marks["left_shoulder"].y)
    top = marks["nose"].y - 0.35 * trunk
    feet = np.mean([marks[f"{s}_{p}"].x for s in ("left", "right") for p in ("heel", "foot_index")])
    return floor - top, float(feet), floor


def placed(
    track: Track, size: tuple[int, int], height_share: float, feet_x: float, floor_y: float
) -> Track:
    """The figure standing ``height_share`` of the canvas tall, its feet at
    (``feet_x``, ``floor_y``) as shares of the canvas."""
    height, x0, y0 = figure_box(track)
    factor = height_share * size[1] / height
    shift = (feet_x * size[0] - factor * x0, floor_y * size[1] - factor * y0)
    return moved(track, factor, shift, size)


def retimed(track: Track, frames: int, start: int) -> Track:
    """``frames`` frames long, the track starting at frame ``start``; nobody before it
    or after its end."""
    shown = [None] * start + list(track.frames[: max(0, frames - start)])
    return Track(clip=track.clip, frames=shown + [None] * (frames - len(shown)))


def absent_until(track: Track, frames: int) -> Track:
    """Nobody in the first ``frames`` frames, then the track."""
    return Track(clip=track.clip, frames=[None] * frames + list(track.frames[frames:]))


def standing_still(track: Track, frames: int) -> Track:
    """The track's first frame held ``frames`` long: a person standing and watching."""
    first = next(f for f in track.frames if f is not None)
    return Track(clip=track.clip, frames=[first] * frames)


# --- layers -------------------------------------------------------------------------------


def person(track: Track, near: str) -> Layer:
    """The mannequin of each frame, cut out of its plain background (soft edges kept)."""
    size = (track.clip.width, track.clip.height)
    plain = plain_background(size)

    def draw(image: np.ndarray, i: int) -> None:
        frame = track.frames[i] if i < len(track.frames) else None
        if frame is None:
            return
        drawn = draw_mannequin(with_back(frame, near), size, near)
        diff = cv2.absdiff(drawn, plain)
        alpha = cv2.max(cv2.max(diff[..., 0], diff[..., 1]), diff[..., 2])
        x, y, w, h = cv2.boundingRect(alpha)
        box = np.s_[y : y + h, x : x + w]
        share = np.minimum(alpha[box] / 60.0, 1.0)[..., None]
        image[box] = (share * drawn[box] + (1 - share) * image[box]).astype(np.uint8)
        _face(image, frame, near)

    return draw


def _face(image: np.ndarray, frame: Frame, near: str) -> None:
    """Hair, an eye, a nose, a mouth and an ear on the mannequin's round head (where
    ``draw_mannequin`` puts it). Without them a pose detector that looks for a face
    takes any disk (a weight plate) for the head."""
    shoulder = np.array(frame.landmarks[f"{near}_shoulder"][:2])
    hip = np.array(frame.landmarks[f"{near}_hip"][:2])
    nose = np.array(frame.landmarks["nose"][:2])
    head = shoulder + (nose - shoulder) * 0.8
    radius = 0.25 * float(np.hypot(*(shoulder - hip)))
    up = (head - shoulder) / max(1e-6, float(np.hypot(*(head - shoulder))))
    ahead = np.array([up[1], -up[0]])
    if np.sign(ahead[0]) != (-1.0 if near == "left" else 1.0):
        ahead = -ahead

    def at(a: float, u: float) -> tuple[int, int]:
        return tuple(int(v) for v in head + radius * (a * ahead + u * up))

    def size(share: float) -> int:
        return max(1, int(share * radius))

    angle = float(np.degrees(np.arctan2(-ahead[1], -ahead[0])))
    cv2.ellipse(
        image,
        at(-0.1, 0.25),
        (size(1.0), size(0.85)),
        angle,
        -100,
        100,
        (30, 40, 60),
        -1,
        cv2.LINE_AA,
    )
    nose_tip = [at(0.95, 0.15), at(1.2, -0.1), at(0.9, -0.15)]
    cv2.fillPoly(image, [np.array(nose_tip, np.int32)], (110, 140, 195), cv2.LINE_AA)
    cv2.circle(image, at(0.55, 0.2), size(0.1), (30, 30, 30), -1, cv2.LINE_AA)
    cv2.line(image, at(0.35, 0.38), at(0.75, 0.36), (30, 40, 60), size(0.07), cv2.LINE_AA)
    cv2.line(image, at(0.55, -0.45), at(0.8, -0.42), (60, 60, 140), size(0.08), cv2.LINE_AA)
    cv2.ellipse(
        image,
        at(-0.1, 0.0),
        (size(0.14), size(0.2)),
        angle,
        0,
        360,
        (100, 125, 175),
        -1,
        cv2.LINE_AA,
    )


def with_back(frame: Frame, near: str) -> Frame:
    """The frame, given a straight back outline if it has none (a walker's track has
    none, and the mannequin's trunk is drawn from it)."""
    if frame.back_outline is not None:
        return frame
    hip, shoulder = (np.array(frame.landmarks[f"{near}_{p}"][:2]) for p in ("hip", "shoulder"))
    facing = -1.0 if near == "left" else 1.0
    along = shoulder - hip
    back = facing * np.array([along[1], -along[0]])  # across the trunk, toward the back
    u = np.linspace(0.0, 1.0, 12)[:, None]
    return replace(frame, back_outline=hip + u * along + 0.2 * back)


def barbell(track: Track, near: str, plate_radius: float = 0.45) -> Layer:
    """A loaded barbell in front of the near leg: a plate (``plate_radius`` trunk
    lengths; 0.45 is a 45 cm plate on an average trunk) and the bar's end across it. The
    bar moves as a lifter keeps it, straight up and down over the middle of the foot, at
    the height of the hanging hands: standing it hides the thigh, at the bottom of a
    hinge the knee. (The mannequin's arms hang straight down and may end ahead of it.)"""

    def draw(image: np.ndarray, i: int) -> None:
        frame = track.frames[i] if i < len(track.frames) else None
        if frame is None:
            return
        marks = frame.landmarks
        shoulder = np.array(marks[f"{near}_shoulder"][:2])
        trunk = float(np.hypot(*(shoulder - np.array(marks[f"{near}_hip"][:2]))))
        mid_foot = (marks[f"{near}_heel"].x + marks[f"{near}_foot_index"].x) / 2
        bar = np.array([mid_foot, shoulder[1] + 1.25 * trunk])
        _plate(image, bar, int(plate_radius * trunk), trunk)

    return draw


def _plate(image: np.ndarray, centre: np.ndarray, radius: int, trunk: float) -> None:
    cv2.circle(image, _px(centre), radius, (28, 28, 32), -1, cv2.LINE_AA)
    cv2.circle(image, _px(centre), radius, (70, 70, 75), max(2, radius // 12), cv2.LINE_AA)
    cv2.circle(image, _px(centre), max(3, radius // 5), (150, 150, 155), -1, cv2.LINE_AA)
    half = np.array([1.3 * radius, 0.0])
    cv2.line(
        image,
        _px(centre - half),
        _px(centre + half),
        (45, 45, 50),
        max(3, int(0.07 * trunk)),
        cv2.LINE_AA,
    )


def _px(point: np.ndarray) -> tuple[int, int]:
    return int(point[0]), int(point[1])


def app_drawing(track: Track, near: str) -> Layer:
    """What a coaching app burns into a clip it exports: its own skeleton drawn over the
    lifter (thick coloured lines and dots, a little off the joints), the bar's path so
    far, and text panels in the top corners."""
    chain = ("shoulder", "hip", "knee", "ankle")
    path: list[tuple[int, int]] = []

    def draw(image: np.ndarray, i: int) -> None:
        height, width = image.shape[:2]
        unit = max(1, height // 200)
        _panel(
            image,
            (int(0.03 * width), int(0.03 * height)),
            ("DEADLIFT 110 kg", "REP 1", "0.53 m/s mean"),
            unit,
        )
        _panel(
            image, (int(0.62 * width), int(0.03 * height)), ("Rep  Vel  OK", "1  0.52  ok"), unit
        )
        frame = track.frames[i] if i < len(track.frames) else None
        if frame is None:
            return
        points = [
            tuple(int(v + 4 * unit) for v in frame.landmarks[f"{near}_{part}"][:2])
            for part in chain
        ]
        for a, b, colour in zip(
            points, points[1:], ((0, 220, 255), (255, 0, 200), (0, 255, 0)), strict=False
        ):
            cv2.line(image, a, b, colour, 2 * unit, cv2.LINE_AA)
        for point in points:
            cv2.circle(image, point, 3 * unit, (0, 0, 255), -1, cv2.LINE_AA)
        path.append(points[1])
        cv2.polylines(image, [np.array(path[-60:], np.int32)], False, (255, 160, 0), unit)

    return draw


def _panel(image: np.ndarray, corner: tuple[int, int], lines: tuple[str, ...], unit: int) -> None:
    x, y = corner
    w, h = 70 * unit, (12 * len(lines) + 6) * unit
    region = image[y : y + h, x : x + w]
    region[:] = (region * 0.35).astype(np.uint8)
    for k, text in enumerate(lines):
        cv2.putText(
            image,
            text,
            (x + 3 * unit, y + (12 * k + 11) * unit),
            cv2.FONT_HERSHEY_SIMPLEX,
            0.3 * unit,
            (240, 240, 240),
            unit,
            cv2.LINE_AA,
        )


# --- backgrounds and effects --------------------------------------------------------------


def plain_background(size: tuple[int, int]) -> np.ndarray:
    return np.full((size[1], size[0], 3), BACKGROUND, np.uint8)


def clutter_background(size: tuple[int, int], seed: int = 0) -> np.ndarray:
    """Clutter, harder than any gym: coloured grain under random poles, disks,
    rectangles and lines."""
    rng = np.random.default_rng(seed)
    width, height = size
    small = rng.integers(80, 180, (height // 16 + 1, width // 16 + 1, 3)).astype(np.uint8)
    image = cv2.resize(small, size, interpolation=cv2.INTER_CUBIC)
    image = cv2.add(image, rng.integers(0, 25, image.shape, dtype=np.uint8))
    unit = height / 100
    for _ in range(40):
        kind = rng.integers(4)
        colour = tuple(int(c) for c in rng.integers(0, 256, 3))
        x, y = int(rng.integers(width)), int(rng.integers(height))
        if kind == 0:
            cv2.rectangle(image, (x, 0), (x + int(rng.uniform(1, 3) * unit), height), colour, -1)
        elif kind == 1:
            cv2.circle(image, (x, y), int(rng.uniform(4, 18) * unit), colour, -1)
        elif kind == 2:
            w, h = (int(rng.uniform(5, 30) * unit) for _ in range(2))
            cv2.rectangle(image, (x, y), (x + w, y + h), colour, -1)
        else:
            end = (int(rng.integers(width)), int(rng.integers(height)))
            cv2.line(image, (x, y), end, colour, max(1, int(unit)))
    return image


def gym_background(size: tuple[int, int], seed: int = 0) -> np.ndarray:
    """A gym: a panelled wall and a rubber floor, racks with bars, stacked plates,
    dumbbells on a shelf, a window and posters, with a little grain."""
    rng = np.random.default_rng(seed)
    width, height = size
    unit = height / 100
    image = np.empty((height, width, 3), np.uint8)
    floor = int(0.82 * height)
    image[:floor] = (150, 160, 170)
    image[floor:] = (55, 55, 60)
    for x in range(0, width, int(18 * unit)):
        cv2.line(image, (x, 0), (x, floor), (130, 140, 150), max(1, int(0.3 * unit)))
    for _ in range(3):
        x, y = int(rng.uniform(0, 0.9) * width), int(rng.uniform(0.05, 0.3) * height)
        w, h = int(rng.uniform(15, 30) * unit), int(rng.uniform(10, 25) * unit)
        colour = (
            (235, 225, 200)
            if rng.random() < 0.5
            else tuple(int(c) for c in rng.integers(40, 220, 3))
        )
        cv2.rectangle(image, (x, y), (x + w, y + h), colour, -1)
    for x in rng.uniform(0, 1, 3) * width:
        _rack(image, int(x), floor, unit, rng)
    for x in rng.uniform(0, 1, 4) * width:
        for k in range(int(rng.integers(2, 6))):
            y = floor - int((2 + 1.5 * k) * unit)
            cv2.ellipse(
                image,
                (int(x), y),
                (int(9 * unit), int(1.5 * unit)),
                0,
                0,
                360,
                (30, 30, 35),
                -1,
                cv2.LINE_AA,
            )
    shelf = int(0.62 * height)
    cv2.rectangle(image, (0, shelf), (width, shelf + int(unit)), (70, 70, 80), -1)
    for x in np.arange(0, width, 7 * unit) + rng.uniform(0, 3 * unit):
        cv2.circle(image, (int(x), shelf - int(1.5 * unit)), int(1.5 * unit), (40, 40, 45), -1)
    grain = rng.integers(0, 12, image.shape, dtype=np.uint8)
    return cv2.add(image, grain)


def _rack(image: np.ndarray, x: int, floor: int, unit: float, rng: np.random.Generator) -> None:
    """A squat rack seen from the side: two posts, a bar with plates across them."""
    top = int(floor - rng.uniform(55, 75) * unit)
    depth = int(12 * unit)
    for post in (x, x + depth):
        cv2.rectangle(image, (post, top), (post + int(1.5 * unit), floor), (40, 40, 50), -1)
    bar_y = int(floor - rng.uniform(35, 50) * unit)
    cv2.circle(image, (x + depth // 2, bar_y), int(9 * unit), (25, 25, 30), -1, cv2.LINE_AA)
    cv2.circle(image, (x + depth // 2, bar_y), int(2 * unit), (160, 160, 165), -1, cv2.LINE_AA)


def outdoor_background(size: tuple[int, int], seed: int = 0) -> np.ndarray:
    """A park in sunlight: a bright sky, a line of trees, a path and mottled grass."""
    rng = np.random.default_rng(seed)
    width, height = size
    unit = height / 100
    image = np.empty((height, width, 3), np.uint8)
    horizon = int(0.55 * height)
    sky = np.linspace(0, 1, horizon)[:, None]
    blue, haze = np.array([235, 190, 140]), np.array([250, 230, 215])
    image[:horizon] = ((1 - sky) * blue + sky * haze)[:, None]
    for x in rng.uniform(0, width, 12):
        crown = (int(x), int(horizon - rng.uniform(8, 20) * unit))
        cv2.rectangle(
            image, (int(x) - int(unit), crown[1]), (int(x) + int(unit), horizon), (40, 60, 80), -1
        )
        cv2.circle(image, crown, int(rng.uniform(6, 12) * unit), (40, 110, 60), -1, cv2.LINE_AA)
    grass = rng.integers(0, 40, (height - horizon, width // 8 + 1, 1)).astype(np.uint8)
    mottled = cv2.resize(grass, (width, height - horizon), interpolation=cv2.INTER_LINEAR)
    image[horizon:] = np.array([60, 150, 90], np.uint8)
    image[horizon:] = cv2.add(image[horizon:], cv2.merge([mottled] * 3))
    path = np.array(
        [
            [0, int(0.8 * height)],
            [width, int(0.78 * height)],
            [width, int(0.9 * height)],
            [0, int(0.93 * height)],
        ],
        np.int32,
    )
    cv2.fillPoly(image, [path], (150, 175, 190))
    return image


def darker(factor: float) -> Effect:
    return lambda image, i: (image.astype(np.float32) * factor).astype(np.uint8)


def sensor_noise(sigma: float, seed: int = 0) -> Effect:
    def noisy(image: np.ndarray, i: int) -> np.ndarray:
        if i == 0:
            cv2.setRNGSeed(seed)  # the same grain every time the scene is filmed
        grain = np.empty(image.shape, np.int16)
        cv2.randn(grain, (0.0,) * 3, (sigma,) * 3)
        return cv2.add(image, grain, dtype=cv2.CV_8U)

    return noisy


def blocky(quality: int) -> Effect:
    """A JPEG round trip: the blocks and smeared edges of a strongly compressed clip
    (OpenCV's MPEG-4 writer has no quality setting)."""

    def compress(image: np.ndarray, i: int) -> np.ndarray:
        _, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
        return cv2.imdecode(data, cv2.IMREAD_COLOR)

    return compress


# --- filming ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scene:
    size: tuple[int, int]
    fps: float
    frames: int
    layers: list[Layer]
    background: np.ndarray | None = None
    effects: list[Effect] = field(default_factory=list)
    rotation: int = 0


def film_scene(scene: Scene, path: Path) -> Path:
    """Write the scene as MPEG-4. ``rotation`` 90: stored on its side with the display
    rotation in the header, as a phone films portrait."""
    base = scene.background if scene.background is not None else plain_background(scene.size)
    stored = scene.size if scene.rotation != 90 else scene.size[::-1]
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), scene.fps, stored)
    for i in range(scene.frames):
        image = base.copy()
        for layer in scene.layers:
            layer(image, i)
        for effect in scene.effects:
            image = effect(image, i)
        if scene.rotation == 90:
            image = cv2.rotate(image, cv2.ROTATE_90_COUNTERCLOCKWISE)
        writer.write(image)
    writer.release()
    return set_rotation(path, 90) if scene.rotation == 90 else path


# --- the scenarios ------------------------------------------------------------------------


@dataclass(frozen=True)
class Scenario:
    """One condition to film. ``spec``: changes to the athlete's ``ClipSpec`` (a clean
    two-rep hinge, landscape 1920x1080, 30 fps); ``plate``: a barbell's plate radius in
    trunk lengths (0: no barbell); ``second``: someone else in the picture ("walker"
    crossing behind, "larger" or "smaller" standing beside); ``height_share``: the
    athlete resized to this share of the frame's height; ``steps_in_s``: the athlete
    appears only then (whoever is there first is whom the pose model follows);
    ``feet_x``: where the resized athlete stands, as a share of the width; ``overlay``:
    a coaching app's drawing burned in over everything (``app_drawing``)."""

    what: str
    spec: tuple[tuple[str, object], ...] = ()
    plate: float = 0.0
    background: str = "plain"
    effects: tuple[Effect, ...] = ()
    second: str = ""
    height_share: float | None = None
    steps_in_s: float = 0.0
    rotation: int = 0
    feet_x: float = 0.5
    overlay: bool = False


KNEE = ("faults", frozenset({"knee-dominant"}))
BACKGROUNDS = {
    "plain": plain_background,
    "gym": gym_background,
    "outdoor": outdoor_background,
    "clutter": clutter_background,
}

SCENARIOS: dict[str, Scenario] = {
    "baseline": Scenario("clean hinge, landscape 1920x1080, 30 fps"),
    "portrait": Scenario(
        "portrait phone clip 1080x1920 (stored on its side, rotation 90)",
        spec=(("size", "portrait"),),
        rotation=90,
    ),
    "60fps": Scenario("60 fps", spec=(("fps", 60.0),)),
    "24fps": Scenario("24 fps", spec=(("fps", 24.0),)),
    "starts-at-bottom": Scenario(
        "short clip starting at the bottom, one rep", spec=(("reps", 1), ("start_at_bottom", True))
    ),
    "knee-dominant": Scenario("hinge turning into a squat (fault)", spec=(KNEE,)),
    "walker-behind": Scenario("second person walking across behind, smaller", second="walker"),
    "bystander-larger": Scenario(
        "second person standing still beside, larger (nearer)", second="larger"
    ),
    "bystander-first": Scenario(
        "the same, in the picture before the athlete steps in (0.3 s)",
        second="larger",
        steps_in_s=0.3,
    ),
    "bystander-smaller": Scenario(
        "second person standing still beside, smaller (farther)", second="smaller"
    ),
    "barbell": Scenario("barbell with 45 cm plates in front of the near leg", plate=0.45),
    "barbell-knee-dominant": Scenario(
        "the same, hinge turning into a squat (fault)", spec=(KNEE,), plate=0.45
    ),
    "small-plates": Scenario("barbell with 30 cm plates: the knee hidden at the bottom", plate=0.3),
    "small-plates-knee-dominant": Scenario(
        "the same, hinge turning into a squat (fault)", spec=(KNEE,), plate=0.3
    ),
    "gym-background": Scenario(
        "a gym behind: racks, plates, dumbbells, a window, posters", background="gym"
    ),
    "outdoors": Scenario("a park in sunlight: sky, trees, grass, a path", background="outdoor"),
    "clutter-background": Scenario(
        "grainy coloured texture with random shapes and poles", background="clutter"
    ),
    "dark": Scenario(
        "dark clip (mean brightness about 0.17, limit 0.10)",
        effects=(darker(0.22), sensor_noise(3.0)),
    ),
    "noisy-compressed": Scenario(
        "sensor noise and strong JPEG-like compression", effects=(sensor_noise(10.0), blocky(15))
    ),
    "small-person": Scenario("person 40 % of the frame height", height_share=0.4),
    "mirrored": Scenario(
        "right side toward the camera, facing image right", spec=(("side", "right"),)
    ),
    "pull-from-floor": Scenario(
        "45 cm plates, the clip opening at the bottom: one pull from the floor to standing",
        spec=(("reps", 1), ("start_at_bottom", True)),
        plate=0.45,
    ),
    "touch-and-go": Scenario(
        "a set of touch-and-go reps behind 45 cm plates",
        spec=(("reps", 3), ("scene", "touch-and-go")),
        plate=0.45,
    ),
    "short-pull": Scenario(
        "one pull from the bottom behind 45 cm plates, the clip under a second",
        spec=(("scene", "short"),),
        plate=0.45,
    ),
    "small-at-edge": Scenario(
        "person 30 % of the frame height, a fifth of the width from its edge",
        height_share=0.3,
        feet_x=0.2,
    ),
    "app-overlay": Scenario(
        "45 cm plates and a coaching app's skeleton, bar path and text panels burned in",
        plate=0.45,
        overlay=True,
    ),
}


@dataclass(frozen=True)
class Filmed:
    """The clip, the generator's truth, and the athlete's landmarks as drawn."""

    path: Path
    truth: Truth
    fps: float
    athlete: Track


def film_scenario(name: str, folder: Path, scale: float = 1.0, **spec: object) -> Filmed:
    """Film scenario ``name`` into ``folder`` (``scale`` 0.5: 960 px on the long side);
    ``spec``: further changes to the athlete's ``ClipSpec`` (``reps=1``)."""
    scenario = SCENARIOS[name]
    clip_spec = replace(
        ClipSpec(reps=2, noise=0.0, drop_rate=0.0, size="landscape", seed=11),
        **{**dict(scenario.spec), **spec},
    )
    track, truth = generate_clip(clip_spec)
    track = moved(track, scale) if scale != 1.0 else track
    size = (track.clip.width, track.clip.height)
    if scenario.height_share:
        track = placed(track, size, scenario.height_share, scenario.feet_x, 0.8)
    behind, front = _second_person(track, scenario.second) if scenario.second else ([], [])
    shown = absent_until(track, round(scenario.steps_in_s * clip_spec.fps))
    bar = [barbell(shown, clip_spec.side, scenario.plate)] if scenario.plate else []
    drawing = [app_drawing(shown, clip_spec.side)] if scenario.overlay else []
    layers = [*behind, person(shown, clip_spec.side), *bar, *front, *drawing]
    scene = Scene(
        size,
        clip_spec.fps,
        len(track.frames),
        layers,
        BACKGROUNDS[scenario.background](size),
        list(scenario.effects),
        scenario.rotation,
    )
    return Filmed(film_scene(scene, folder / f"{name}.mp4"), truth, clip_spec.fps, shown)


def _second_person(athlete: Track, kind: str) -> tuple[list[Layer], list[Layer]]:
    """Layers of someone else: (drawn behind the athlete, drawn in front of them)."""
    height, _, floor = figure_box(athlete)
    share, floor_y = height / athlete.clip.height, floor / athlete.clip.height
    if kind == "walker":
        return [person(_walker(athlete, 0.7 * share, floor_y - 0.08), "right")], []
    if kind == "smaller":
        return [person(_bystander(athlete, 0.75 * share, 0.14, floor_y - 0.02), "right")], []
    return [], [person(_bystander(athlete, 1.15 * share, 0.86, min(0.98, floor_y + 0.01)), "right")]


def _walker(track: Track, share: float, floor_y: float) -> Track:
    """Someone walking across the whole picture, starting 0.5 s into the clip."""
    walk, _ = generate_clip(
        ClipSpec(kind="walk", side="right", noise=0.0, drop_rate=0.0, size="landscape", seed=4)
    )
    size = (track.clip.width, track.clip.height)
    walker = placed(walk, size, share, 0.5, floor_y)
    # placed() puts the first step mid-picture; shift the walk so it crosses the middle.
    hips = [f.landmarks["right_hip"].x for f in walker.frames if f is not None]
    walker = moved(walker, 1.0, (size[0] / 2 - (hips[0] + hips[-1]) / 2, 0.0), size)
    return retimed(walker, len(track.frames), start=int(0.5 * track.clip.fps))


def _bystander(track: Track, share: float, feet_x: float, floor_y: float) -> Track:
    other, _ = generate_clip(ClipSpec(reps=1, noise=0.0, drop_rate=0.0, seed=8, side="right"))
    size = (track.clip.width, track.clip.height)
    return standing_still(placed(other, size, share, feet_x, floor_y), len(track.frames))
