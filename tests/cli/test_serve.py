"""``hingecoach serve`` closes each connection after its response by default, so the next
request goes to whichever worker is free (a kept-alive connection would stay with the
worker that accepted it); ``--keepalive N`` keeps connections open. The real command, a
fresh data folder, a real socket."""

from __future__ import annotations

import http.client
import os
from contextlib import AbstractContextManager
from pathlib import Path

import pytest

from .server import serving

pytestmark = pytest.mark.cli


def _serving(home: Path, *options: str) -> AbstractContextManager[int]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    return serving(home, ("serve", *options), {**env, "HINGECOACH_HOME": str(home)})


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
