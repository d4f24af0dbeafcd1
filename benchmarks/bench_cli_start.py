"""The CLI's cold start: process start to JSON out, beside `python -c pass`.

    python benchmarks/bench_cli_start.py [--runs 20] [--baseline OTHER_CHECKOUT/src]

Each command runs once as a warm-up (so the OS file cache is warm, the catalog cache is
written and the bytecode compiled, as on a coach's laptop after the first call), then
--runs times, the commands taking turns so that a change in the machine's load falls on
all of them alike. Medians and 95th percentiles of wall time in ms, and the median CPU
time (user + system) of the child process, which a shared machine inflates less than
wall time. "typer + pydantic" is the floor under any start that uses both: the two
imported and one small model validated. With --baseline, `recommend` also runs from that
source tree (PYTHONPATH), for a before/after in the same minutes.
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
RECOMMEND = ["-m", "hingecoach", "recommend", str(CASE), "--json"]
# What any start that parses options with typer and validates with pydantic pays: both
# imported, one model built and used, the collector paused as the command line has it.
FLOOR = (
    "import gc, os; gc.disable(); os.environ['PYDANTIC_DISABLE_PLUGINS'] = '__all__'\n"
    "import typer.main\n"
    "from pydantic import BaseModel, Field\n"
    "class M(BaseModel):\n"
    "    a: int = Field(1, ge=0)\n"
    "M.model_validate({'a': 2})\n"
)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _once(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    cpu_before, start = _children_cpu(), time.perf_counter()
    done = subprocess.run(command, check=True, capture_output=True, env=env)
    wall = (time.perf_counter() - start) * 1000
    if "recommend" in command:
        json.loads(done.stdout)
    return wall, (_children_cpu() - cpu_before) * 1000


def commands(baseline: str | None) -> dict[str, tuple[list[str], dict[str, str]]]:
    py = sys.executable
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    chosen = {
        "python -c pass": ([py, "-c", "pass"], env),
        "python -c 'import hingecoach.core'": ([py, "-c", "import hingecoach.core"], env),
        "typer + pydantic, one model validated": ([py, "-c", FLOOR], env),
        "hingecoach recommend CASE --json": ([py, *RECOMMEND], env),
    }
    if baseline:
        other = {**env, "PYTHONPATH": str(Path(baseline).resolve())}
        chosen["the same, from --baseline"] = ([py, *RECOMMEND], other)
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--baseline", metavar="SRC", help="another checkout's src folder")
    args = parser.parse_args()
    chosen = commands(args.baseline)
    times: dict[str, list[tuple[float, float]]] = {label: [] for label in chosen}
    for command, env in chosen.values():
        subprocess.run(command, check=True, capture_output=True, env=env)
    load_before = os.getloadavg()[0]
    for _ in range(args.runs):
        for label, (command, env) in chosen.items():
            times[label].append(_once(command, env))
    print(f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after")
    print(f"{'command':40} {'median ms':>10} {'p95 ms':>8} {'CPU ms':>8}")
    for label, pairs in times.items():
        wall = sorted(w for w, _ in pairs)
        p95 = wall[min(len(wall) - 1, round(0.95 * (len(wall) - 1)))]
        cpu = statistics.median(c for _, c in pairs)
        print(f"{label:40} {statistics.median(wall):10.0f} {p95:8.0f} {cpu:8.0f}")


if __name__ == "__main__":
    main()
