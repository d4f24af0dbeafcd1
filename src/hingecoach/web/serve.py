"""Serve the app with gunicorn (never Django's development server)."""

from __future__ import annotations

import os
from typing import Any

from gunicorn.app.base import BaseApplication


class _Gunicorn(BaseApplication):
    def __init__(self, app: Any, options: dict[str, Any]) -> None:
        self.application = app
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        return self.application


def serve(*, host: str = "127.0.0.1", port: int = 8000, workers: int = 2,
          threads: int = 4) -> None:
    """Apply migrations if needed, then serve until interrupted."""
    from hingecoach.web.setup import prepare

    prepare()
    from hingecoach.web.wsgi import application

    # No access log by default: request paths carry athletes' private check-in tokens.
    options = {"bind": f"{host}:{port}", "workers": workers, "threads": threads,
               "accesslog": os.environ.get("HINGECOACH_ACCESS_LOG") or None,
               "timeout": 60, "graceful_timeout": 5}
    _Gunicorn(application, options).run()
