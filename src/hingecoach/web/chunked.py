"""Request bodies sent in chunks (``Transfer-Encoding: chunked``, no ``Content-Length``).

gunicorn decodes the chunks, but Django reads a body's length from ``Content-Length``
alone, so such a body reached the views as empty: a valid CASE sent by a streaming client
was refused as "invalid JSON". This WSGI wrapper reads the decoded body into a spooled
file first (memory up to ``IN_MEMORY``, then disk) and hands Django its length. It reads at
most one byte past the largest body the app accepts, so a body too large is still refused
by Django's own limits (the size check of an upload, ``DATA_UPLOAD_MAX_MEMORY_SIZE``)
with the usual answer, without holding more than that.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

from django.conf import settings

IN_MEMORY = 1024 * 1024
BLOCK = 64 * 1024
Wsgi = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def with_chunked_bodies(app: Wsgi) -> Wsgi:
    def wrapped(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if not _chunked(environ):
            return app(environ, start_response)
        body = _spool(environ, _largest_body() + 1)
        try:
            return _Closing(app(environ, start_response), body)
        except BaseException:
            body.close()
            raise

    return wrapped


class _Closing:
    """The app's response, which also closes the spooled body once the server is done."""

    def __init__(self, response: Iterable[bytes], body: IO[bytes]) -> None:
        self.response, self.body = response, body

    def __iter__(self) -> Iterator[bytes]:
        return iter(self.response)

    def close(self) -> None:
        try:
            close = getattr(self.response, "close", None)
            if close is not None:
                close()
        finally:
            self.body.close()


def _chunked(environ: dict[str, Any]) -> bool:
    encoding = environ.get("HTTP_TRANSFER_ENCODING", "").lower()
    # gunicorn marks a decoded input it will end itself; without that mark the input
    # cannot be read to its end safely.
    return (
        "chunked" in encoding
        and not environ.get("CONTENT_LENGTH")
        and bool(environ.get("wsgi.input_terminated"))
    )


def _largest_body() -> int:
    return max(settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0, settings.CLIP_MAX_BYTES)


def _spool(environ: dict[str, Any], most: int) -> IO[bytes]:
    """Replace the input with the decoded body (at most ``most`` bytes) and its length."""
    folder = settings.FILE_UPLOAD_TEMP_DIR
    body = tempfile.SpooledTemporaryFile(  # noqa: SIM115  (closed with the response)
        max_size=IN_MEMORY, mode="w+b", dir=None if folder is None else str(folder)
    )
    stream, size = environ["wsgi.input"], 0
    while size < most:
        block = stream.read(min(BLOCK, most - size))
        if not block:
            break
        body.write(block)
        size += len(block)
    body.seek(0)
    environ["wsgi.input"] = body
    environ["CONTENT_LENGTH"] = str(size)
    return body
