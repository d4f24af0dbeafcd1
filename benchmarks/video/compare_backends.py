"""Two pose backends side by side on the same clips: landmarks, angles, reps and faults.

    .venv/bin/python benchmarks/video/compare_backends.py dump blazepose-full CLIP... --out a.json
    OTHER_VENV/bin/python benchmarks/video/compare_backends.py dump mediapipe CLIP... --out b.json
    .venv/bin/python benchmarks/video/compare_backends.py table a.json b.json [c.json ...]

``dump`` runs ``analyze_clip`` with the named backend (``mediapipe``: the legacy
``MediaPipePose``, where it is still installed; ``blazepose-lite|full|heavy``, with
``+redetectN`` to run the detector every N analysed frames, 0 only when the person is
lost, ``+fpsN`` to smooth as if frames came N a second, ``+raw`` for no smoothing) and
keeps, per analysed frame of the first pass, what the backend returned before the person
lock (clip pixels), with the report's reps, faults and side. ``table`` prints, per clip
and backend: the share of frames with a person; the share with shoulder, hip and knee of
the near side at visibility 0.5 or more; jitter (the median size of the frame-to-frame
second difference of shoulder, hip and knee, in trunk lengths, over runs of frames where
all three are seen); the median distance to the first file's landmarks (trunk lengths);
the median difference of the raw hip and knee angles from the first file's; pose time
per frame; reps and faults.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

JOINTS = ("shoulder", "hip", "knee", "ankle")


def make_backend(name: str):
    if name == "mediapipe":
        from hingecoach.video.pose_backend import MediaPipePose  # type: ignore[attr-defined]

        return MediaPipePose()
    from hingecoach.video.pose_backend import BlazePose

    model, _, option = name.removeprefix("blazepose-").partition("+")
    if option.startswith("redetect"):
        return BlazePose(model, redetect_every=int(option.removeprefix("redetect")))
    if option.startswith("fps"):
        return BlazePose(model, fps=float(option.removeprefix("fps")))
    return BlazePose(model, smooth=option != "raw")


class Recording:
    """A backend that keeps what it returned for every call."""

    def __init__(self, backend) -> None:
        self.backend, self.name = backend, backend.name
        self.calls: list[dict | None] = []
        self.seconds = 0.0

    def landmarks(self, frame_rgb):
        started = time.perf_counter()
        frame = self.backend.landmarks(frame_rgb)
        self.seconds += time.perf_counter() - started
        height, width = frame_rgb.shape[:2]
        self.calls.append(
            None
            if frame is None
            else {
                "size": [width, height],
                "marks": {
                    k: list(v) for k, v in frame.landmarks.items() if k.split("_", 1)[-1] in JOINTS
                },
            }
        )
        return frame

    def close(self) -> None:
        self.backend.close()


def dump(backend_name: str, clips: list[Path], out: Path) -> None:
    from hingecoach.core import default_catalog
    from hingecoach.video import analyze_clip

    rows = []
    for clip in clips:
        recording = Recording(make_backend(backend_name))
        analysis = analyze_clip(clip, backend=recording, catalog=default_catalog())
        recording.close()
        frames = len(analysis.track.frames)
        scale = [analysis.video.width, analysis.video.height]
        calls = [
            None
            if c is None
            else {
                k: [v[0] * scale[0] / c["size"][0], v[1] * scale[1] / c["size"][1], v[2]]
                for k, v in c["marks"].items()
            }
            for c in recording.calls[:frames]
        ]
        report = analysis.report
        rows.append(
            {
                "clip": clip.name,
                "backend": backend_name,
                "frames": calls,
                "pose_ms": 1000 * recording.seconds / max(1, len(recording.calls)),
                "reps": len(report.reps),
                "side": report.side,
                "assessable": report.assessable,
                "reason": report.reason,
                "faults": sorted({f.fault for rep in report.reps for f in rep.faults}),
                "not_assessed": [item.fault for item in report.not_assessed],
                "second_look": analysis.second_look,
            }
        )
        print(f"{clip.name}: {rows[-1]['reps']} reps, side {report.side}", flush=True)
    out.write_text(json.dumps(rows))


def points(row: dict, side: str) -> dict[str, np.ndarray]:
    """Per joint, (frames, 3) x, y, visibility (NaN where no person)."""
    out = {}
    for joint in JOINTS:
        name = f"{side}_{joint}"
        out[joint] = np.array([[np.nan] * 3 if f is None else f[name] for f in row["frames"]])
    return out


def near_side(row: dict) -> str:
    if row["side"]:
        return row["side"]
    means = {s: np.nanmean(points(row, s)["hip"][:, 2]) for s in ("left", "right")}
    return max(means, key=lambda s: means[s])


def seen(p: dict[str, np.ndarray], joints=("shoulder", "hip", "knee")) -> np.ndarray:
    return np.all([p[j][:, 2] >= 0.5 for j in joints], axis=0)


def trunk(p: dict[str, np.ndarray]) -> float:
    return float(np.nanmedian(np.hypot(*(p["shoulder"][:, :2] - p["hip"][:, :2]).T)))


def jitter(p: dict[str, np.ndarray]) -> float:
    ok = seen(p)
    steps = []
    for joint in ("shoulder", "hip", "knee"):
        xy = p[joint][:, :2]
        second = xy[2:] - 2 * xy[1:-1] + xy[:-2]
        run = ok[2:] & ok[1:-1] & ok[:-2]
        steps.extend(np.hypot(*second[run].T))
    return float(np.median(steps)) / trunk(p) if steps else float("nan")


def angle(a: np.ndarray, b: np.ndarray, c: np.ndarray) -> np.ndarray:
    u, v = a - b, c - b
    cos = (u * v).sum(1) / (np.hypot(*u.T) * np.hypot(*v.T))
    return np.degrees(np.arccos(np.clip(cos, -1, 1)))


def angles(p: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    xy = {j: p[j][:, :2] for j in JOINTS}
    return {
        "hip": angle(xy["shoulder"], xy["hip"], xy["knee"]),
        "knee": angle(xy["hip"], xy["knee"], xy["ankle"]),
    }


def compare(row: dict, reference: dict) -> dict:
    side = near_side(reference)
    mine, theirs = points(row, side), points(reference, side)
    found = np.array([f is not None for f in row["frames"]])
    both = seen(mine) & seen(theirs) if len(mine["hip"]) == len(theirs["hip"]) else None
    result = {"found": found.mean(), "seen": seen(mine).mean(), "jitter": jitter(mine)}
    if both is not None and both.any() and row is not reference:
        distance = [
            np.hypot(*(mine[j][both, :2] - theirs[j][both, :2]).T)
            for j in ("shoulder", "hip", "knee")
        ]
        result["distance"] = float(np.median(np.concatenate(distance))) / trunk(theirs)
        a, b = angles(mine), angles(theirs)
        for name in ("hip", "knee"):
            diff = np.abs(a[name][both] - b[name][both])
            result[f"{name}_diff"] = float(np.nanmedian(diff))
    return result


def table(files: list[Path]) -> str:
    runs = [json.loads(path.read_text()) for path in files]
    lines = [
        "| clip | backend | person found | near shoulder, hip, knee seen | jitter "
        "(trunk lengths) | distance to first (trunk lengths) | hip / knee angle vs "
        "first, median deg | pose ms/frame | reps | faults | side |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for index, reference in enumerate(runs[0]):
        for run in runs:
            row = run[index]
            c = compare(row, reference)
            vs_first = f"{c['distance']:.3f}" if "distance" in c else "-"
            diffs = f"{c['hip_diff']:.1f} / {c['knee_diff']:.1f}" if "hip_diff" in c else "-"
            faults = ", ".join(row["faults"]) or "-"
            lines.append(
                f"| {row['clip']} | {row['backend']} | {c['found']:.0%} | "
                f"{c['seen']:.0%} | {c['jitter']:.4f} | {vs_first} | {diffs} | "
                f"{row['pose_ms']:.1f} | {row['reps']} | {faults} | "
                f"{row['side'] or '-'} |"
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("backend")
    d.add_argument("clips", nargs="+", type=Path)
    d.add_argument("--out", type=Path, required=True)
    t = sub.add_parser("table")
    t.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.backend, args.clips, args.out)
    else:
        print(table(args.files))


if __name__ == "__main__":
    sys.exit(main())
