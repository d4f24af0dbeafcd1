"""Serve the app with two suggested fixes simulated, to measure their gain under load.

    python benchmarks/web/whatif.py --port 8000 --workers 2 --threads 4

Nothing on disk changes: before gunicorn forks its workers, this process patches

- ``charts.test_timeline``, ``charts.pain_chart`` and ``charts.loads_chart`` to draw
  nothing: what the athlete page costs once its charts come from a cache, are loaded
  lazily in their own request, or are drawn without matplotlib (a few ms);
- ``selectors.athlete_list`` to return the first 50 athletes: what one page of a
  paginated list costs.

Used by ``run.py --what-if``. The pages still render (charts show "No test yet." and
the list says "50 athletes"), so locust's checks pass.
"""

from __future__ import annotations

import argparse
from typing import Any

PAGE = 50


def patch() -> None:
    from hingecoach.web.setup import setup_django

    setup_django()
    from hingecoach.web.athletes import charts, selectors

    def nothing(*_args: Any, **_kwargs: Any) -> None:
        return None

    charts.test_timeline = charts.pain_chart = charts.loads_chart = nothing
    full_list = selectors.athlete_list
    selectors.athlete_list = lambda **kwargs: full_list(**kwargs)[:PAGE]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()
    patch()
    from hingecoach.web.serve import serve

    serve(port=args.port, workers=args.workers, threads=args.threads)


if __name__ == "__main__":
    main()
