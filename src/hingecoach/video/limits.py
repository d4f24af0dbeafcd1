"""What the adapter accepts and how it samples a clip for speed: plain data, not code.

``Limits`` refuse a file before any work (size, declared duration, frame size) and stop a
decoder whose header lied about the duration. ``Sampling`` trades time for detail: the
pose model sees every ``step``-th frame, resized so its long side is at most
``long_side`` pixels, or ``detail_long_side`` when the person is small in the frame
(benchmarks/README.md, Video pipeline, measures the trade-off; decision 0037).
"""

from __future__ import annotations

from dataclasses import dataclass

GIB = 1024**3

# What phones, cameras, screen recorders and browsers film in, by the FourCC FFmpeg
# reports (lower case): H.264, HEVC, VP8, VP9, AV1, MPEG-4 Part 2, Motion JPEG, ProRes,
# MPEG-1/2. FFmpeg also opens text files as pictures of text ("ansi"), GIFs and still
# images: none of those is a camera video of a person.
CAMERA_CODECS = frozenset(
    {
        "h264",
        "avc1",
        "avc3",
        "x264",
        "hevc",
        "hev1",
        "hvc1",
        "h265",
        "dvh1",
        "dvhe",
        "vp80",
        "vp90",
        "vp09",
        "av01",
        "mp4v",
        "fmp4",
        "xvid",
        "divx",
        "dx50",
        "mjpg",
        "apcn",
        "apch",
        "apcs",
        "apco",
        "ap4h",
        "ap4x",
        "mpg1",
        "mpg2",
        "mp2v",
    }
)


@dataclass(frozen=True)
class Limits:
    """``max_bytes``: the file size; ``max_duration_s``: a hinge test or set lasts
    seconds, so minutes mean a wrong file; ``max_long_side``: 4K (4096 px) at most;
    ``min_decoded_share``: a decoder stopping before this share of the frames the header
    declares means a damaged file; ``codecs``: the video codecs accepted (FourCC, lower
    case)."""

    max_bytes: int = 2 * GIB
    max_duration_s: float = 300.0
    max_long_side: int = 4096
    min_decoded_share: float = 0.5
    codecs: frozenset[str] = CAMERA_CODECS


@dataclass(frozen=True)
class Sampling:
    """``min_fps``: analyse at least this many frames a second, skipping frames of faster
    clips (30 fps -> every 2nd, 60 fps -> every 4th); ``step`` forces a step instead
    (1 = every frame); ``long_side``: resize before the pose model (None: full size).

    ``min_person_px``: the person's trunk, thigh and shank together (pixels of the
    resized image) below which they are too small for the landmark model: its region is
    about 1.75 times that length, so under 150 px the region is smaller than the model's
    256 px input and the crop is enlarged, with no detail to show. The clip is then
    analysed with its long side at ``detail_long_side`` instead (at most full size;
    None: never). ``person_search_s``: how far into the clip the person is looked for
    to size them."""

    min_fps: float = 15.0
    step: int | None = None
    long_side: int | None = 960
    min_person_px: float = 150.0
    detail_long_side: int | None = 1920
    person_search_s: float = 2.0

    def step_for(self, fps: float) -> int:
        if self.step is not None:
            return max(1, self.step)
        # 1 % slack so NTSC rates (29.97, 59.94) step like 30 and 60.
        return max(1, int(fps / self.min_fps + 0.01))

    def scale_for(self, width: int, height: int) -> float:
        if not self.long_side:
            return 1.0
        return min(1.0, self.long_side / max(width, height))

    def detail_scale_for(self, width: int, height: int) -> float:
        """The scale for a person too small at ``scale_for`` (never below it)."""
        if not self.detail_long_side:
            return self.scale_for(width, height)
        detail = min(1.0, self.detail_long_side / max(width, height))
        return max(detail, self.scale_for(width, height))


DEFAULT_LIMITS = Limits()
DEFAULT_SAMPLING = Sampling()
FULL_DETAIL = Sampling(step=1, long_side=None)
