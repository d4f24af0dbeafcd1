"""Load-test the web app on SQLite and PostgreSQL and print one table.

    .venv/bin/python benchmarks/web/run.py [--databases sqlite,postgres] [--users 20]
        [--duration 60] [--warmup 20] [--servers 2x4] [--scenarios all@0,all@1-3]
        [--athletes 1000] [--sessions 50] [--out DIR]

For each database: a fresh data folder in a temp dir (and, for PostgreSQL, a fresh
database ``hingecoach_bench`` owned by the role ``hingecoach`` on the server that
``scripts/postgres-test-db`` starts), ``seed.py``, then for each server setting
``WxT`` (gunicorn workers x threads per worker) the app is served with gunicorn on a
free port, and for each scenario one headless locust run with ``--users`` simulated
coaches: one signs in (the others share its session) and they load pages for
``--warmup`` seconds, the statistics are reset (once every coach has started), then
``--duration`` seconds are measured. The PostgreSQL database and its data folder are
left in place afterwards (``profile_pages.py`` can use them); SQLite's folder is removed.
After seeding, ``warm.py`` views every athlete's page once so the page cache holds them,
as for athletes seen since their last record (``--cold`` skips it).

A scenario is ``TAGS@WAIT``: TAGS is ``all`` or locust tags joined with ``+``
(``list``, ``page``, ``recommend``); WAIT is each coach's think time between requests,
``0`` for a closed loop (the next request as soon as the last one answered) or
``MIN-MAX`` seconds.

``WxT`` is started with ``hingecoach serve --workers W --threads T`` (with the command's
other defaults, such as its keep-alive setting). ``WxT+what-if``
serves through ``whatif.py`` instead: the same app with the athlete page's charts and all
but the first 50 rows of the list left out, to measure what those fixes would gain.

Prints the machine, then endpoint, requests, req/s, median ms, p95 ms, failures per
database, server setting and scenario, and where the CPU went during each locust run
(server CPU ms per request, gunicorn's processes plus PostgreSQL's backends; cores used
by the server, locust and other jobs: on a shared machine the latencies mean little
without it); writes locust's CSVs, the server logs and ``results.json`` /
``results.md`` to ``--out`` (default: a new temp dir).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import platform
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
BENCH_DB = "hingecoach_bench"
ENDPOINTS = ["GET /athletes/", "GET /athletes/<id>/", "POST /api/recommend"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--databases", default="sqlite,postgres")
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--duration", type=int, default=60, help="measured seconds")
    parser.add_argument(
        "--warmup", type=int, default=20, help="seconds before measuring (the sign-in happens here)"
    )
    parser.add_argument(
        "--servers", default="2x4", help="gunicorn WORKERSxTHREADS[+what-if], comma list"
    )
    parser.add_argument("--scenarios", default="all@0,all@1-3")
    parser.add_argument("--athletes", type=int, default=1000)
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument(
        "--cold", action="store_true", help="skip warm.py: start with no athlete page kept"
    )
    args = parser.parse_args()

    out = args.out or Path(tempfile.mkdtemp(prefix="hingecoach-webbench-"))
    out.mkdir(parents=True, exist_ok=True)
    machine = describe_machine()
    print_machine(machine)
    results = []
    for database in args.databases.split(","):
        home = Path(tempfile.mkdtemp(prefix=f"hingecoach-bench-{database}-"))
        env = {**os.environ, "HINGECOACH_HOME": str(home)}
        env.pop("DATABASE_URL", None)
        if database == "postgres":
            env["DATABASE_URL"] = fresh_postgres_database()
            machine["postgres"] = server_version(env["DATABASE_URL"])
        elif database != "sqlite":
            sys.exit(f"unknown database {database!r}: sqlite or postgres")
        print(
            f"\n== {database}: seeding {args.athletes} athletes x {args.sessions} sessions "
            f"(data folder {home})",
            flush=True,
        )
        started = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                str(HERE / "seed.py"),
                "--athletes",
                str(args.athletes),
                "--sessions",
                str(args.sessions),
            ],
            env=env,
            check=True,
        )
        seed_seconds = time.perf_counter() - started
        if not args.cold:
            subprocess.run([sys.executable, str(HERE / "warm.py")], env=env, check=True)
        info = home / "bench.json"
        for server in args.servers.split(","):
            setting, _, what_if = server.partition("+")
            workers, threads = (int(x) for x in setting.lower().split("x"))
            name = server.replace("+", "-")
            server_ = Serving(
                env,
                workers,
                threads,
                out / f"{database}-{name}-server.log",
                what_if=what_if == "what-if",
            )
            with server_ as url:
                for scenario in args.scenarios.split(","):
                    label = f"{database}-{name}-{scenario.replace('@', '-wait')}"
                    load = os.getloadavg()[0]
                    rows, cpu = run_locust(
                        url, info, scenario, args, out / label, server_.process.pid
                    )
                    results.append(
                        {
                            "database": database,
                            "server": server,
                            "scenario": scenario,
                            "rows": rows,
                            **cpu,
                            "load_before": round(load, 2),
                            "load_after": round(os.getloadavg()[0], 2),
                            "seed_seconds": round(seed_seconds, 1),
                        }
                    )
                    print_rows(results[-1])
        if database == "sqlite":
            shutil.rmtree(home, ignore_errors=True)
    (out / "results.json").write_text(
        json.dumps({"machine": machine, "results": results}, indent=1)
    )
    table = markdown(machine, results, args)
    (out / "results.md").write_text(table)
    print("\n" + table)
    print(f"locust CSVs, server logs and results: {out}")


# --- machine ----------------------------------------------------------------------------


def _run(command: list[str]) -> str:
    try:
        return subprocess.run(command, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return ""


def describe_machine() -> dict:
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in _run(["lscpu"]).splitlines()
            if line.startswith("Model name")
        ),
        platform.processor(),
    )
    memory = next(
        (line.split()[1] for line in _run(["free", "-g"]).splitlines() if line.startswith("Mem:")),
        "?",
    )
    versions = _run(
        [
            sys.executable,
            "-c",
            "import django, gunicorn, locust, matplotlib; print(django.get_version(),"
            " gunicorn.__version__, locust.__version__, matplotlib.__version__)",
        ]
    )
    django_v, gunicorn_v, locust_v, mpl_v = (versions.split() + ["?"] * 4)[:4]
    commit = _run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"]).strip()
    dirty = bool(_run(["git", "-C", str(ROOT), "status", "--porcelain", "src"]).strip())
    return {
        "date": dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "nproc": _run(["nproc"]).strip(),
        "cpu": model,
        "memory_gib": memory,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "django": django_v,
        "gunicorn": gunicorn_v,
        "locust": locust_v,
        "matplotlib": mpl_v,
        "sqlite": sqlite3.sqlite_version,
        "commit": commit + (" (with uncommitted changes in src/)" if dirty else ""),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }


def print_machine(machine: dict) -> None:
    print("machine:", ", ".join(f"{k} {v}" for k, v in machine.items()))


def server_version(url: str) -> str:
    import psycopg

    with psycopg.connect(url) as connection:
        return connection.execute("SHOW server_version").fetchone()[0]


# --- PostgreSQL ----------------------------------------------------------------------------


def fresh_postgres_database() -> str:
    """A new, empty ``hingecoach_bench`` database on this machine's server; its URL."""
    import psycopg

    found = subprocess.run(
        [str(ROOT / "scripts" / "postgres-test-db")], capture_output=True, text=True
    )
    if found.returncode != 0 or not found.stdout.strip():
        sys.exit("no PostgreSQL server (scripts/postgres-test-db failed): " + found.stderr.strip())
    admin_url = found.stdout.strip().splitlines()[-1]
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {BENCH_DB} OWNER hingecoach")
    parts = urlsplit(admin_url)
    return urlunsplit(parts._replace(path=f"/{BENCH_DB}"))


