"""Replay a clip through live mode's server side, as the browser would send it.

Every picture the page would send (the clip's frames at ``--rate`` pictures a second of
the lifter's time, the long side shrunk to ``--side`` pixels, JPEG at ``--quality``) goes
through ``LivePose`` and, after each, the track so far through the core's
``reps_so_far``. Prints what the benchmark README records: pictures per second the
server answers, milliseconds per picture (pose and kinematics), bytes per picture and
per minute, the reps finished, and how long after each rep's end its cue came (in the
lifter's time: frames of the track, plus the answer's own time).

    python benchmarks/live/replay.py ../shared/video/deadlift-4reps-portrait.mp4
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import cv2
import numpy as np

from hingecoach.core import default_catalog
from hingecoach.core.kinematics import default_video_thresholds
from hingecoach.core.kinematics.live import lead_in_s, reps_so_far
from hingecoach.video.live import LIVE_FPS, LivePose, frame_index, frame_json, live_track


def pictures(path: Path, rate: float, side: int, quality: int, loops: int = 1):
    """(seconds into the set, JPEG) as the page would send them; ``loops`` plays the
    clip that many times back to back, as one longer set."""
    next_t, n = 0.0, 0
    for _ in range(loops):
        capture = cv2.VideoCapture(str(path))
        fps = capture.get(cv2.CAP_PROP_FPS) or 30.0
        yield from _pictures(capture, fps, rate, side, quality, n, next_t)
        n += int(capture.get(cv2.CAP_PROP_FRAME_COUNT))
        next_t = n / fps
        capture.release()


def _pictures(capture, fps: float, rate: float, side: int, quality: int, n: int, next_t: float):
    while True:
        ok, image = capture.read()
        if not ok:
            break
        t = n / fps
        n += 1
        if t + 1e-9 < next_t:
            continue
        next_t += 1 / rate
        height, width = image.shape[:2]
        scale = side / max(width, height)
        small = cv2.resize(
            image, (round(width * scale), round(height * scale)), interpolation=cv2.INTER_AREA
        )
        ok, jpeg = cv2.imencode(".jpg", small, [cv2.IMWRITE_JPEG_QUALITY, quality])
        yield t, jpeg.tobytes()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("clip", type=Path)
    parser.add_argument("--rate", type=float, default=LIVE_FPS)
    parser.add_argument("--side", type=int, default=320)
    parser.add_argument("--quality", type=int, default=70)
    parser.add_argument("--loops", type=int, default=1, help="play the clip this many times")
    parser.add_argument("--verbose", action="store_true", help="print each rep as it is counted")
    args = parser.parse_args()
    pose, th, catalog = LivePose(), default_video_thresholds(), default_catalog()
    stored, sizes, pose_s, kin_s = [], [], [], []
    cued, settled, cue_delay, facing = 0, 0, [], None
    lead = round(lead_in_s(th) * LIVE_FPS)
    width = height = 0
    for t, jpeg in pictures(args.clip, args.rate, args.side, args.quality, args.loops):
        started = time.perf_counter()
        picture = pose.picture(jpeg)
        pose_s.append(time.perf_counter() - started)
        width, height = picture.width, picture.height
        stored.append((frame_index(t * 1000), frame_json(picture.frame), picture.brightness))
        sizes.append(len(jpeg))
        # As the live session reads it: the set since the last rep counted.
        started = time.perf_counter()
        first = max(0, settled - lead)
        rows = [row for row in stored if row[0] >= first]
        so_far = reps_so_far(
            live_track(rows, width, height, first),
            th,
            catalog,
            facing=facing,
            settled_s=(settled - first) / LIVE_FPS if cued else None,
        )
        kin_s.append(time.perf_counter() - started)
        if so_far.finished:
            for rep in so_far.reps[: so_far.finished]:
                cue_delay.append(t - (first / LIVE_FPS + rep.end_s) + pose_s[-1] + kin_s[-1])
                if args.verbose:
                    at = first / LIVE_FPS
                    print(
                        f"rep counted at {t:.1f} s: {at + rep.start_s:.1f}-"
                        f"{at + rep.bottom_s:.1f}-{at + rep.end_s:.1f} s "
                        f"(read from {at:.1f} s)"
                    )
            cued += so_far.finished
            settled = first + round(so_far.reps[so_far.finished - 1].end_s * LIVE_FPS)
            facing = facing if facing is not None else so_far.facing
    finished = cued
    total = np.add(pose_s, kin_s)
    seconds = len(sizes) / args.rate
    print(f"pictures {len(sizes)} of {width}x{height} px, {args.rate:g} a second of the clip")
    print(
        f"server answer: median {1000 * np.median(total):.0f} ms "
        f"(pose {1000 * np.median(pose_s):.0f}, kinematics {1000 * np.median(kin_s):.0f}; "
        f"kinematics at the last picture {1000 * kin_s[-1]:.0f}) -> "
        f"{1 / np.median(total):.1f} pictures a second"
    )
    print(
        f"bytes: median {np.median(sizes) / 1024:.1f} KiB a picture, "
        f"{sum(sizes) / seconds * 60 / 1024 / 1024:.2f} MiB a minute"
    )
    print(
        f"reps finished {finished}; cue after the rep's end: "
        + ", ".join(f"{d:.2f} s" for d in cue_delay)
    )


if __name__ == "__main__":
    main()
