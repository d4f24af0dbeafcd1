"""The clip upload's size limit, held while the request body arrives.

``SizeLimit`` goes first in the request's upload handlers: a request whose
Content-Length passes the limit is refused before the file's first byte is stored, and
a file that grows past the limit while it streams is refused at that chunk; the
temporary file Django had begun is deleted. The rest of the body is read in chunks and
thrown away (Django's own draining reads it line by line, and a line of a video can be
the whole file), so the browser gets the form back with the error rather than a reset
connection, and nothing is stored or held. The form shows ``refusal`` on its file field.
"""

from __future__ import annotations

from typing import Any

from django.core.files.uploadhandler import FileUploadHandler, StopUpload

# Room in the body for the form's other fields and the multipart boundaries and headers.
FORM_OVERHEAD = 64 * 1024
DRAIN_CHUNK = 64 * 1024


def size_text(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB" if size >= 1024 * 1024 else f"{size} bytes"


def too_big(limit: int, size: int | None = None) -> str:
    """The refusal, with the size when it is known."""
    what = f"the file is {size_text(size)}," if size is not None else "the file is"
    return (
        f"{what} over the {size_text(limit)} limit: trim the clip to the reps, or "
        "film at a lower resolution"
    )


class SizeLimit(FileUploadHandler):
    """Refuses an upload past ``limit`` bytes as early as it can tell."""

    def __init__(self, request: Any, limit: int) -> None:
        super().__init__(request)
        self.limit = limit
        self.refusal: str | None = None
        self.body: Any = None
        self.body_length = 0

    def handle_raw_input(
        self,
        input_data: Any,
        META: Any,
        content_length: int,
        boundary: Any,
        encoding: str | None = None,
    ) -> None:
        self.body, self.body_length = input_data, content_length

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        if self.body_length > self.limit + FORM_OVERHEAD:
            self._refuse(too_big(self.limit, self.body_length))

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        if start + len(raw_data) > self.limit:
            self._refuse(too_big(self.limit))
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None

    def _refuse(self, message: str) -> None:
        self.refusal = message
        while self.body.read(DRAIN_CHUNK):
            pass
        raise StopUpload(connection_reset=True)  # "reset": Django need not drain it again


def hold_size_limit(request: Any, limit: int) -> SizeLimit:
    """The request's ``SizeLimit``, put first in its upload handlers the first time it is
    asked for; it must be asked for before anything reads the body."""
    held: SizeLimit | None = getattr(request, "_clip_size_limit", None)
    if held is None:
        held = SizeLimit(request, limit)
        request.upload_handlers = [held, *request.upload_handlers]
        request._clip_size_limit = held
    return held
