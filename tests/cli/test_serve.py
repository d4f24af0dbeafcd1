"""``hingecoach serve`` closes each connection after its response by default, so the next
request goes to whichever worker is free (a kept-alive connection would stay with the
worker that accepted it); ``--keepalive N`` keeps connections open. The real command, a
fresh data folder, a real socket."""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

pytestmark = pytest.mark.cli


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def _serving(home: Path, *options: str) -> Iterator[int]:
    port = _free_port()
    env = {**os.environ, "HINGECOACH_HOME": str(home)}
    env.pop("DATABASE_URL", None)
    log = home / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "hingecoach", "serve", "--port", str(port), *options],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        _wait(port, process, log)
        yield port
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def _wait(port: int, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"serve exited ({process.returncode}):\n{log.read_text()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"serve did not answer in 120 s:\n{log.read_text()}")


def _two_requests_on_one_connection(port: int) -> list[tuple[int, str | None, bool]]:
    """Status, Connection header and whether the server closed the socket, for two
    GETs sent on one HTTP/1.1 connection (the second only if it is still open)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    answers = []
    for _ in range(2):
        connection.request("GET", "/login/")
        response = connection.getresponse()
        response.read()
        closed = response.will_close
        answers.append((response.status, response.getheader("Connection"), closed))
        if closed:
            break
    connection.close()
    return answers


def test_by_default_each_response_closes_its_connection(tmp_path):
    with _serving(tmp_path) as port:
        assert _two_requests_on_one_connection(port) == [(200, "close", True)]


def test_keepalive_keeps_the_connection_for_the_next_request(tmp_path):
    with _serving(tmp_path, "--keepalive", "5") as port:
        answers = _two_requests_on_one_connection(port)
    assert [(status, closed) for status, _, closed in answers] == [(200, False), (200, False)]
