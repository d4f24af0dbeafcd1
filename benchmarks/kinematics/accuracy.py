"""Accuracy of the video kinematics on a large generated set with known truth.

    python benchmarks/kinematics/accuracy.py [--clips 2000] [--seed 2026] [--workers 2]

Generates the clips (hingecoach.synthetic: faults, sides, tempos, noise, frame rates,
drop-outs, outlines, walks and jumps, a few front views and cut-off feet), analyses each
with hingecoach.core.kinematics.analyze_track and prints the tables kept in
benchmarks/README.md (section "Video kinematics"), in Markdown.
"""

from __future__ import annotations

import argparse
import datetime
import time
from concurrent.futures import ProcessPoolExecutor

import numpy as np

from hingecoach.core import default_catalog
from hingecoach.core.kinematics import FAULT_IDS, analyze_track, default_video_thresholds
from hingecoach.synthetic import generate_clip, generate_set
from hingecoach.synthetic.dataset import NOISE, generate_scene_set
from hingecoach.synthetic.labels import BANDS
from hingecoach.synthetic.scenes import SCENES
from hingecoach.synthetic.scoring import ANGLES, Scorecard

CATALOG = default_catalog()

BAR_DEG = 3.0
BAR_PR = 0.9


def score_chunk(specs) -> Scorecard:
    card = Scorecard()
    for spec in specs:
        track, truth = generate_clip(spec)
        card.add(spec, truth, analyze_track(track, catalog=CATALOG))
        card.add_raw(spec, truth, track)
    return card


def merge(cards: list[Scorecard]) -> Scorecard:
    total = Scorecard()
    for card in cards:
        total.clips += card.clips
        for target, source in (
            (total.angle_errors, card.angle_errors),
            (total.raw_errors, card.raw_errors),
            (total.values, card.values),
            (total.rep_counts, card.rep_counts),
            (total.non_hinge_reps, card.non_hinge_reps),
            (total.timing, card.timing),
            (total.verdicts, card.verdicts),
        ):
            for key, values in source.items():
                target[key].extend(values)
        for key, values in card.by_scene.items():
            total.by_scene[key].extend(values)
        for mine_all, theirs in (
            (total.faults, card.faults),
            (total.faults_by_scene, card.faults_by_scene),
            (total.faults_by_noise, card.faults_by_noise),
            (total.faults_by_hold, card.faults_by_hold),
        ):
            for key, count in theirs.items():
                mine = mine_all[key]
                for name in ("tp", "fp", "fn", "tn", "not_assessed"):
                    setattr(mine, name, getattr(mine, name) + getattr(count, name))
    return total


def angle_table(card: Scorecard, raw: bool = False) -> list[str]:
    lines = [
        "| landmark jitter (share of body height) | frames | "
        + " | ".join(f"{a} mean / p95 / max" for a in ANGLES)
        + " |",
        "|---|---|" + "---|" * len(ANGLES),
    ]
    for level in (*NOISE, None):
        cells = []
        for angle in ANGLES:
            e = card.errors(angle, level, raw)
            cells.append(f"{e.mean():.2f} / {np.percentile(e, 95):.2f} / {e.max():.1f}")
        label = "all" if level is None else f"{100 * level:.1f} %"
        count = len(card.errors("hip", level, raw))
        lines.append(f"| {label} | {count} | " + " | ".join(cells) + " |")
    return lines


def noise_table(card: Scorecard) -> list[str]:
    """Precision / recall of each fault at each jitter level."""
    lines = [
        "| fault | " + " | ".join(f"{100 * level:.1f} %" for level in NOISE) + " |",
        "|---|" + "---|" * len(NOISE),
    ]
    for fault in FAULT_IDS:
        cells = [card.faults_by_noise[(fault, level)] for level in NOISE]
        lines.append(
            f"| {fault} | "
            + " | ".join(f"{c.precision:.2f} / {c.recall:.2f}" for c in cells)
            + " |"
        )
    return lines


def hold_table(card: Scorecard) -> list[str]:
    """Precision / recall of each fault on a tripod and hand-held (the image drifting)."""
    lines = ["| fault | camera still | hand-held |", "|---|---|---|"]
    for fault in FAULT_IDS:
        cells = [card.faults_by_hold[(fault, held)] for held in (False, True)]
        lines.append(
            f"| {fault} | "
            + " | ".join(f"{c.precision:.2f} / {c.recall:.2f}" for c in cells)
            + " |"
        )
    return lines


def value_table(card: Scorecard) -> list[str]:
    """How far each fault's measured value lands from the true one (matched reps)."""
    th = default_video_thresholds()
    lines = [
        "| fault | threshold | label margin | reps | median error | 95th pct abs error |",
        "|---|---|---|---|---|---|",
    ]
    for fault in FAULT_IDS:
        pairs = np.array(card.values[fault])
        error = pairs[:, 1] - pairs[:, 0]
        lines.append(
            f"| {fault} | {th.faults[fault].threshold:g} | {BANDS[fault].margin:g} | "
            f"{len(error)} | {np.median(error):+.4f} | "
            f"{np.percentile(np.abs(error), 95):.4f} |"
        )
    return lines