# --- server ---------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(process: subprocess.Popen, url: str, log: Path) -> str:
    """``url`` once the server answers its sign-in page (within 60 s)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited; see {log}")
        try:
            with urllib.request.urlopen(url + "/login/", timeout=2) as response:
                if response.status == 200:
                    return url
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"server did not answer in 60 s; see {log}")


class Serving:
    """gunicorn serving the app on a free port for the ``with`` block; yields its URL."""

    def __init__(
        self, env: dict, workers: int, threads: int, log: Path, what_if: bool = False
    ) -> None:
        self.env, self.workers, self.threads, self.log = env, workers, threads, log
        self.what_if = what_if
        self.port = free_port()

    def __enter__(self) -> str:
        if self.what_if:
            command = [
                sys.executable,
                str(HERE / "whatif.py"),
                "--port",
                str(self.port),
                "--workers",
                str(self.workers),
                "--threads",
                str(self.threads),
            ]
        else:
            command = [
                str(BIN / "hingecoach"),
                "serve",
                "--port",
                str(self.port),
                "--workers",
                str(self.workers),
                "--threads",
                str(self.threads),
            ]
        print(f"-- serving: {' '.join(command)}", flush=True)
        self.handle = self.log.open("w")
        self.process = subprocess.Popen(
            command,
            env=self.env,
            stdout=self.handle,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            return wait_for(self.process, f"http://127.0.0.1:{self.port}", self.log)
        except RuntimeError:
            self.__exit__()
            raise

    def __exit__(self, *_exc: object) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)  # gunicorn's master and its workers
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.handle.close()


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process and all its children so far."""
    import psutil

    try:
        top = psutil.Process(pid)
        processes = [top, *top.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0.0
    total = 0.0
    for process in processes:
        try:
            times = process.cpu_times()
            total += times.user + times.system
        except psutil.NoSuchProcess:
            continue
    return total


def database_cpu() -> dict[int, float]:
    """CPU seconds so far of each PostgreSQL backend serving ``hingecoach_bench``."""
    import psutil

    found = {}
    for process in psutil.process_iter(["name", "cmdline"]):
        try:
            title = " ".join(process.info["cmdline"] or [])
            if process.info["name"] == "postgres" and f" {BENCH_DB} " in title:
                times = process.cpu_times()
                found[process.pid] = times.user + times.system
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    return found


def snapshot(server_pid: int, locust_pid: int) -> dict:
    import psutil

    times = psutil.cpu_times()
    return {
        "wall": time.monotonic(),
        "server": cpu_seconds(server_pid),
        "locust": cpu_seconds(locust_pid),
        "database": database_cpu(),
        "busy": sum(times) - times.idle - getattr(times, "iowait", 0.0),
    }


def cpu_summary(start: dict, end: dict, requests: int) -> dict:
    """Where the CPU went while locust measured. The app's CPU is gunicorn's processes
    plus, on PostgreSQL, the server's backends for the benchmark database (SQLite runs
    inside gunicorn's processes)."""
    wall = max(end["wall"] - start["wall"], 1e-9)
    app = end["server"] - start["server"]
    database = sum(cpu - start["database"].get(pid, 0.0) for pid, cpu in end["database"].items())
    locust = end["locust"] - start["locust"]
    busy = end["busy"] - start["busy"]
    return {
        "server_cpu_ms_per_request": round(1000 * (app + database) / max(requests, 1), 1),
        "database_cpu_ms_per_request": round(1000 * database / max(requests, 1), 1),
        "server_cores": round((app + database) / wall, 2),
        "locust_cores": round(locust / wall, 2),
        "other_cores": round(max(busy - app - database - locust, 0) / wall, 2),
        "measured_seconds": round(wall, 1),
    }


def run_locust(
    url: str, info: Path, scenario: str, args: argparse.Namespace, prefix: Path, server_pid: int
) -> tuple[list[dict], dict]:
    """One locust run; its rows per endpoint and where the CPU went while it measured."""
    tags, _, wait = scenario.partition("@")
    env = {
        **os.environ,
        "BENCH_INFO": str(info),
        "BENCH_WAIT": wait or "0",
        "BENCH_WARMUP": str(args.warmup),
    }
    command = [
        str(BIN / "locust"),
        "-f",
        str(HERE / "locustfile.py"),
        "--headless",
        "--host",
        url,
        "-u",
        str(args.users),
        "-r",
        str(args.users),
        "-t",
        f"{args.warmup + args.duration}s",
        "--csv",
        str(prefix),
        "--only-summary",
        "--loglevel",
        "WARNING",
        "--stop-timeout",
        "120",
    ]
    if tags and tags != "all":
        command += ["--tags", *tags.split("+")]
    print(
        f"-- {scenario}: {args.warmup} s warm-up (sign-ins included), then about "
        f"{args.duration} s measured",
        flush=True,
    )
    log = (prefix.parent / f"{prefix.name}-locust.log").open("w")
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.PIPE, text=True)
    start = snapshot(server_pid, process.pid) if not args.warmup else None
    for line in process.stderr:  # the locustfile says when the warm-up is over
        log.write(line)
        if start is None and "warm-up over" in line:
            start = snapshot(server_pid, process.pid)
    end = snapshot(server_pid, process.pid)  # locust ends once every request has answered
    process.wait()
    log.close()
    if start is None:
        print("   !! the warm-up never ended (sign-ins too slow?): statistics include it")
        start = end
    rows = read_stats(Path(f"{prefix}_stats.csv"))
    return rows, cpu_summary(start, end, sum(r["requests"] for r in rows))


