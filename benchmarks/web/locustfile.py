"""Load test: coaches reading the athlete list, an athlete's page and the recommend API.

    BENCH_INFO=$HINGECOACH_HOME/bench.json locust -f benchmarks/web/locustfile.py \
        --headless -u 20 -r 20 -t 60s --host http://127.0.0.1:8000 --csv out/sqlite

(``benchmarks/web/run.py`` does all of this, for SQLite and PostgreSQL.)

The first coach signs in through the login form and the others share its session cookie
(each sign-in costs about 0.5 s of CPU, PBKDF2 by design: twenty at once would take the
2-core server 10 s or more). Then each coach loops over three requests, equal weight:

- ``GET /athletes/``             the whole team's list (1,000 athletes, no pagination)
- ``GET /athletes/<id>/``        a random athlete's page (advice, plan, ladder, 3 charts)
- ``POST /api/recommend``        a CASE from ``examples/`` with the coach's bearer token

Tags ``list``, ``page`` and ``recommend`` pick some of them (``locust --tags recommend``).

BENCH_INFO   the JSON written by seed.py (credentials, token, athlete ids); required
BENCH_WARMUP seconds to run before the statistics are reset (default 0); the reset also
             waits until every coach has started, so the sign-in never counts. Run locust
             for WARMUP + the measured seconds; "warm-up over" goes to stderr at the reset.
BENCH_WAIT   think time between a coach's requests in seconds: "0" (closed loop, the
             default: each coach sends the next request as soon as the last answered)
             or "MIN-MAX" (uniform, e.g. "1-3")
"""

from __future__ import annotations

import json
import logging
import os
import random
import re
from pathlib import Path

import gevent
import gevent.lock
from locust import between, constant, events, tag, task
from locust.contrib.fasthttp import FastHttpUser

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CASES = [p.read_text() for p in sorted(EXAMPLES.glob("*.json"))]
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _info() -> dict:
    path = os.environ.get("BENCH_INFO")
    if not path:
        raise SystemExit("set BENCH_INFO to the bench.json written by benchmarks/web/seed.py")
    return json.loads(Path(path).read_text())


def _wait():
    text = os.environ.get("BENCH_WAIT", "0").strip()
    if "-" in text:
        low, high = (float(x) for x in text.split("-", 1))
        return between(low, high)
    return constant(float(text))


INFO = _info()
SIGNED_IN = 0
SESSION: list = []  # the signed-in session's cookies, shared by every coach
SIGN_IN = gevent.lock.Semaphore()
IDS = INFO["athlete_ids"]
if not CASES:
    raise SystemExit(f"no CASE files in {EXAMPLES}")


class Coach(FastHttpUser):
    wait_time = _wait()

    def on_start(self) -> None:
        global SIGNED_IN
        with SIGN_IN:
            if SESSION:
                for cookie in SESSION:
                    self.client.cookiejar.set_cookie(cookie)
            else:
                self._sign_in()
                SESSION.extend(self.client.cookiejar)
        SIGNED_IN += 1
        self.auth = {"Authorization": f"Bearer {INFO['token']}", "Content-Type": "application/json"}

    def _sign_in(self) -> None:
        page = self.client.get("/login/", name="(sign in) GET /login/")
        match = CSRF.search(page.text or "")
        if not match:
            raise RuntimeError(f"no CSRF token on the login page (HTTP {page.status_code})")
        with self.client.post(
            "/login/",
            name="(sign in) POST /login/",
            catch_response=True,
            allow_redirects=False,
            data={
                "username": INFO["username"],
                "password": INFO["password"],
                "csrfmiddlewaretoken": match.group(1),
            },
            headers={"Referer": self.host + "/login/"},
        ) as response:
            if response.status_code != 302:
                response.failure(f"sign-in refused (HTTP {response.status_code})")
                raise RuntimeError("sign-in refused")

    @tag("list")
    @task
    def athlete_list(self) -> None:
        with self.client.get("/athletes/", name="GET /athletes/", catch_response=True) as r:
            _expect(r, 200, "athlete-list")

    @tag("page")
    @task
    def athlete_page(self) -> None:
        pk = random.choice(IDS)
        with self.client.get(
            f"/athletes/{pk}/", name="GET /athletes/<id>/", catch_response=True
        ) as r:
            _expect(r, 200, "On the hinge ladder")

    @tag("recommend")
    @task
    def recommend(self) -> None:
        with self.client.post(
            "/api/recommend",
            name="POST /api/recommend",
            data=random.choice(CASES),
            headers=self.auth,
            catch_response=True,
        ) as r:
            _expect(r, 200, '"stage"')


def _expect(response, status: int, text: str) -> None:
    """A failure unless the status and a marker of the right page are there."""
    if response.status_code != status:
        response.failure(f"HTTP {response.status_code}")
    elif text not in (response.text or ""):
        response.failure(f"{text!r} not in the response")
    else:
        response.success()


@events.test_start.add_listener
def _reset_after_warmup(environment, **_kwargs) -> None:
    warmup = float(os.environ.get("BENCH_WARMUP", "0") or 0)
    if warmup <= 0:
        return

    def reset() -> None:
        gevent.sleep(warmup)
        while environment.runner.target_user_count > SIGNED_IN:
            gevent.sleep(0.2)
        environment.runner.stats.reset_all()
        logging.warning("warm-up over: statistics reset, %d coaches started", SIGNED_IN)

    gevent.spawn(reset)
