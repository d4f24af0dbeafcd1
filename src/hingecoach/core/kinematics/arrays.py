"""The track as numpy arrays: one (frames, 2) array of pixel positions per landmark."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain

import numpy as np

from hingecoach.core.kinematics.numeric import Floats, Mask
from hingecoach.core.kinematics.track import LANDMARKS, Frame, Landmark, Track, TrackError

_ABSENT = Landmark(np.nan, np.nan, 0.0)


@dataclass(frozen=True)
class TrackArrays:
    """``xy[name]``: (n, 2) pixels, NaN where the frame has no person or lacks the
    landmark; ``vis[name]``: (n,) visibility, 0 where absent; ``outlines``: the back
    outline of each frame as an (m, 2) array, or None."""

    xy: dict[str, Floats]
    vis: dict[str, Floats]
    present: Mask
    outlines: list[Floats | None]

    @property
    def frames(self) -> int:
        return len(self.present)

    def seen(self, name: str, min_visibility: float) -> Floats:
        """Positions of ``name`` where it is seen well enough, NaN elsewhere."""
        out = self.xy[name].copy()
        out[self.vis[name] < min_visibility] = np.nan
        return out


def track_arrays(track: Track) -> TrackArrays:
    n = len(track.frames)
    present = np.zeros(n, dtype=bool)
    absent = list(_ABSENT) * len(LANDMARKS)
    flat: list[float] = []
    outlines: list[Floats | None] = [None] * n
    for i, frame in enumerate(track.frames):
        if frame is None:
            flat += absent
            continue
        if not isinstance(frame, Frame):
            raise TrackError(
                f"frames[{i}]", f"expected a Frame or None, got {type(frame).__name__}"
            )
        present[i] = True
        get = frame.landmarks.get
        flat += chain.from_iterable(get(name) or _ABSENT for name in LANDMARKS)
        outlines[i] = _outline(frame, i)
    table = np.array(flat, dtype=float).reshape(n, len(LANDMARKS), 3)
    seen = np.isfinite(table).all(axis=2)
    vis = np.where(seen, table[:, :, 2], 0.0)
    xy = np.where(seen[:, :, None], table[:, :, :2], np.nan)
    return TrackArrays(
        xy={name: xy[:, k] for k, name in enumerate(LANDMARKS)},
        vis={name: vis[:, k] for k, name in enumerate(LANDMARKS)},
        present=present,
        outlines=outlines,
    )


def _outline(frame: Frame, index: int) -> Floats | None:
    if frame.back_outline is None:
        return None
    points = np.asarray(frame.back_outline, dtype=float)
    if points.ndim != 2 or points.shape[1] != 2:
        raise TrackError(
            f"frames[{index}].back_outline",
            f"expected (x, y) points, got an array of shape {points.shape}",
        )
    points = points[np.isfinite(points).all(axis=1)]
    return points if len(points) else None
