"""The video adapter's errors, under the core's ``HingecoachError`` (the CLI maps them to
exit status 2 and one line; the web to a 400 naming the field).

    HingecoachError
     +-- VideoError          the file is not a video this adapter can analyse
     +-- BackendUnavailable  the pose runtime or a bundled model file is missing or changed
"""

from __future__ import annotations

from hingecoach.core.errors import HingecoachError


class VideoError(HingecoachError):
    """Unreadable, damaged, too long or too large; the message quotes the file."""

    def __init__(self, message: str, field: str = "CLIP") -> None:
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")


class BackendUnavailable(HingecoachError):
    """The pose runtime (LiteRT) is not installed, or a bundled model file is missing
    or does not match its checksum."""
