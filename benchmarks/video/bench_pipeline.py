"""Speed, memory and the sampling trade-off of the whole video pipeline.

    .venv/bin/python benchmarks/video/bench_pipeline.py              # everything
    .venv/bin/python benchmarks/video/bench_pipeline.py --quick      # one repeat, fewer rows
    .venv/bin/python benchmarks/video/bench_pipeline.py --aim 10     # the aim only, 10 runs

Clips (made in a temporary folder, never kept): the shared real clip
(``../shared/video/person-backflip-walk.mp4``, VP9, 1768x994) resized to 1280x720 and
1920x1080 and looped to 10 s at 30 fps (MPEG-4 Part 2: OpenCV's wheels carry no H.264
encoder); a mannequin filmed hinging at 1920x1080 for 10 s (a clip with reps, analysed in
one pass; the real clip holds no hinge, so the pipeline takes a second look at it with
the person it followed hidden, two passes); and a mannequin filmed around a generated
hinge track at 1920x1080 (two reps turning into squats: its true angles are known).

Measured: frames per second of decode + resize + pose + kinematics and each stage's
share (``StageTimes``), wall and CPU time, peak resident memory of a fresh process per
resolution (VmHWM from /proc), and for each sampling setting the time against the
agreement of the angles with the all-frames full-size run (real clip) and the error
against the true angles (mannequin).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import cv2
import numpy as np

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "video" / "person-backflip-walk.mp4"
sys.path.insert(0, str(ROOT / "tests"))

from hingecoach.core import default_catalog  # noqa: E402
from hingecoach.core.kinematics import Track  # noqa: E402
from hingecoach.core.kinematics.arrays import track_arrays  # noqa: E402
from hingecoach.core.kinematics.geometry import joint_angle, tilt  # noqa: E402
from hingecoach.synthetic import ClipSpec, generate_clip  # noqa: E402
from hingecoach.video import MODELS, Sampling, analyze_clip  # noqa: E402
from video.mannequin import film  # noqa: E402  (tests/video/mannequin.py)

SIZES = {"720p": (1280, 720), "1080p": (1920, 1080)}
SETTINGS = [  # (label, step, long side)
    ("every frame, full size", 1, None),
    ("every frame, 960 px", 1, 960),
    ("every 2nd frame, full size", 2, None),
    ("every 2nd frame, 960 px (default)", 2, 960),
    ("every 2nd frame, 640 px", 2, 640),
    ("every 3rd frame, 960 px", 3, 960),
    ("every 3rd frame, 640 px", 3, 640),
]
DEFAULT_SETTING = "every 2nd frame, 960 px (default)"
QUICK = {
    "every frame, full size",
    DEFAULT_SETTING,
    "every 2nd frame, 640 px",
    "every 3rd frame, 960 px",
}
ANGLES = ("hip_deg", "knee_deg", "trunk_deg")


def looped_clip(
    source: Path, out: Path, size: tuple[int, int], seconds: float = 10.0, fps: float = 30.0
) -> Path:
    capture = cv2.VideoCapture(str(source))
    frames = []
    while True:
        ok, frame = capture.read()
        if not ok:
            break
        frames.append(cv2.resize(frame, size, interpolation=cv2.INTER_AREA))
    writer = cv2.VideoWriter(str(out), cv2.VideoWriter_fourcc(*"mp4v"), fps, size)
    for i in range(int(seconds * fps)):
        writer.write(frames[i % len(frames)])
    writer.release()
    return out


def filmed_hinge(out: Path, seconds: float = 10.0) -> Path:
    """A mannequin hinging (four clean reps) at 1920x1080, 30 fps, cut to ``seconds``:
    a clip with reps, which the pipeline analyses in one pass."""
    spec = ClipSpec(side="left", reps=4, size="landscape", noise=0.0, drop_rate=0.0, seed=4)
    track, _ = generate_clip(spec)
    frames = track.frames[: int(seconds * track.clip.fps)]
    return film(Track(clip=track.clip, frames=frames), out, "left")


def timed(path: Path, sampling: Sampling, model: str = "full") -> dict:
    wall, cpu = time.perf_counter(), time.process_time()
    analysis = analyze_clip(path, sampling=sampling, model=model, catalog=default_catalog())
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {
        "wall_s": wall,
        "cpu_s": cpu,
        "decoded": analysis.decoded,
        "analysed": len(analysis.track.frames),
        "step": analysis.step,
        "stages": dataclasses.asdict(analysis.times),
        "found": sum(f is not None for f in analysis.track.frames),
        "report": analysis.report.model_dump(mode="json"),
        "raw": raw_angles(analysis.track),
    }


def raw_angles(track: Track) -> dict[str, np.ndarray]:
    """Per frame, both sides' hip, knee and trunk angles straight from the model's
    landmarks (no smoothing, no side choice: NaN where a point is unsure or absent), so
    settings compare even on a clip the kinematics find not assessable."""
    arrays = track_arrays(track)
    out = {}
    for side in ("left", "right"):
        p = {
            part: arrays.seen(f"{side}_{part}", 0.5)
            for part in ("shoulder", "hip", "knee", "ankle")
        }
        out[f"{side} hip"] = joint_angle(p["shoulder"], p["hip"], p["knee"])
        out[f"{side} knee"] = joint_angle(p["hip"], p["knee"], p["ankle"])
        out[f"{side} trunk"] = np.abs(tilt(p["hip"], p["shoulder"], 1.0))
    return out


def median_run(path: Path, sampling: Sampling, repeat: int, model: str = "full") -> dict:
    runs = [timed(path, sampling, model) for _ in range(repeat)]
    runs.sort(key=lambda r: r["wall_s"])
    return runs[len(runs) // 2]


def agreement(run: dict, reference: dict) -> dict:
    """Median and 95th percentile |angle - reference angle| of the raw angles, over the
    frames both runs measured (the reference analysed every frame)."""
    step = run["step"] // reference["step"]
    diffs: list[float] = []
    for key, ours in run["raw"].items():
        theirs = reference["raw"][key][::step][: len(ours)]
        both = np.isfinite(ours) & np.isfinite(theirs)
        diffs += np.abs(ours[both] - theirs[both]).tolist()
    return _spread(diffs)


def truth_error(run: dict, truth_angles: dict[str, np.ndarray]) -> dict:
    step = run["step"]
    diffs = []
    for key, name in zip(ANGLES, ("hip", "knee", "trunk"), strict=True):
        ours = run["report"]["series"][key]
        true = truth_angles[name][::step][: len(ours)]
        diffs += [abs(a - b) for a, b in zip(ours, true, strict=False) if a is not None]
    return _spread(diffs)


def _spread(diffs: list[float]) -> dict:
    if not diffs:
        return {"median": None, "p95": None, "n": 0}
    return {
        "median": float(np.median(diffs)),
        "p95": float(np.percentile(diffs, 95)),
        "n": len(diffs),
    }


def reps_summary(run: dict) -> str:
    reps = run["report"]["reps"]
    faults = sorted({f["fault"] for rep in reps for f in rep["faults"]})
    return f"{len(reps)} reps" + (f", {', '.join(faults)}" if faults else "")


# VmHWM, not getrusage's ru_maxrss: Linux carries the parent's high-water mark into
# ru_maxrss across fork and exec, so a child of a large parent would report the parent.
PEAK_RSS = """
import re, sys
from pathlib import Path
from hingecoach.core import default_catalog
from hingecoach.video import BlazePose, analyze_clip
if sys.argv[1] == "-":
    BlazePose().close()
