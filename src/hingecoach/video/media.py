"""What a clip's report page shows besides the numbers: the annotated key frames (JPEG)
and the annotated video (WebM, which browsers play), written in one more decode of the
clip by the same loop as ``hingecoach analyze --annotated`` (``annotate``). The web app
stores the files where it wants them and keeps the key frames' labels."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hingecoach.video.annotate import write_annotated
from hingecoach.video.pipeline import ClipAnalysis, Progress

MAX_FRAMES = 6
OVERVIEW_FRAMES = 3
VIDEO_LONG_SIDE = 640  # VP8 encodes about twice as fast as at 960 (decision 11)


@dataclass(frozen=True)
class KeyFrame:
    k: int  # index into the analysed track
    t_s: float
    label: str


def key_frames(analysis: ClipAnalysis) -> list[KeyFrame]:
    """Up to ``MAX_FRAMES`` moments worth a still, in time order, one per track frame:
    the bottom of each rep and each fault's moment, or a few evenly spaced frames when
    the clip holds no rep."""
    report = analysis.report
    wanted: list[tuple[float, str]] = []
    for n, rep in enumerate(report.reps, 1):
        wanted.append((rep.bottom_s, f"rep {n}: bottom"))
        wanted += [(f.t_s, f"rep {n}: {f.fault}") for f in rep.faults]
    times = report.series.t_s
    if not wanted and times:
        wanted = [
            (times[(len(times) - 1) * i // (OVERVIEW_FRAMES + 1)], "overview")
            for i in range(1, OVERVIEW_FRAMES + 1)
        ]
    chosen: dict[int, KeyFrame] = {}
    for t_s, label in wanted:
        k = _nearest(times, t_s)
        if k not in chosen and len(chosen) < MAX_FRAMES:
            chosen[k] = KeyFrame(k, times[k], label)
    return sorted(chosen.values(), key=lambda frame: frame.k)


def _nearest(times: list[float], t_s: float) -> int:
    return min(range(len(times)), key=lambda k: abs(times[k] - t_s))


def write_media(
    analysis: ClipAnalysis,
    frames: list[KeyFrame],
    jpegs: list[Path],
    video: Path,
    progress: Progress | None = None,
) -> None:
    """The annotated video to ``video`` (a .webm path, at most ``VIDEO_LONG_SIDE``) and
    each key frame to its path in ``jpegs``; ``progress("annotate", done, total)`` after
    each frame. The caller makes the files final (``outputs.staged``)."""
    stills = {frame.k: path for frame, path in zip(frames, jpegs, strict=True)}
    write_annotated(analysis, video, progress, video_long_side=VIDEO_LONG_SIDE, stills=stills)
