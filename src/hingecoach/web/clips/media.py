"""What the report page shows besides the numbers: the annotated video (WebM, which
browsers play) and the annotated key frames (JPEG), written in one more decode of the
clip. Uses the video adapter (OpenCV); imported by the worker only.
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np

from hingecoach.video import ClipAnalysis, Progress
from hingecoach.video.annotate import LONG_SIDE, VideoOut, annotated_frames
from hingecoach.video.decode import shrink
from hingecoach.web.clips.keyframes import KeyFrame

VIDEO_LONG_SIDE = 640  # VP8 encodes about twice as fast as at 960 (decision 11)
JPEG_QUALITY = 85


def write_media(analysis: ClipAnalysis, frames: list[KeyFrame], jpegs: list[Path],
                video: Path, progress: Progress) -> None:
    """Write the annotated video to ``video`` (a .webm path) and each key frame to its
    path in ``jpegs``; ``progress("annotate", done, total)`` after each frame."""
    targets = {frame.k: path for frame, path in zip(frames, jpegs, strict=True)}
    total = len(analysis.track.frames)
    with VideoOut(video, analysis.track.clip.fps) as out:
        for k, image in annotated_frames(analysis, LONG_SIDE):
            if k in targets:
                _write_jpeg(image, targets.pop(k))
            out.write(shrink(image, min(1.0, VIDEO_LONG_SIDE / max(image.shape[:2]))))
            progress("annotate", k + 1, total)
    if targets:
        raise OSError("the clip ended before every key frame was decoded")


def _write_jpeg(image: np.ndarray, path: Path) -> None:
    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
    if not ok:
        raise OSError(f"could not encode the key frame {path.name}")
    path.write_bytes(data.tobytes())
