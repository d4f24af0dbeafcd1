"""The flight check that stands in for the feet where they cannot be followed (plates in
front of the legs), against what the pose model did on a real set: a whole skeleton
drawn small and high for a few frames as a rep starts is no jump; a real flight still
is."""

from __future__ import annotations

import numpy as np

from hingecoach.core import default_catalog
from hingecoach.core.kinematics import Landmark, analyze_track
from hingecoach.synthetic import ClipSpec, generate_clip

CATALOG = default_catalog()


def plates_clip(seed: int, reps: int = 3, fps: float = 15.0):
    return generate_clip(ClipSpec(scene="plates", seed=seed, reps=reps, fps=fps, noise=0.004))


def trunk_px(track) -> float:
    marks = next(f for f in track.frames if f is not None).landmarks
    shoulder, hip = marks["left_shoulder"], marks["left_hip"]
    return float(np.hypot(shoulder.x - hip.x, shoulder.y - hip.y))


def redraw(frame, to) -> None:
    for name, mark in frame.landmarks.items():
        frame.landmarks[name] = to(mark)


def test_a_skeleton_drawn_small_and_high_for_a_moment_while_standing_is_no_flight():
    """As each rep starts down, the model drew the whole skeleton three quarters size
    and half a trunk high for three frames (0.2 s at 15 fps): no flight."""
    track, truth = plates_clip(seed=4)
    trunk, fps = trunk_px(track), track.clip.fps
    for rep in truth.reps:
        first = round(rep.start_s * fps)
        for i in range(first, first + 3):
            anchor = track.frames[i].landmarks["left_hip"]
            redraw(
                track.frames[i],
                lambda m, a=anchor: Landmark(
                    a.x + 0.75 * (m.x - a.x),
                    a.y + 0.75 * (m.y - a.y) - 0.5 * trunk,
                    m.visibility,
                ),
            )
    assert len(analyze_track(track, catalog=CATALOG).reps) == len(truth.reps)


def test_a_lift_off_the_floor_that_lasts_is_still_a_flight():
    """Everything lifted a fifth of the leg (about 0.35 trunk lengths) for 0.3 s after
    each rep, upright, as a jump's flight: no rep."""
    track, truth = plates_clip(seed=7, reps=1, fps=30.0)
    trunk = trunk_px(track)
    end = truth.reps[0].end_s
    for i, t in enumerate(truth.t_s):
        if track.frames[i] is not None and end < t < end + 0.3:
            redraw(track.frames[i], lambda m: Landmark(m.x, m.y - 0.35 * trunk, m.visibility))
    assert analyze_track(track, catalog=CATALOG).reps == []
