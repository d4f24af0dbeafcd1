"""Each frame's true time, and a track on an even time grid.

A phone records at a variable frame rate: in dim light it may keep one frame in two,
then go back to every frame. The container stores each frame's own time; counting frames
at the header's average rate puts a late rep seconds away from where it happened. The
decoder reads each frame's time (``Reader.stamps_ms``); ``true_times`` checks them, and
``on_even_grid`` resamples the pose track at the clip's nominal rate so that everything
after it, which counts in frames (smoothing, speed limits, gaps), keeps its meaning.
"""

from __future__ import annotations

import numpy as np

from hingecoach.core.kinematics import Frame, Landmark, default_video_thresholds
from hingecoach.core.kinematics.thresholds import AdapterRules


def true_times(
    stamps_ms: list[float], fps: float, rules: AdapterRules | None = None
) -> np.ndarray | None:
    """Seconds from the first analysed frame, one per stamp, when the stamps are usable
    and the frames are not evenly spaced at ``fps`` (their analysed rate); None when
    ``index / fps`` already gives every frame's time, or the container's stamps are
    missing, out of order or at a rate far from the header's (then ``index / fps`` is
    the best there is). ``rules``: the video thresholds' ``adapter`` section (default:
    the shipped file's)."""
    rules = rules or default_video_thresholds().adapter
    if len(stamps_ms) < 2 or fps <= 0:
        return None
    stamps = np.asarray(stamps_ms, dtype=float) / 1000.0
    if not np.isfinite(stamps).all() or (np.diff(stamps) <= 0).any():
        return None
    times = stamps - stamps[0]
    rate = (len(times) - 1) / times[-1]
    if not 1 / rules.max_stamp_rate_ratio <= rate / fps <= rules.max_stamp_rate_ratio:
        return None
    even = np.arange(len(times)) / fps
    if np.abs(times - even).max() <= rules.uneven_frame_share / fps:
        return None
    return times


def on_even_grid(
    frames: list[Frame | None], times: np.ndarray, fps: float, max_gap_s: float
) -> list[Frame | None]:
    """The track at ``k / fps`` seconds for k = 0, 1, ... up to the last frame's time:
    each point in time gets its landmarks interpolated between the frames around it when
    both show the person and are at most ``max_gap_s`` apart (a gap the kinematics would
    bridge anyway), else the nearer frame's if it lies within half a grid step, else no
    person. The back outline is the nearer frame's."""
    grid = np.arange(int(np.floor(times[-1] * fps + 1e-6)) + 1) / fps
    after = np.clip(np.searchsorted(times, grid, side="left"), 1, len(times) - 1)
    out: list[Frame | None] = []
    for t, j in zip(grid, after, strict=True):
        i = j - 1
        near = i if t - times[i] <= times[j] - t else j
        a, b = frames[i], frames[j]
        if a is not None and b is not None and times[j] - times[i] <= max_gap_s + 1e-9:
            out.append(_between(a, b, (t - times[i]) / (times[j] - times[i]), frames[near]))
        elif abs(times[near] - t) <= 0.5 / fps + 1e-9:
            out.append(frames[near])
        else:
            out.append(None)
    return out


def _between(a: Frame, b: Frame, w: float, nearer: Frame | None) -> Frame:
    if w <= 0.0:
        return a
    if w >= 1.0:
        return b
    marks = {
        name: Landmark(
            (1 - w) * m.x + w * b.landmarks[name].x,
            (1 - w) * m.y + w * b.landmarks[name].y,
            min(m.visibility, b.landmarks[name].visibility),
        )
        for name, m in a.landmarks.items()
        if name in b.landmarks
    }
    outline = nearer.back_outline if nearer is not None else None
    return Frame(landmarks=marks, back_outline=outline)
