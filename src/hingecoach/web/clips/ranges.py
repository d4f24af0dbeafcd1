"""A file served in byte ranges (RFC 9110 section 14). Django's ``FileResponse`` always
sends the whole file, and a ``<video>`` element asks for ranges to read the duration at
the end of the file and to seek. One range per request (what players ask for); a
header this does not serve (several ranges, another unit, garbage) gets the whole file,
as the RFC allows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from django.http import (
    FileResponse,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    StreamingHttpResponse,
)

from hingecoach.core import HingecoachError

ONE_RANGE = re.compile(r"bytes=(\d*)-(\d*)")
CHUNK = 64 * 1024


class Unsatisfiable(HingecoachError):
    """The range starts past the end of the file (answered 416 by ``ranged_file_response``)."""

    def __init__(self, header: str, size: int) -> None:
        super().__init__("Range", f"{header.strip()!r} starts past the end of {size} bytes")


def ranged_file_response(
    request: HttpRequest,
    path: Path,
    *,
    content_type: str,
) -> HttpResponseBase:
    size = path.stat().st_size
    response: HttpResponseBase
    try:
        wanted = byte_range(request.headers.get("Range", ""), size)
    except Unsatisfiable:
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
    else:
        if wanted is None:
            response = FileResponse(path.open("rb"), content_type=content_type)
        else:
            response = _partial(path, *wanted, size=size, content_type=content_type)
    response["Accept-Ranges"] = "bytes"
    return response


def byte_range(header: str, size: int) -> tuple[int, int] | None:
    """``(first, last)`` byte positions, both included, or None for the whole file."""
    match = ONE_RANGE.fullmatch(header.strip())
    if match is None or match.group(1) == match.group(2) == "":
        return None
    first, last = match.group(1), match.group(2)
    if first == "":  # the last N bytes
        if int(last) == 0 or size == 0:
            raise Unsatisfiable(header, size)
        return max(0, size - int(last)), size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if last and int(last) < start:
        return None  # not a valid range: ignored
    if start >= size:
        raise Unsatisfiable(header, size)
    return start, end


def _partial(
    path: Path,
    start: int,
    end: int,
    *,
    size: int,
    content_type: str,
) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        _read(path, start, end - start + 1), status=206, content_type=content_type
    )
    response["Content-Range"] = f"bytes {start}-{end}/{size}"
    response["Content-Length"] = str(end - start + 1)
    return response


def _read(path: Path, start: int, length: int) -> Iterator[bytes]:
    with path.open("rb") as file:
        file.seek(start)
        while length > 0:
            chunk = file.read(min(CHUNK, length))
            if not chunk:
                return
            length -= len(chunk)
            yield chunk
