"""Why a live session reads only the set since its last counted rep: the time of one
``reps_so_far`` over the whole set, for sets 1, 2, 4 and 8 times the clip's length.

The clip's pictures go through ``LivePose`` once (as ``replay.py`` sends them); the
stored landmarks are then repeated back to back and read as one longer set.

    python benchmarks/live/whole_set.py ../shared/video/deadlift-4reps-portrait.mp4
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from replay import pictures

from hingecoach.core import default_catalog
from hingecoach.core.kinematics import default_video_thresholds
from hingecoach.core.kinematics.live import reps_so_far
from hingecoach.video.live import LIVE_FPS, LivePose, frame_index, frame_json, live_track


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("clip", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    pose, th, catalog = LivePose(), default_video_thresholds(), default_catalog()
    stored, width, height = [], 0, 0
    for t, jpeg in pictures(args.clip, LIVE_FPS, 320, 70):
        picture = pose.picture(jpeg)
        width, height = picture.width, picture.height
        stored.append((frame_index(t * 1000), frame_json(picture.frame), picture.brightness))
    frames = stored[-1][0] + 1
    for times in (1, 2, 4, 8):
        rows = [
            (index + k * frames, data, light) for k in range(times) for index, data, light in stored
        ]
        started = time.perf_counter()
        for _ in range(args.repeat):
            reps_so_far(live_track(rows, width, height), th, catalog)
        took = (time.perf_counter() - started) / args.repeat
        print(f"{frames * times / LIVE_FPS:.0f} s of set: {1000 * took:.0f} ms a reading")


if __name__ == "__main__":
    main()
