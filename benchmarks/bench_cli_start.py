"""The CLI's cold start: process start to JSON out, beside `python -c pass`.

    python benchmarks/bench_cli_start.py [--runs 20]

Each command runs --runs times after one warm-up run (so the OS file cache is warm, the
catalog cache is written and the bytecode compiled, as on a coach's laptop after the
first call); medians and 95th percentiles of wall time in ms, and the median CPU time
(user + system) of the child process, which a shared machine inflates less than wall time.
PYTHONDONTWRITEBYTECODE is removed from the children's environment: an installed package
has its bytecode compiled, and recompiling every module on every run is not what a coach
waits for.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASE = ROOT / "examples" / "failed-test.json"


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timings(command: list[str], runs: int, env: dict[str, str]) -> tuple[list[float], list[float]]:
    subprocess.run(command, check=True, capture_output=True, env=env)
    wall, cpu = [], []
    for _ in range(runs):
        cpu_before, start = _children_cpu(), time.perf_counter()
        done = subprocess.run(command, check=True, capture_output=True, env=env)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((_children_cpu() - cpu_before) * 1000)
        if "recommend" in command:
            json.loads(done.stdout)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    py = sys.executable
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    commands = {
        "python -c pass": [py, "-c", "pass"],
        "python -c 'import hingecoach.core'": [py, "-c", "import hingecoach.core"],
        "hingecoach recommend CASE --json": [
            py,
            "-m",
            "hingecoach",
            "recommend",
            str(CASE),
            "--json",
        ],
    }
    print(f"load average {os.getloadavg()[0]:.1f}")
    print(f"{'command':40} {'median ms':>10} {'p95 ms':>8} {'CPU ms':>8}")
    for label, command in commands.items():
        wall, cpu = timings(command, args.runs, env)
        values = sorted(wall)
        p95 = values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]
        print(
            f"{label:40} {statistics.median(values):10.0f} {p95:8.0f} {statistics.median(cpu):8.0f}"
        )


if __name__ == "__main__":
    main()