else:
    analyze_clip(sys.argv[1], catalog=default_catalog())
status = Path("/proc/self/status").read_text()
print(int(re.search(r"VmHWM:\\s+(\\d+) kB", status).group(1)) / 1024)
"""


def peak_rss_child(path: Path | None) -> float:
    """Peak resident memory (MiB) of a fresh process analysing ``path`` with the
    defaults (None: one that only loads the pose model)."""
    out = subprocess.run(
        [sys.executable, "-c", PEAK_RSS, str(path or "-")], capture_output=True, text=True, cwd=ROOT
    )
    if out.returncode:
        raise RuntimeError(f"peak memory run failed: {out.stderr.strip()}")
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--out", type=Path, help="also write the raw results as JSON here")
    parser.add_argument(
        "--aim",
        type=int,
        metavar="RUNS",
        help="only the aim: the 10 s 1080p hinge clip, RUNS times in one process",
    )
    args = parser.parse_args()
    if args.aim:
        steady_aim(args.aim)
        return
    repeat = 1 if args.quick else args.repeat
    results: dict = {"load_before": os.getloadavg(), "cpus": os.cpu_count()}
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        clips = {
            name: looped_clip(SHARED, tmp / f"{name}.mp4", size) for name, size in SIZES.items()
        }
        clips["1080p hinge"] = filmed_hinge(tmp / "hinge.mp4")
        results["speed"] = {
            name: median_run(path, Sampling(), repeat) for name, path in clips.items()
        }
        results["models"] = {
            model: median_run(clips["1080p hinge"], Sampling(), repeat, model) for model in MODELS
        }
        results["peak_rss_mib"] = {name: peak_rss_child(path) for name, path in clips.items()}
        results["peak_rss_mib"]["model loaded, no clip"] = peak_rss_child(None)
        spec = ClipSpec(
            faults=frozenset({"knee-dominant"}),
            side="left",
            reps=2,
            size="landscape",
            noise=0.0,
            drop_rate=0.0,
            seed=3,
        )
        track, truth = generate_clip(spec)
        mannequin = film(track, tmp / "mannequin.mp4", "left")
        results["tradeoff"] = tradeoff(clips["1080p"], mannequin, truth, args.quick)
    results["load_after"] = os.getloadavg()
    print_tables(results)
    if args.out:
        args.out.write_text(json.dumps(without_reports(results), indent=2, default=str))


def steady_aim(runs: int) -> None:
    """The aim's clip analysed ``runs`` times with the defaults: every run's wall and CPU
    time, and the slowest against the fastest (a steady 4x needs the slowest past it)."""
    print(f"cpus {os.cpu_count()}, load average before {os.getloadavg()}")
    with tempfile.TemporaryDirectory() as folder:
        clip = filmed_hinge(Path(folder) / "hinge.mp4")
        walls = []
        for number in range(1, runs + 1):
            run = timed(clip, Sampling())
            walls.append(run["wall_s"])
            print(
                f"run {number}: {run['wall_s']:.2f} s wall, {10 / run['wall_s']:.2f}x real time, "
                f"{run['cpu_s']:.2f} s CPU",
                flush=True,
            )
    median = float(np.median(walls))
    print(
        f"load average after {os.getloadavg()}; slowest {max(walls):.2f} s "
        f"({10 / max(walls):.2f}x), median {median:.2f} s ({10 / median:.2f}x), "
        f"fastest {min(walls):.2f} s ({10 / min(walls):.2f}x)"
    )


def without_reports(value):
    if isinstance(value, dict):
        return {k: without_reports(v) for k, v in value.items() if k not in ("report", "raw")}
    return value


def tradeoff(real: Path, mannequin: Path, truth, quick: bool) -> dict:
    rows = {}
    reference = filmed_reference = None
    for label, step, side in SETTINGS:
        if quick and label not in QUICK:
            continue
        sampling = Sampling(step=step, long_side=side)
        real_run = timed(real, sampling)
        reference = reference or real_run
        filmed = timed(mannequin, sampling)
        filmed_reference = filmed_reference or filmed
        rows[label] = {
            "real": real_run,
            "mannequin": filmed,
            "agreement": agreement(real_run, reference),
            "mannequin_agreement": agreement(filmed, filmed_reference),
            "truth_error": truth_error(filmed, truth.angles),
            "mannequin_reps": reps_summary(filmed),
            "real_reps": reps_summary(real_run),
        }
    return rows


def print_aim(results: dict) -> None:
    """The figure the speed aim is stated in: the 10 s 1080p hinge clip against real
    time, and how far the default sampling's angles are from analysing every frame."""
    run = results["speed"]["1080p hinge"]
    print(
        f"Aim, 4x real time: the 10 s 1080p hinge clip in {run['wall_s']:.2f} s wall, "
        f"{10 / run['wall_s']:.2f}x real time, {run['cpu_s']:.2f} s CPU."
    )
    row = results["tradeoff"].get(DEFAULT_SETTING)
    if row is not None:
        print(
            f"Default sampling against every frame at full size, median / p95 degrees: "
            f"real clip {_pair(row['agreement'])}, "
            f"filmed hinge {_pair(row['mannequin_agreement'])}."
        )
    print()


