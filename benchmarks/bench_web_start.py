"""The web app's first request: `hingecoach serve` started, to the answer of `GET /`.

    python benchmarks/bench_web_start.py [--runs 10] [--baseline OTHER_CHECKOUT/src]

Each run starts `python -m hingecoach serve` (its defaults: gunicorn, 2 workers x 4
threads) on a free port in one temporary data folder (migrated by a warm-up run), sends
`GET /` as soon as the port accepts (the sign-in redirect: Django set up, the URLconf and
a view), then stops the server. Prints the median and 95th percentile of the wall time
from the process start to the response, and the median CPU time of the whole server
(gunicorn's master and workers and the clip worker, start to stop). With --baseline, the
same from that source tree (PYTHONPATH), the two taking turns.
"""

from __future__ import annotations

import argparse
import http.client
import os
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

START_TIMEOUT_S = 120


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _first_answer(port: int, deadline: float) -> int:
    while time.perf_counter() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            connection.request("GET", "/")
            status = connection.getresponse().status
            connection.close()
            return status
        except OSError:
            time.sleep(0.005)
    raise RuntimeError(f"nothing answered on port {port}")


def one_start(env: dict[str, str]) -> tuple[float, float, int]:
    """Wall ms to the first answer, CPU ms of the server from start to stop, the status."""
    port = _free_port()
    command = [sys.executable, "-m", "hingecoach", "serve", "--port", str(port)]
    cpu_before, start = _children_cpu(), time.perf_counter()
    server = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        status = _first_answer(port, start + START_TIMEOUT_S)
        wall = (time.perf_counter() - start) * 1000
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=60)
    return wall, (_children_cpu() - cpu_before) * 1000, status


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--baseline", metavar="SRC", help="another checkout's src folder")
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="hc-web-start-")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["HINGECOACH_HOME"] = home
    chosen = {"hingecoach serve, first GET /": env}
    if args.baseline:
        chosen["the same, from --baseline"] = {
            **env,
            "PYTHONPATH": str(Path(args.baseline).resolve()),
        }
    try:
        for variant in chosen.values():
            one_start(variant)  # migrates the data folder, compiles the bytecode
        results: dict[str, list[tuple[float, float, int]]] = {label: [] for label in chosen}
        load_before = os.getloadavg()[0]
        for _ in range(args.runs):
            for label, variant in chosen.items():
                results[label].append(one_start(variant))
    finally:
        shutil.rmtree(home, ignore_errors=True)
    print(f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after")
    print(f"{'command':32} {'status':>6} {'median ms':>10} {'p95 ms':>8} {'CPU ms':>8}")
    for label, runs in results.items():
        wall = sorted(w for w, _, _ in runs)
        p95 = wall[min(len(wall) - 1, round(0.95 * (len(wall) - 1)))]
        cpu = statistics.median(c for _, c, _ in runs)
        status = runs[-1][2]
        print(f"{label:32} {status:6} {statistics.median(wall):10.0f} {p95:8.0f} {cpu:8.0f}")


if __name__ == "__main__":
    main()
