"""gunicorn's workers, answering the requests gunicorn itself refuses as JSON.

A request line over gunicorn's limit (about 4 KB), a header too large, too many headers or
a malformed request never reaches Django, so gunicorn answers it with an HTML page of its
own. The API promises JSON ``{"field", "message"}`` for every error (DOMAIN.md section
6), and the path is not known when the request line itself was refused, so these
refusals are JSON for every path. gunicorn still decides the status and logs the
refusal: its answer is written to a stand-in socket, and only its status line is kept.
"""

from __future__ import annotations

import json
import socket
from typing import Any

from gunicorn import util
from gunicorn.workers.gthread import ThreadWorker
from gunicorn.workers.sync import SyncWorker

from hingecoach.web.api.errors import error_body

FIELDS = {414: "path", 431: "headers"}  # anything else: the request as a whole


class _Kept:
    """Stands in for the client's socket while gunicorn writes its refusal: keeps the
    bytes, passes everything else (addresses, for the access log) to the socket."""

    def __init__(self, client: socket.socket) -> None:
        self._client = client
        self.written = b""

    def __getattr__(self, name: str) -> Any:
        return getattr(self._client, name)

    def gettimeout(self) -> float:
        return 0.0  # "non-blocking already": gunicorn then leaves the socket's mode alone

    def sendall(self, data: bytes) -> None:
        self.written += data


class JsonRefusals:
    """The part both workers share (a mixin before gunicorn's worker class)."""

    def handle_error(self, req: Any, client: socket.socket, addr: Any, exc: BaseException) -> None:
        kept = _Kept(client)
        super().handle_error(req, kept, addr, exc)  # type: ignore[misc]
        status, reason = _status(kept.written)
        if status is None or not 400 <= status < 500:
            util.write_nonblock(client, kept.written)  # a server fault: gunicorn's answer
            return
        message = f"{reason.lower()}: {exc}" if str(exc) else reason.lower()
        body = json.dumps(error_body(FIELDS.get(status, "request"), message)).encode()
        head = (
            f"HTTP/1.1 {status} {reason}\r\nConnection: close\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
        )
        util.write_nonblock(client, head.encode("latin-1") + body)


def _status(written: bytes) -> tuple[int | None, str]:
    """The status and reason of an HTTP response's first line."""
    line = written.split(b"\r\n", 1)[0].decode("latin-1")
    parts = line.split(" ", 2)
    if len(parts) < 2 or not parts[1].isdigit():
        return None, ""
    return int(parts[1]), parts[2] if len(parts) > 2 else ""


class JsonRefusalsThreadWorker(JsonRefusals, ThreadWorker):
    """gunicorn's threaded worker (``--threads`` above 1)."""


class JsonRefusalsSyncWorker(JsonRefusals, SyncWorker):
    """gunicorn's one-request-at-a-time worker (``--threads 1``)."""
