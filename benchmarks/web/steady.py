"""Is the server's throughput steady under keep-alive load? One command, one table.

    .venv/bin/python benchmarks/web/steady.py [--runs 5] [--users 20] [--warmup 10]
        [--duration 30] [--tags all] [--wait 0] [--home DIR] [-- SERVE OPTIONS...]

Serves the app with ``hingecoach serve`` (its defaults, or the options after ``--``,
e.g. ``-- --workers 2 --threads 4 --keepalive 10``, the settings before the change), then
runs locust ``--runs`` times against the same server: ``--users`` coaches in a closed
loop (each sends its next request as soon as the last one answered; ``--wait 1-3`` for
coaches who pause), every coach on one kept-alive connection of its own (reopened when
the server closes it). Each run is a fresh locust process, so its connections
are opened anew and land where the server puts them: a server that pins connections to
the worker that accepted them shows it as a run with half the throughput.

``--home`` reuses a data folder that ``seed.py`` filled (its ``bench.json``); without it
a temporary folder is seeded with 1,000 athletes x 50 sessions (about a minute) and
removed afterwards. Before serving, ``warm.py`` views every athlete's page once, so the
runs measure pages kept in the page cache, as for any athlete seen since their last
record (``--cold`` skips it; the first view's cost is in ``profile_pages.py``).

Prints, per run: requests per second (all endpoints), median and 95th percentile of the
athlete page, the athlete list and the recommend API, each gunicorn worker's share of the
server CPU (an even split is 50/50 with two workers), the server's CPU per request while
locust measured (gunicorn's processes; the figure other jobs on the machine barely
move), the load average before the run
(the machine is shared: read the latencies beside it); then the worst run's throughput
as a share of the best's (the aim: 80 % or more) and the runs whose athlete page p95 was
under 100 ms (the aim: every run).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import BIN, describe_machine, print_machine, run_locust, wait_for  # noqa: E402

PAGE_P95_AIM_MS = 100
SHORT = {"GET /athletes/": "list", "GET /athletes/<id>/": "page", "POST /api/recommend": "api"}


def main() -> None:
    argv = sys.argv[1:]
    serve_options = argv[argv.index("--") + 1 :] if "--" in argv else []
    args = _parser().parse_args(argv[: argv.index("--")] if "--" in argv else argv)
    machine = describe_machine()
    print_machine(machine)
    home, seeded = _data_folder(args)
    env = {**os.environ, "HINGECOACH_HOME": str(home)}
    env.pop("DATABASE_URL", None)
    if not args.cold:
        subprocess.run([sys.executable, str(HERE / "warm.py")], env=env, check=True)
    out = Path(tempfile.mkdtemp(prefix="hingecoach-steady-"))
    try:
        rows = _runs(args, env, serve_options, home, out)
    finally:
        if seeded:
            shutil.rmtree(home, ignore_errors=True)
    print()
    print(table(rows, serve_options, args))
    print(f"locust CSVs and the server log: {out}")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--users", type=int, default=20, help="concurrent connections")
    parser.add_argument("--warmup", type=int, default=10, help="seconds before measuring")
    parser.add_argument("--duration", type=int, default=30, help="measured seconds a run")
    parser.add_argument("--tags", default="all", help="locust tags: all, or page, list+page")
    parser.add_argument(
        "--wait", default="0", help="each coach's think time: 0 (closed loop) or MIN-MAX seconds"
    )
    parser.add_argument("--home", type=Path, help="a data folder seed.py filled")
    parser.add_argument(
        "--cold", action="store_true", help="skip warm.py: start with no athlete page kept"
    )
    return parser


def _data_folder(args: argparse.Namespace) -> tuple[Path, bool]:
    if args.home:
        if not (args.home / "bench.json").is_file():
            sys.exit(f"--home {args.home}: no bench.json (run benchmarks/web/seed.py)")
        return args.home, False
    home = Path(tempfile.mkdtemp(prefix="hingecoach-steady-data-"))
    print(f"seeding 1,000 athletes x 50 sessions in {home}", flush=True)
    subprocess.run(
        [sys.executable, str(HERE / "seed.py")],
        check=True,
        env={**os.environ, "HINGECOACH_HOME": str(home)},
    )
    return home, True


def _runs(
    args: argparse.Namespace, env: dict, serve_options: list[str], home: Path, out: Path
) -> list[dict]:
    port = str(_free_port())
    command = [str(BIN / "hingecoach"), "serve", "--port", port, *serve_options]
    print("serving:", " ".join(command), flush=True)
    with (out / "server.log").open("w") as log:
        server = subprocess.Popen(
            command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            url = wait_for(server, f"http://127.0.0.1:{port}", out / "server.log")
            return [_one_run(n, url, server.pid, args, home, out) for n in range(1, args.runs + 1)]
        finally:
            _stop(server)


def _one_run(
    n: int, url: str, server_pid: int, args: argparse.Namespace, home: Path, out: Path
) -> dict:
    load = os.getloadavg()[0]
    before = worker_cpu(server_pid)
    scenario = f"{args.tags}@{args.wait}"
    rows, cpu = run_locust(url, home / "bench.json", scenario, args, out / f"run{n}", server_pid)
    after = worker_cpu(server_pid)
    used = {pid: after[pid] - before.get(pid, 0.0) for pid in after}
    total = sum(used.values()) or 1e-9
    shares = sorted((round(100 * cpu_s / total) for cpu_s in used.values()), reverse=True)
    row = {
        "run": n,
        "load": round(load, 2),
        "rps": sum(r["rps"] for r in rows),
        "shares": shares,
        "failures": sum(r["failures"] for r in rows),
        "other_cores": cpu["other_cores"],
        "cpu_ms": cpu["server_cpu_ms_per_request"],
        "locust_cores": cpu["locust_cores"],
        **{SHORT[r["endpoint"]]: (r["median_ms"], r["p95_ms"]) for r in rows},
    }
    print(_line(row), flush=True)
    return row


def worker_cpu(server_pid: int) -> dict[int, float]:
    """CPU seconds so far of each gunicorn worker (the master's children but the task
    worker, which analyses clips and sits idle here)."""
    import psutil

    found = {}
    for child in psutil.Process(server_pid).children():
        try:
            if "db_worker" in " ".join(child.cmdline()):
                continue
            times = child.cpu_times()
            found[child.pid] = times.user + times.system
        except psutil.NoSuchProcess:
            continue
    return found


def _free_port() -> int:
    from run import free_port

    return free_port()


def _stop(server: subprocess.Popen) -> None:
    import signal

    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def _cell(row: dict, key: str) -> str:
    median, p95 = row.get(key, (float("nan"), float("nan")))
    return f"{median:.0f} / {p95:.0f}"


def _line(row: dict) -> str:
    return (
        f"| {row['run']} | {row['rps']:.1f} | {_cell(row, 'page')} | {_cell(row, 'list')} "
        f"| {_cell(row, 'api')} | {' / '.join(map(str, row['shares']))} "
        f"| {row['cpu_ms']} | {row['failures']} | {row['load']} | {row['locust_cores']} "
        f"| {row['other_cores']} |"
    )


def table(rows: list[dict], serve_options: list[str], args: argparse.Namespace) -> str:
    served = " ".join(["hingecoach serve", *serve_options])
    rates = [row["rps"] for row in rows]
    loop = "closed loop" if args.wait == "0" else f"{args.wait} s think time"
    lines = [
        f"`{served}`; {args.users} keep-alive connections, {loop}, "
        f"{args.warmup} s warm-up + {args.duration} s measured a run, "
        f"{time.strftime('%Y-%m-%d %H:%M')}",
        "",
        "| run | req/s | page median / p95 ms | list median / p95 ms "
        "| API median / p95 ms | workers' CPU % | server CPU ms / request | failures "
        "| load avg before | locust cores | other jobs' cores |",
        "|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|",
        *(_line(row) for row in rows),
        "",
    ]
    if rates:
        lines.append(
            f"worst run's req/s / best run's: {100 * min(rates) / max(rates):.0f} % "
            f"({min(rates):.1f} / {max(rates):.1f}; aim 80 % or more)"
        )
        page_p95 = [row["page"][1] for row in rows if "page" in row]
        under = sum(p95 < PAGE_P95_AIM_MS for p95 in page_p95)
        lines.append(
            f"athlete page p95 under {PAGE_P95_AIM_MS} ms in {under} of {len(page_p95)} runs "
            f"(worst {max(page_p95, default=float('nan')):.0f} ms)"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