def scene_table(card: Scorecard) -> list[str]:
    """Per real-footage scene: reps, the hip angle's presence, angle errors, faults."""
    lines = [
        "| scene | clips | rep count exact | within one | hip angle reported "
        "(share of frames with a person) | hip / trunk error mean / p95 | "
        "faults judged: worst precision / recall | fault verdicts not assessed |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for scene in SCENES[1:]:
        exact = card.by_scene[(scene, "exact")]
        if not exact:
            continue
        near = card.by_scene[(scene, "within one")]
        errors = {
            a: np.concatenate(card.by_scene[(scene, a)] or [np.array([])]) for a in ("hip", "trunk")
        }
        counts = [card.faults_by_scene[(f, scene)] for f in FAULT_IDS]
        judged = [c for c in counts if c.tp + c.fn + c.fp]
        worst = (
            f"{min(c.precision for c in judged if c.tp + c.fp):.2f} / "
            f"{min(c.recall for c in judged if c.tp + c.fn):.2f}"
            if judged
            else "none"
        )
        skipped = sum(c.not_assessed for c in counts)
        angle = " / ".join(
            f"{e.mean():.2f}, {np.percentile(e, 95):.2f}" if len(e) else "-"
            for e in errors.values()
        )
        lines.append(
            f"| {scene} | {len(exact)} | {np.mean(exact):.3f} | {np.mean(near):.3f} "
            f"| {np.mean(card.by_scene[(scene, 'hip seen')]):.3f} | {angle} | {worst} "
            f"| {skipped} of {len(exact) * len(FAULT_IDS)} |"
        )
    return lines


def rep_table(card: Scorecard) -> list[str]:
    lines = ["| clips | right | share |", "|---|---|---|"]
    for key, hits in sorted(card.rep_counts.items()):
        lines.append(
            f"| hinge, {key}: rep count exact | {sum(hits)} / {len(hits)} | {np.mean(hits):.3f} |"
        )
    for kind, counts in sorted(card.non_hinge_reps.items()):
        zero = sum(c == 0 for c in counts)
        share = zero / len(counts)
        lines.append(f"| {kind}: no rep found | {zero} / {len(counts)} | {share:.3f} |")
    for key, hits in sorted(card.verdicts.items()):
        lines.append(f"| {key} | {sum(hits)} / {len(hits)} | {np.mean(hits):.3f} |")
    lines += [
        "",
        "| rep boundary | median error (s) | 95th percentile of the absolute error (s) |",
        "|---|---|---|",
    ]
    for key in ("start", "bottom", "end"):
        d = np.array(card.timing[key])
        lines.append(f"| {key} | {np.median(d):+.3f} | {np.percentile(np.abs(d), 95):.3f} |")
    return lines


def fault_table(card: Scorecard) -> list[str]:
    lines = [
        "| fault | reps with it | TP | FP | FN | precision | recall | F1 | clips not assessed |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for fault in FAULT_IDS:
        c = card.faults[fault]
        lines.append(
            f"| {fault} | {c.tp + c.fn} | {c.tp} | {c.fp} | {c.fn} | "
            f"{c.precision:.3f} | {c.recall:.3f} | {c.f1:.3f} | {c.not_assessed} |"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clips", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--scene-clips",
        type=int,
        default=100,
        help="hinge clips of each real-footage scene (synthetic/scenes.py)",
    )
    args = parser.parse_args()
    specs = list(generate_set(args.clips, args.seed)) + list(
        generate_scene_set(args.scene_clips, args.seed)
    )
    chunks = [specs[i :: args.workers * 4] for i in range(args.workers * 4)]
    start = time.perf_counter()
    with ProcessPoolExecutor(args.workers) as pool:
        card = merge(list(pool.map(score_chunk, chunks)))
    took = time.perf_counter() - start
    print(
        f"{card.clips} clips, seed {args.seed}, {took:.0f} s with {args.workers} workers, "
        f"{datetime.date.today().isoformat()}\n"
    )
    tables = [("Real-footage scenes", scene_table)]
    if args.clips:  # the tables of the main set (--clips 0 scores the scenes alone)
        tables = [
            ("Angles (degrees, absolute error per frame)", angle_table),
            ("For comparison: raw landmarks, no cleaning", lambda c: angle_table(c, True)),
            ("Reps and verdicts", rep_table),
            *tables,
            ("Faults (per rep)", fault_table),
            ("Faults by landmark jitter: precision / recall", noise_table),
            ("Faults by camera: precision / recall", hold_table),
            ("Fault values: measured minus true (matched reps)", value_table),
        ]
    for title, make in tables:
        print(f"#### {title}\n")
        print("\n".join(make(card)) + "\n")


if __name__ == "__main__":
    main()
