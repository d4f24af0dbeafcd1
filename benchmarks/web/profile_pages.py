"""Where a request's time goes, one request at a time, in-process (no server, no load).

    HINGECOACH_HOME=... [DATABASE_URL=...] python benchmarks/web/profile_pages.py \
        [--runs 20] [--cprofile list|today|page|recommend]

Uses the database that ``seed.py`` filled. For the athlete list, the Today page (the
whole team), an athlete's page and ``POST /api/recommend`` it prints the SQL queries per
request, their time, the response size, and the median wall and CPU time (CPU time is
what a request costs the server, and barely moves when other jobs share the machine).
It then splits the athlete page: the three matplotlib charts, the engine calls
(``recommend`` + ``plan`` + the ladder) and the template, each timed alone on the same
athletes. Last, two what-ifs with the app's code patched in-process (nothing on disk
changes): the athlete page with the three charts left out, and the list cut to its first
50 athletes (as one page of a paginated list would be). ``--cprofile`` adds the top
functions.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import random
import statistics
import time
from pathlib import Path
from typing import Any
from unittest import mock


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--cprofile", choices=["list", "today", "page", "recommend"])
    args = parser.parse_args()

    from hingecoach.web.setup import prepare

    prepare()  # migrations the app gained since seeding, if any
    from django.conf import settings

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    info = json.loads((Path(settings.HOME) / "bench.json").read_text())
    client = Client()
    client.force_login(get_user_model().objects.get(username=info["username"]))
    ids = info["athlete_ids"]
    rng = random.Random(7)
    cases = [
        p.read_text()
        for p in sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.json"))
    ]
    token = "Bearer " + info["token"]
    requests = {
        "list": ("GET /athletes/", lambda: client.get("/athletes/")),
        "today": ("GET /today/", lambda: client.get("/today/?who=team")),
        "page": ("GET /athletes/<id>/", lambda: client.get(f"/athletes/{rng.choice(ids)}/")),
        "recommend": (
            "POST /api/recommend",
            lambda: client.post(
                "/api/recommend",
                rng.choice(cases),
                content_type="application/json",
                HTTP_AUTHORIZATION=token,
            ),
        ),
    }
    print(
        f"database: {connection.vendor}, {len(ids)} athletes, "
        f"{info['sessions_per_athlete']} sessions each; {args.runs} requests per row\n"
    )
    print(
        f"{'request':22} {'queries':>7} {'SQL ms':>7} {'KiB':>6} {'wall ms':>8} "
        f"{'CPU ms':>7} {'p95 wall':>8}"
    )
    for _key, (label, send) in requests.items():
        stats = measure(send, args.runs, connection)
        print(
            f"{label:22} {stats['queries']:7} {stats['sql_ms']:7.1f} "
            f"{stats['bytes'] / 1024:6.0f} {stats['wall_ms']:8.1f} {stats['cpu_ms']:7.1f} "
            f"{stats['p95_wall_ms']:8.1f}"
        )
    print()
    split_athlete_page(ids, rng, args.runs)
    print("\nwhat-ifs (the app patched in this process only):")
    from hingecoach.web.athletes import selectors

    no_chart = mock.patch.multiple(
        "hingecoach.web.athletes.charts", test_timeline=_none, pain_chart=_none, loads_chart=_none
    )
    first_50 = mock.patch.object(selectors, "athlete_list", _first(selectors.athlete_list, 50))
    for label, patch, key in (
        ("GET /athletes/<id>/ without charts", no_chart, "page"),
        ("GET /athletes/ first 50 only", first_50, "list"),
    ):
        with patch:
            stats = measure(requests[key][1], args.runs, connection)
        print(
            f"  {label:36} {stats['queries']:3} queries {stats['bytes'] / 1024:5.0f} KiB "
            f"wall {stats['wall_ms']:6.1f} ms  CPU {stats['cpu_ms']:6.1f} ms"
        )
    if args.cprofile:
        profiler = cProfile.Profile()
        send = requests[args.cprofile][1]
        profiler.enable()
        for _ in range(args.runs):
            send()
        profiler.disable()
        print(f"\ncProfile, {args.runs} x {requests[args.cprofile][0]}, by own time:")
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


def _none(*_args: Any, **_kwargs: Any) -> None:
    return None


def _first(select: Any, count: int) -> Any:
    return lambda **kwargs: select(**kwargs)[:count]


def measure(send: Any, runs: int, connection: Any) -> dict[str, float]:
    from django.test.utils import CaptureQueriesContext

    send()  # warm: imports, template and URL caches
    walls, cpus = [], []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as captured:
            wall, cpu = time.perf_counter(), time.process_time()
            response = send()
            walls.append((time.perf_counter() - wall) * 1000)
            cpus.append((time.process_time() - cpu) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"HTTP {response.status_code}")
    walls.sort()
    return {
        "queries": len(captured.captured_queries),
        "sql_ms": sum(float(q["time"]) for q in captured.captured_queries) * 1000,
        "bytes": len(response.content),
        "wall_ms": statistics.median(walls),
        "cpu_ms": statistics.median(cpus),
        "p95_wall_ms": walls[min(len(walls) - 1, round(0.95 * (len(walls) - 1)))],
    }


def split_athlete_page(ids: list[int], rng: random.Random, runs: int) -> None:
    """The athlete page's parts, each timed alone (CPU ms, median over ``runs`` athletes)."""
    from hingecoach.core import default_catalog
    from hingecoach.web.athletes import charts, selectors
    from hingecoach.web.athletes.case import athlete_case
    from hingecoach.web.athletes.models import Athlete
    from hingecoach.web.common.ladder import ladder_grid

    parts: dict[str, list[float]] = {}

    def timed(name: str, work: Any) -> Any:
        start = time.process_time()
        result = work()
        parts.setdefault(name, []).append((time.process_time() - start) * 1000)
        return result

    for pk in [rng.choice(ids) for _ in range(runs + 1)]:
        athlete = Athlete.objects.select_related("team").get(pk=pk)
        sessions = timed(
            "load 50 sessions + exercises (ORM)",
            lambda a=athlete: list(selectors.athlete_sessions(athlete=a)),
        )
        tests = list(selectors.athlete_tests(athlete=athlete))
        reports = list(selectors.athlete_pain_reports(athlete=athlete))
        timed("athlete_case (5 queries) x1", lambda a=athlete: athlete_case(a))
        rec = timed(
            "recommend + plan (incl. 2 x athlete_case)",
            lambda a=athlete: (
                selectors.athlete_recommendation(athlete=a),
                selectors.athlete_plan(athlete=a),
            ),
        )[0]
        timed(
            "ladder grid",
            lambda a=athlete, r=rec: ladder_grid(
                default_catalog(),
                mastered=selectors.athlete_mastered(athlete=a),
                today=[o.exercise for o in r.options],
                avoid=[x.exercise for x in r.avoid],
            ),
        )
        timed("chart: test timeline (matplotlib)", lambda t=tests: charts.test_timeline(t))
        timed("chart: pain (matplotlib)", lambda s=sessions, r=reports: charts.pain_chart(s, r))
        timed("chart: loads (matplotlib)", lambda s=sessions: charts.loads_chart(s, "kg"))
    print("athlete page, parts timed alone (CPU ms, median; first athlete dropped):")
    for name, values in parts.items():
        print(f"  {name:45} {statistics.median(values[1:]):7.1f}")


if __name__ == "__main__":
    main()
