"""Serve the app with gunicorn (never Django's development server), with the background
worker that analyses clips (django-tasks-db's ``db_worker``) as a child process that
starts and stops with it."""

from __future__ import annotations

import os
import subprocess
import sys
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
        # gunicorn 25+ opens a control socket at one fixed path in the home folder, shared
        # by every server the user runs; the app never uses it.
        if "control_socket_disable" in self.cfg.settings:
            self.cfg.set("control_socket_disable", True)

    def load(self) -> Any:
        return self.application


WORKERS = 2
THREADS = 4
# 0: each response closes its connection, so the next request is accepted by whichever
# worker is free. Kept-alive connections stay with the worker that accepted them, and
# under steady load one worker could end up with every connection while the other idled
# (benchmarks/README.md, "Serving evenly").
KEEPALIVE_S = 0


def serve(
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    workers: int = WORKERS,
    threads: int = THREADS,
    keepalive: int = KEEPALIVE_S,
) -> None:
    """Apply migrations if needed, then serve until interrupted."""
    from hingecoach.web.setup import prepare

    prepare()
    from hingecoach.web.wsgi import application

    # No access log by default: request paths carry athletes' private check-in tokens.
    options = {
        "bind": f"{host}:{port}",
        "workers": workers,
        "threads": threads,
        "accesslog": os.environ.get("HINGECOACH_ACCESS_LOG") or None,
        "timeout": 60,
        "graceful_timeout": 5,
        "keepalive": keepalive,
        "worker_class": f"hingecoach.web.gunicorn_worker.JsonRefusals{_kind(threads)}Worker",
    }
    if not keepalive:
        # A worker takes no more connections than it has threads: the rest wait in the
        # listening socket for whichever worker is free first (benchmarks/README.md).
        options["worker_connections"] = threads
    worker, parent = start_task_worker(), os.getpid()
    try:
        _Gunicorn(application, options).run()
    finally:
        if os.getpid() == parent:  # not in a gunicorn worker leaving through here
            stop_task_worker(worker)


def _kind(threads: int) -> str:
    """gunicorn's own choice: its threaded worker when there is more than one thread."""
    return "Thread" if threads > 1 else "Sync"


WORKER_STOP_S = 5


def start_task_worker() -> subprocess.Popen[bytes]:
    """The database task worker (``manage.py db_worker``), with this process's settings."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": os.environ.get(
            "DJANGO_SETTINGS_MODULE", "hingecoach.web.settings"
        ),
    }
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "django",
            "db_worker",
            "--no-reload",
            "--interval",
            "1",
            "--no-startup-delay",
        ],
        env=env,
    )


def stop_task_worker(worker: subprocess.Popen[bytes]) -> None:
    """SIGTERM (it finishes the running task), a second one after ``WORKER_STOP_S``
    (it abandons the task, which is marked failed), then SIGKILL."""
    for stop in (worker.terminate, worker.terminate, worker.kill):
        if worker.poll() is not None:
            return
        stop()
        try:
            worker.wait(timeout=WORKER_STOP_S)
        except subprocess.TimeoutExpired:
            continue
