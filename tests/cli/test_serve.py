"""``hingecoach serve`` closes each connection after its response by default, so the next
request goes to whichever worker is free (a kept-alive connection would stay with the
worker that accepted it); ``--keepalive N`` keeps connections open. Requests the server
refuses before the app sees them (too long, too many headers, malformed) are answered
as JSON like every API error; a body sent in chunks is read whole, within the same
limits. The real command, a fresh data folder, a real socket."""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
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


def _raw(port: int, request: bytes) -> tuple[str, dict[str, str], bytes]:
    """Send ``request`` as it is; the status line, headers and body of the answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(request)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    status, *lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines)
    return status, {k.lower(): v for k, v in headers.items()}, body


REFUSED_BY_THE_SERVER = {
    "a request line over 4 KB": (
        b"GET /api/athletes/1/plan?x=" + b"a" * 5000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
        "414",
        "path",
    ),
    "more than 100 headers": (
        b"GET /api/athletes/1/plan HTTP/1.1\r\nHost: x\r\n"
        + b"".join(b"X-H%d: 1\r\n" % n for n in range(120))
        + b"\r\n",
        "431",
        "headers",
    ),
    "a malformed request line": (b"GET\r\n\r\n", "400", "request"),
}


@pytest.mark.parametrize("threads", ["4", "1"])
def test_requests_the_server_refuses_itself_answer_json_like_every_api_error(tmp_path, threads):
    with _serving(tmp_path, "--threads", threads) as port:
        for what, (request, code, field) in REFUSED_BY_THE_SERVER.items():
            status, headers, body = _raw(port, request)
            assert status.split(" ")[1] == code, what
            assert headers["content-type"] == "application/json", what
            assert int(headers["content-length"]) == len(body), what
            error = json.loads(body)
            assert error["field"] == field and error["message"], what
        # and the server goes on answering
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.request("GET", "/login/")
        assert connection.getresponse().status == 200


TOKEN_FOR_A_NEW_COACH = """
from hingecoach.web.setup import prepare
prepare()
from hingecoach.web.teams import services as teams
coach = teams.coach_create(team=teams.team_create(name="Riverside"), username="cole",
                           password="a-long-passphrase-for-cole")
print(teams.api_token_create(user=coach))
"""


def _chunked_post(port: int, path: str, token: str, body: bytes) -> tuple[int, dict]:
    """POST ``body`` in 64 KB chunks (``Transfer-Encoding: chunked``, no length)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    chunks = (body[n : n + 65536] for n in range(0, len(body), 65536))
    connection.request(
        "POST",
        path,
        body=chunks,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        encode_chunked=True,
    )
    response = connection.getresponse()
    return response.status, json.loads(response.read())


def test_a_body_sent_in_chunks_is_read_whole_and_still_limited(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["HINGECOACH_HOME"] = str(tmp_path)
    made = subprocess.run(
        [sys.executable, "-c", TOKEN_FOR_A_NEW_COACH],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    token = made.stdout.strip().splitlines()[-1]
    case = json.dumps({"athlete": {"age": 34}, "mastered": ["kneeling-hip-hinge"]}).encode()
    with _serving(tmp_path) as port:
        status, answer = _chunked_post(port, "/api/recommend", token, case)
        assert status == 200, answer
        assert answer["stage"] == "corrective" and answer["options"]
        padded = case[:-1] + b"," + b" " * 3_000_000 + b'"goal": "technique"}'
        status, answer = _chunked_post(port, "/api/recommend", token, padded)
        assert status == 413 and answer["field"] == "body", answer
