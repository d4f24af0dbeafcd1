"""The video adapter's errors, under the core's ``HingecoachError`` (the CLI maps them to
exit status 2 and one line; the web to a 400 naming the field).

    HingecoachError
     +-- VideoError          the file is not a video this adapter can analyse
     +-- BackendUnavailable  the pose runtime or a bundled model file is missing or changed
"""

from __future__ import annotations

from hingecoach.core.errors import HingecoachError


class VideoError(HingecoachError):
    """Unreadable, damaged, too long or too large (field ``CLIP``, the message quotes
    the file), or an output that cannot be written (``--annotated``)."""


class BackendUnavailable(HingecoachError):
    """The pose runtime (LiteRT) is not installed, or a bundled model file is missing
    or does not match its checksum (no field: the installation, not the input)."""
