"""How long a head coach's "Download team data" takes for a big team, and how much memory
it holds, next to what building the whole file at once held.

    HINGECOACH_HOME=/tmp/bench python benchmarks/web/seed.py      # once: the benchmark team
    HINGECOACH_HOME=/tmp/bench python benchmarks/web/team_data.py [--repeat 3]

The download goes through the real view (Django's test client, the team's head coach
signed in) and its streamed answer is read to the end, as a browser would. Time is wall
clock per download (best and median of ``--repeat``); memory is the peak of Python's
allocations (tracemalloc) during one more download, on its own, as tracing slows it.
For comparison, the same records built at once as the CLI export did before it streamed
(``dumpdata`` into a string, parsed, written again): its peak, traced the same way.
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from seed import TEAM, USERNAME

MB = 1024 * 1024


def _download() -> tuple[int, int]:
    """One download through the view: (bytes, records)."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(username=USERNAME))
    response = client.post("/team/data.json")
    assert response.status_code == 200, response.status_code
    size = lines = 0
    for piece in response.streaming_content:
        size += len(piece)
        lines += piece.count(b'"model": ')
    return size, lines


def _all_at_once() -> int:
    """The whole database as the export built it before: every record in memory twice."""
    from django.core.management import call_command

    from hingecoach.web.transfer import FORMAT, MODELS, VERSION

    buffer = io.StringIO()
    call_command("dumpdata", *MODELS, format="export-json", natural_foreign=True, stdout=buffer)
    data = {"format": FORMAT, "version": VERSION, "records": json.loads(buffer.getvalue())}
    return len(json.dumps(data, indent=1, sort_keys=True))


def _peak(run: Callable[[], object]) -> float:
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1] / MB
    finally:
        tracemalloc.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from hingecoach.web.setup import prepare

    prepare(verbosity=0)
    from django.conf import settings

    from hingecoach.web.athletes.models import Athlete
    from hingecoach.web.teams.models import Team

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]  # the test client's
    team = Team.objects.get(name=TEAM)
    print(f"team: {Athlete.objects.filter(team=team).count()} athletes")
    seconds = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        size, records = _download()
        seconds.append(time.perf_counter() - start)
    print(f"download: {records} records, {size / MB:.1f} MB")
    print(f"  seconds: best {min(seconds):.2f}, median {statistics.median(seconds):.2f}")
    print(f"  rate: {records / min(seconds):,.0f} records/s")
    print(f"  peak Python memory while streaming: {_peak(_download):.1f} MB")
    print(f"built at once (the export before it streamed): {_peak(_all_at_once):.1f} MB peak")


if __name__ == "__main__":
    main()
