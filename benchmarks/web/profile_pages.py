"""Where a request's time goes, one request at a time, in-process (no server, no load).

    HINGECOACH_HOME=... [DATABASE_URL=...] python benchmarks/web/profile_pages.py \
        [--runs 20] [--cprofile list|today|page|page-seen|recommend]

Uses the database that ``seed.py`` filled. For the athlete list, the Today page (the
whole team), an athlete's page and ``POST /api/recommend`` it prints the SQL queries per
request, their time, the response size, and the median wall and CPU time (CPU time is
what a request costs the server, and barely moves when other jobs share the machine).
The athlete's page is measured twice: ``first view`` on athletes whose kept parts were
just deleted (as after a write to their records: the recommendation, the plan and the
parts drawn from the records are worked out and rendered), and ``seen before`` on 20
athletes viewed once already (read from the page cache, as every later view until the
next write). It then times the page's parts alone on the same athletes: reading the
records into a case, ``recommend`` + ``plan``, the ladder, rendering the kept parts,
and reading them back from the cache. ``--cprofile`` adds the top functions.
"""

from __future__ import annotations

import argparse
import cProfile
import itertools
import json
import pstats
import random
import statistics
import time
from pathlib import Path
from typing import Any


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--cprofile", choices=["list", "today", "page", "page-seen", "recommend"])
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
    seen = ids[:20]
    for pk in seen:
        client.get(f"/athletes/{pk}/")
    turn = itertools.count()
    requests = {
        "list": ("GET /athletes/", lambda: client.get("/athletes/")),
        "today": ("GET /today/", lambda: client.get("/today/?who=team")),
        "page": ("GET /athletes/<id>/ first view", lambda: _first_view(client, rng, ids)),
        "page-seen": (
            "GET /athletes/<id>/ seen before",
            lambda: client.get(f"/athletes/{seen[next(turn) % len(seen)]}/"),
        ),
        "recommend": ("POST /api/recommend", _recommend(client, rng, info["token"])),
    }
    print(
        f"database: {connection.vendor}, {len(ids)} athletes, "
        f"{info['sessions_per_athlete']} sessions each; {args.runs} requests per row\n"
    )
    print(
        f"{'request':34} {'queries':>7} {'SQL ms':>7} {'KiB':>6} {'wall ms':>8} "
        f"{'CPU ms':>7} {'p95 wall':>8}"
    )
    for _key, (label, send) in requests.items():
        stats = measure(send, args.runs, connection)
        print(
            f"{label:34} {stats['queries']:7} {stats['sql_ms']:7.1f} "
            f"{stats['bytes'] / 1024:6.0f} {stats['wall_ms']:8.1f} {stats['cpu_ms']:7.1f} "
            f"{stats['p95_wall_ms']:8.1f}"
        )
    print()
    split_athlete_page(ids, rng, args.runs)
    if args.cprofile:
        profiler = cProfile.Profile()
        send = requests[args.cprofile][1]
        profiler.enable()
        for _ in range(args.runs):
            send()
        profiler.disable()
        print(f"\ncProfile, {args.runs} x {requests[args.cprofile][0]}, by own time:")
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


def _first_view(client: Any, rng: random.Random, ids: list[int]) -> Any:
    """An athlete's page with nothing kept for them, as on the first view after a write."""
    from hingecoach.web.athletes.services import CACHED_KINDS
    from hingecoach.web.common import pagecache

    pk = rng.choice(ids)
    pagecache.forget(*(f"athlete:{pk}:{kind}" for kind in CACHED_KINDS))
    return client.get(f"/athletes/{pk}/")


def _recommend(client: Any, rng: random.Random, token: str) -> Any:
    cases = [
        p.read_text()
        for p in sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.json"))
    ]
    return lambda: client.post(
        "/api/recommend",
        rng.choice(cases),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )


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
    from django.test import RequestFactory

    from hingecoach.core import plan, recommend
    from hingecoach.web.athletes import parts as page_parts
    from hingecoach.web.athletes import selectors
    from hingecoach.web.athletes.case import athlete_case
    from hingecoach.web.athletes.models import Athlete
    from hingecoach.web.catalog import web_catalog
    from hingecoach.web.common import pagecache

    timings: dict[str, list[float]] = {}

    def timed(name: str, work: Any) -> Any:
        start = time.process_time()
        result = work()
        timings.setdefault(name, []).append((time.process_time() - start) * 1000)
        return result

    for pk in [rng.choice(ids) for _ in range(runs + 1)]:
        athlete = Athlete.objects.select_related("team").get(pk=pk)
        case = timed("read the records into a case (5 queries)", lambda a=athlete: athlete_case(a))
        rec = timed("recommend", lambda c=case: recommend(c, web_catalog()))
        today = timed("plan", lambda c=case: plan(c, web_catalog()))
        request = RequestFactory().get(f"/athletes/{pk}/")
        timed(
            "render the kept parts (12 queries)",
            lambda a=athlete, r=rec, t=today, q=request: page_parts._render(a, r, t, q),
        )
        name = f"athlete:{pk}:advice"
        stamp = selectors.athlete_stamp(athlete=athlete)
        pagecache.slot(name, stamp, lambda r=rec, t=today: (r, t))
        timed(
            "read recommendation + plan from the cache",
            lambda n=name, s=stamp: pagecache.slot(n, s, lambda: None),
        )
    print("athlete page, parts timed alone (CPU ms, median; first athlete dropped):")
    for name, values in timings.items():
        print(f"  {name:45} {statistics.median(values[1:]):7.2f}")


if __name__ == "__main__":
    main()