def print_tables(results: dict) -> None:
    print(
        f"cpus {results['cpus']}, load average before {results['load_before']}, "
        f"after {results['load_after']}\n"
    )
    print_aim(results)
    print(
        "| clip | analysed / decoded frames | wall s | x real time | frames/s (decoded) "
        "| CPU s | model load | decode | resize | pose | kinematics |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for name, run in results["speed"].items():
        st = run["stages"]
        total = sum(st.values())
        shares = " | ".join(
            f"{st[k] / total:.0%}" for k in ("model", "decode", "resize", "pose", "kinematics")
        )
        print(
            f"| {name} 10 s 30 fps | {run['analysed']} / {run['decoded']} | "
            f"{run['wall_s']:.2f} | {10 / run['wall_s']:.2f} | "
            f"{run['decoded'] / run['wall_s']:.0f} | {run['cpu_s']:.2f} | {shares} |"
        )
    print("\n| model | 1080p hinge wall s | x real time | pose ms a frame | reps |")
    print("|---|---|---|---|---|")
    for model, run in results["models"].items():
        print(
            f"| {model} | {run['wall_s']:.2f} | {10 / run['wall_s']:.2f} | "
            f"{1000 * run['stages']['pose'] / run['analysed']:.1f} | {reps_summary(run)} |"
        )
    print(
        "\npeak RSS (MiB): " + ", ".join(f"{k} {v:.0f}" for k, v in results["peak_rss_mib"].items())
    )
    print(
        "\n| setting | 1080p wall s | pose s | real clip: person found | vs every frame at "
        "full size: median / p95 deg | mannequin: person found | mannequin vs truth: "
        "median / p95 deg | mannequin reps | real clip reps |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for label, row in results["tradeoff"].items():
        a, e = row["agreement"], row["truth_error"]
        real, filmed = row["real"], row["mannequin"]
        print(
            f"| {label} | {real['wall_s']:.2f} | {real['stages']['pose']:.2f} | "
            f"{real['found'] / real['analysed']:.0%} | {_pair(a)} | "
            f"{filmed['found'] / filmed['analysed']:.0%} | {_pair(e)} | "
            f"{row['mannequin_reps']} | {row['real_reps']} |"
        )


def _pair(spread: dict) -> str:
    if spread["median"] is None:
        return "-"
    return f"{spread['median']:.1f} / {spread['p95']:.1f}"


if __name__ == "__main__":
    main()
