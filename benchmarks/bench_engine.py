"""Recommendations (and plans) per second, in-process, over generated cases.

    python benchmarks/bench_engine.py [--cases 10000] [--repeat 3] [--profile [--top 12]]
    python benchmarks/bench_engine.py --only-unseen    # e.g. under py-spy record

Cases are validated once up front (as an adapter would after reading them), so the
number measures the engine itself; a second line includes validation from raw dicts.
Each line gives the rate by wall time and by this process's CPU time (a shared machine
slows the first more). ``--profile`` prints where ``recommend`` spends its time.

The usual lines time the same cases ``--repeat`` times, and the engine remembers what it
has worded per catalog, so the second and third runs meet sentences the first one made.
``recommend, unseen cases`` is the honest figure: after all of the above has warmed the
engine up, each run times a fresh set drawn with a seed of its own (never the benchmark's),
so no case in it has been seen before.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cases import random_cases
from hingecoach.core import default_catalog, parse_case, plan, recommend

UNSEEN_SEED = 7_000  # far from cases.py's 2026, and each run adds one


def rate(func, items, repeat: int) -> tuple[float, float]:
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        for item in items:
            func(item)
        wall.append(len(items) / (time.perf_counter() - start))
        cpu.append(len(items) / (time.process_time() - start_cpu))
    return statistics.median(wall), statistics.median(cpu)


def unseen_rate(catalog, count: int, repeat: int) -> tuple[float, float]:
    """``rate`` of ``recommend`` over sets no earlier run has seen (one seed per run)."""
    wall, cpu = [], []
    for run in range(repeat):
        fresh = [parse_case(c, catalog) for c in random_cases(count, seed=UNSEEN_SEED + run)]
        one_wall, one_cpu = rate(lambda c: recommend(c, catalog), fresh, 1)
        wall.append(one_wall)
        cpu.append(one_cpu)
    return statistics.median(wall), statistics.median(cpu)


def profile(func, items, top: int) -> None:
    profiler = cProfile.Profile()
    profiler.runcall(lambda: [func(item) for item in items])
    pstats.Stats(profiler).sort_stats("tottime").print_stats(top)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--top", type=int, default=12, help="profile lines shown")
    parser.add_argument(
        "--only-unseen",
        action="store_true",
        help="warm up once on the benchmark's cases, then time only unseen ones (to profile "
        "with py-spy)",
    )
    args = parser.parse_args()
    catalog = default_catalog()
    raw = random_cases(args.cases)
    cases = [parse_case(c, catalog) for c in raw]
    print(f"cases: {len(cases)} (seeded), median of {args.repeat} runs")
    if args.only_unseen:
        rate(lambda c: recommend(c, catalog), cases, 1)
        wall, cpu = unseen_rate(catalog, args.cases, args.repeat)
        print(f"{'recommend, unseen cases':28} {wall:8.0f} {cpu:8.0f} (wall, CPU /s)")
        return
    runs = {
        "recommend, validated cases": (lambda c: recommend(c, catalog), cases),
        "recommend, from raw dicts": (lambda c: recommend(c, catalog), raw),
        "plan, validated cases": (lambda c: plan(c, catalog), cases),
    }
    print(f"{'':28} {'wall /s':>8} {'CPU /s':>8}")
    for label, (func, items) in runs.items():
        wall, cpu = rate(func, items, args.repeat)
        print(f"{label:28} {wall:8.0f} {cpu:8.0f}")
    wall, cpu = unseen_rate(catalog, args.cases, args.repeat)
    print(f"{'recommend, unseen cases':28} {wall:8.0f} {cpu:8.0f}")
    if args.profile:
        profile(runs["recommend, validated cases"][0], cases, args.top)


if __name__ == "__main__":
    main()
