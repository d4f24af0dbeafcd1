"""The errors printing raises on bad input.

    HingecoachError (core)
     +-- PrintError        bad input to a printout: an unknown exercise id, a paper size
          |                or layout not offered, an output format not supported
          +-- FetchRefused a document asked for a resource that is not shipped with the
                           package (anything but a local file inside it, or a data: URL)

The CLI shows a ``PrintError`` as one line and exits with status 2; the web answers 404
for an unknown id and 400 for a bad option.
"""

from __future__ import annotations

from hingecoach.core import HingecoachError


class PrintError(HingecoachError):
    """Bad input to a printout, naming the field and the value."""


class FetchRefused(PrintError, ValueError):
    """A document asked for a URL that is not a file shipped with hingecoach."""

    def __init__(self, url: str) -> None:
        super().__init__("url", f"refused to fetch {url!r}: printouts use shipped files only")
        self.url = url