def read_stats(path: Path) -> list[dict]:
    if not path.exists():
        raise RuntimeError(f"locust wrote no {path}; see its log beside it")
    rows = []
    with path.open() as handle:
        for row in csv.DictReader(handle):
            if row["Name"] not in ENDPOINTS:
                continue
            rows.append(
                {
                    "endpoint": row["Name"],
                    "requests": int(row["Request Count"]),
                    "rps": float(row["Requests/s"]),
                    "median_ms": float(row["Median Response Time"]),
                    "p95_ms": float(row["95%"]),
                    "max_ms": float(row["Max Response Time"]),
                    "failures": int(row["Failure Count"]),
                }
            )
    return sorted(rows, key=lambda r: ENDPOINTS.index(r["endpoint"]))


# --- output -----------------------------------------------------------------------------------


def print_rows(result: dict) -> None:
    print(
        f"   {'endpoint':22} {'requests':>8} {'req/s':>6} {'median ms':>9} {'p95 ms':>7} "
        f"{'failures':>8}"
    )
    for row in result["rows"]:
        print(
            f"   {row['endpoint']:22} {row['requests']:8} {row['rps']:6.1f} "
            f"{row['median_ms']:9.0f} {row['p95_ms']:7.0f} {row['failures']:8}",
            flush=True,
        )
    print(
        f"   server CPU {result['server_cpu_ms_per_request']} ms per request (PostgreSQL "
        f"backends {result['database_cpu_ms_per_request']} ms of it); cores used: "
        f"server {result['server_cores']}, locust {result['locust_cores']}, other jobs "
        f"{result['other_cores']} (of {os.cpu_count()}) over "
        f"{result['measured_seconds']} s; load average "
        f"{result['load_before']} -> {result['load_after']}",
        flush=True,
    )


