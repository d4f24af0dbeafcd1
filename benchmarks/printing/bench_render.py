"""Time the printouts: the whole card deck to one PDF (one per page, four per sheet), one
session sheet, a four-week block sheet and the poster; and the CLI end to end.

    .venv/bin/python benchmarks/printing/bench_render.py [--repeat 3] [--cli]

In-process numbers exclude importing WeasyPrint and loading the catalog (done once up
front); ``--cli`` adds ``hingecoach cards --out`` timed from process start to exit.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from hingecoach import printing
from hingecoach.core import case_from_json, default_catalog

ROOT = Path(__file__).resolve().parents[2]


def timed(func: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median wall time and median CPU time of this process, in seconds."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        func()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def cli_seconds(repeat: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as folder:
        out = str(Path(folder) / "cards.pdf")
        command = [sys.executable, "-m", "hingecoach", "cards", "--out", out]
        runs = []
        for _ in range(repeat):
            start = time.perf_counter()
            done = subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
            runs.append(time.perf_counter() - start)
            assert done.returncode == 0
        children = os.times()
        return statistics.median(runs), (children.children_user + children.children_system) / repeat


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cli", action="store_true", help="also time the CLI end to end")
    args = parser.parse_args()
    catalog = default_catalog()
    case = case_from_json((ROOT / "examples" / "failed-test.json").read_text(), catalog)
    printing.cards_pdf(catalog, ["hip-bridge"])  # warm up: fonts, templates, WeasyPrint
    n = len(catalog.exercises)
    jobs = {
        f"deck, {n} cards, one per page (A4)": lambda: printing.cards_pdf(catalog),
        f"deck, {n} cards, four per sheet (A4)": lambda: printing.cards_pdf(catalog, layout="four"),
        "session sheet, today (failed-test.json)": lambda: printing.sheet_pdf(catalog, case),
        "block sheet, 4 weeks (failed-test.json)": lambda: printing.sheet_pdf(
            catalog, case, weeks=4
        ),
        "poster, A2 PDF": lambda: printing.poster_pdf(catalog, case),
        "poster, A2 SVG": lambda: printing.poster_svg(catalog, case),
    }
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"load average at start: {load:.1f}; repeat {args.repeat}; medians")
    print(f"{'':45s} {'wall':>8s} {'CPU':>8s}")
    for name, job in jobs.items():
        wall, cpu = timed(job, args.repeat)
        print(f"{name:45s} {wall:7.2f}s {cpu:7.2f}s")
    if args.cli:
        wall, cpu = cli_seconds(args.repeat)
        print(f"{'hingecoach cards --out (start to exit)':45s} {wall:7.2f}s {cpu:7.2f}s")


if __name__ == "__main__":
    main()
