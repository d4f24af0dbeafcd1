"""The pose backend: one RGB image in, one ``Frame`` (named landmarks in that image's
pixels, and the back's outline) out, or None when no person is found.

The kinematics never see the backend; anything that fills a ``Frame`` can serve.
``BlazePose`` (``video/blazepose``) runs the BlazePose GHUM models bundled with the
package (lite, full or heavy, and the person detector) on LiteRT, offline, and tracks
one person: the one its detector finds surest (and again after losing them).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol

import numpy as np

from hingecoach.core.kinematics import Frame
from hingecoach.video.blazepose.backend import DEFAULT_MODEL, BlazePose
from hingecoach.video.blazepose.models import LANDMARK_MODELS

__all__ = ["DEFAULT_MODEL", "MODELS", "BlazePose", "PoseBackend", "quiet_native_stderr"]

MODELS = tuple(LANDMARK_MODELS)


class PoseBackend(Protocol):
    """What the pipeline needs from a pose model. One instance follows one clip (it may
    track across frames); ``close`` frees it."""

    name: str

    def landmarks(self, frame_rgb: np.ndarray) -> Frame | None:
        """Landmarks (MediaPipe's lower-case names) in ``frame_rgb``'s pixels."""
        ...

    def close(self) -> None: ...


@contextmanager
def quiet_native_stderr() -> Iterator[None]:
    """Point file descriptor 2 at /dev/null while native code runs: TensorFlow Lite and
    absl log to it directly (no Python setting silences them) and the CLI promises a
    clean standard error. Python's own ``sys.stderr`` is flushed first and restored."""
    sys.stderr.flush()
    saved = os.dup(2)
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(null)