def markdown(machine: dict, results: list[dict], args: argparse.Namespace) -> str:
    lines = [
        f"Run {machine['date']}: {machine['nproc']} cores ({machine['cpu']}), "
        f"{machine['memory_gib']} GiB, {machine['os']}, Python {machine['python']}, "
        f"Django {machine['django']}, gunicorn {machine['gunicorn']}, locust "
        f"{machine['locust']}, SQLite {machine['sqlite']}"
        + (f", PostgreSQL {machine['postgres']}" if "postgres" in machine else "")
        + f"; commit {machine['commit']}. {args.athletes} athletes x {args.sessions} "
        f"sessions, {args.users} users, {args.warmup} s warm-up, {args.duration} s measured.",
        "",
        "| database | gunicorn WxT | scenario | endpoint | requests | req/s | median ms "
        "| p95 ms | failures |",
        "|---|---|---|---|---:|---:|---:|---:|---:|",
    ]
    for result in results:
        for row in result["rows"]:
            lines.append(
                f"| {result['database']} | {result['server']} | {result['scenario']} "
                f"| `{row['endpoint']}` | {row['requests']} | {row['rps']:.1f} "
                f"| {row['median_ms']:.0f} | {row['p95_ms']:.0f} | {row['failures']} |"
            )
    lines += [
        "",
        "| database | gunicorn WxT | scenario | server CPU ms / request "
        "| of it PostgreSQL | cores: server | locust | other jobs | load average |",
        "|---|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for result in results:
        lines.append(
            f"| {result['database']} | {result['server']} | {result['scenario']} "
            f"| {result['server_cpu_ms_per_request']} "
            f"| {result['database_cpu_ms_per_request']} | {result['server_cores']} "
            f"| {result['locust_cores']} | {result['other_cores']} "
            f"| {result['load_before']} → {result['load_after']} |"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
