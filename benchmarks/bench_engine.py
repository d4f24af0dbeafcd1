"""Recommendations (and plans) per second, in-process, over generated cases.

    python benchmarks/bench_engine.py [--cases 10000] [--repeat 3]

Cases are validated once up front (as an adapter would after reading them), so the
number measures the engine itself; a second line includes validation from raw dicts.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cases import random_cases
from hingecoach.core import default_catalog, parse_case, plan, recommend


def rate(func, items, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        for item in items:
            func(item)
        runs.append(len(items) / (time.perf_counter() - start))
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    catalog = default_catalog()
    raw = random_cases(args.cases)
    cases = [parse_case(c, catalog) for c in raw]
    print(f"cases: {len(cases)} (seeded), median of {args.repeat} runs")
    runs = {
        "recommend, validated cases": (lambda c: recommend(c, catalog), cases),
        "recommend, from raw dicts": (lambda c: recommend(c, catalog), raw),
        "plan, validated cases": (lambda c: plan(c, catalog), cases),
    }
    for label, (func, items) in runs.items():
        print(f"{label:28} {rate(func, items, args.repeat):8.0f} /s")


if __name__ == "__main__":
    main()
