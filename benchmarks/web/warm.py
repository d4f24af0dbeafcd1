"""View every benchmark athlete's page once, in-process, so the page cache holds their
kept parts, as it does for any athlete seen since their last record.

    HINGECOACH_HOME=... [DATABASE_URL=...] python benchmarks/web/warm.py

``seed.py`` already leaves each athlete's recommendation and plan in the cache (every
record's write keeps them); the first view renders and keeps the page's parts. Without
this, the first minute of a load test measures mostly first views, and the first run of
``steady.py`` is slower than the rest for that reason alone. ``steady.py`` and ``run.py``
call it after seeding unless given ``--cold``. Prints how long it took.
"""

from __future__ import annotations

import json
import time
from pathlib import Path


def main() -> None:
    from hingecoach.web.setup import prepare

    prepare()
    from django.conf import settings

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    from django.contrib.auth import get_user_model
    from django.test import Client

    info = json.loads((Path(settings.HOME) / "bench.json").read_text())
    client = Client()
    client.force_login(get_user_model().objects.get(username=info["username"]))
    started = time.perf_counter()
    for pk in info["athlete_ids"]:
        response = client.get(f"/athletes/{pk}/")
        if response.status_code != 200:
            raise SystemExit(f"GET /athletes/{pk}/: HTTP {response.status_code}")
    took = time.perf_counter() - started
    print(f"viewed {len(info['athlete_ids'])} athletes' pages once in {took:.0f} s", flush=True)


if __name__ == "__main__":
    main()
