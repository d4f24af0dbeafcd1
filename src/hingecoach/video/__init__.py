"""The video adapter: from a clip file to the analysis report (DOMAIN.md section 5).

    limits         file limits and frame sampling, as data
    decode         OpenCV decoding: limits, rotation metadata, read until the decoder stops
    pose_backend   the pose model behind a small protocol (BlazePose on LiteRT, offline)
    blazepose      the BlazePose detector, region, landmark model and tracking
    models/        the bundled model files (see NOTICE)
    outline        the back's outline from the segmentation mask
    person         stay with one person when the model jumps to another
    pipeline       analyze_clip: decode -> resize -> pose -> kinematics
    prefetch       decode the next frames in a worker thread while the model runs
    annotate       the annotated video;  plot: the angles over time
    outputs        write every output to a temporary file, rename when all succeeded

The core (``hingecoach.core.kinematics``) never imports this package. Importing it loads
OpenCV; the pose model is loaded only when a clip is analysed.
"""

import os

# FFmpeg and OpenCV print to the process's standard error (e.g. "moov atom not found",
# "[ WARN:0] ... can't be used to capture by name"); the CLI promises one line there.
# Set here, before any module of this package imports cv2; a user's own setting (for
# debugging) wins.
os.environ.setdefault("OPENCV_FFMPEG_LOGLEVEL", "-8")
os.environ.setdefault("OPENCV_LOG_LEVEL", "ERROR")


from hingecoach.video.errors import BackendUnavailable, VideoError
from hingecoach.video.limits import DEFAULT_LIMITS, DEFAULT_SAMPLING, Limits, Sampling
from hingecoach.video.pipeline import ClipAnalysis, Progress, StageTimes, analyze_clip
from hingecoach.video.pose_backend import MODELS, BlazePose, PoseBackend

__all__ = [
    "DEFAULT_LIMITS",
    "DEFAULT_SAMPLING",
    "MODELS",
    "BackendUnavailable",
    "BlazePose",
    "ClipAnalysis",
    "Limits",
    "PoseBackend",
    "Progress",
    "Sampling",
    "StageTimes",
    "VideoError",
    "analyze_clip",
]
