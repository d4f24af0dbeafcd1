"""Video kinematics of the hip hinge: pure numpy, no video or pose library.

A pose adapter turns a clip into a ``Track`` (per frame, named 2D landmarks in pixels,
and optionally the back's outline); ``analyze_track`` turns the track into the analysis
report of DOMAIN.md section 5. The pieces (side, smoothing, angles, reps, faults) are
small modules of their own, each tested alone.
"""

from hingecoach.core.kinematics.analyze import DEFAULT_EXERCISE, analyze_track
from hingecoach.core.kinematics.report import AnalysisReport
from hingecoach.core.kinematics.thresholds import FAULT_IDS, FaultId, VideoThresholds
from hingecoach.core.kinematics.thresholds_file import (
    default_video_thresholds,
    load_video_thresholds,
    read_video_thresholds,
    video_thresholds_in,
)
from hingecoach.core.kinematics.track import (
    LANDMARKS,
    ClipInfo,
    Frame,
    Landmark,
    Point,
    Track,
    TrackError,
)

__all__ = [
    "DEFAULT_EXERCISE",
    "FAULT_IDS",
    "LANDMARKS",
    "AnalysisReport",
    "ClipInfo",
    "FaultId",
    "Frame",
    "Landmark",
    "Point",
    "Track",
    "TrackError",
    "VideoThresholds",
    "analyze_track",
    "default_video_thresholds",
    "load_video_thresholds",
    "read_video_thresholds",
    "video_thresholds_in",
]
