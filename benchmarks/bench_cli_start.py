"""The CLI's cold start: process start to JSON out, beside `python -c pass`.

    python benchmarks/bench_cli_start.py [--runs 20]

Each command runs --runs times after one warm-up run (so the OS file cache is warm,
as on a coach's laptop after the first call); medians and 95th percentiles in ms.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASE = ROOT / "examples" / "failed-test.json"


def timings(command: list[str], runs: int) -> list[float]:
    subprocess.run(command, check=True, capture_output=True)
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(command, check=True, capture_output=True)
        out.append((time.perf_counter() - start) * 1000)
        if "recommend" in command:
            json.loads(done.stdout)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    py = sys.executable
    commands = {
        "python -c pass": [py, "-c", "pass"],
        "python -c 'import hingecoach.core'": [py, "-c", "import hingecoach.core"],
        "hingecoach recommend CASE --json": [py, "-m", "hingecoach", "recommend", str(CASE),
                                             "--json"],
    }
    print(f"{'command':40} {'median ms':>10} {'p95 ms':>8}")
    for label, command in commands.items():
        values = sorted(timings(command, args.runs))
        p95 = values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]
        print(f"{label:40} {statistics.median(values):10.0f} {p95:8.0f}")


if __name__ == "__main__":
    main()
