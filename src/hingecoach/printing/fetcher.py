"""A WeasyPrint URL fetcher that never goes to the network.

A printout is made from the package's own templates, CSS and fonts, so it needs only
local files inside the package (or matplotlib's font folder) and ``data:`` URLs. Any
other URL (``http``, ``https``, ``ftp``, a file elsewhere on the disk) is refused with
``FetchRefused``, and rendering stops: a missing or remote resource is a bug, never a
silently blank image.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint.urls import URLFetcher

from hingecoach.printing.assets import allowed_roots
from hingecoach.printing.errors import FetchRefused


def is_allowed(url: str, roots: tuple[Path, ...] | None = None) -> bool:
    """A ``data:`` URL, or a ``file:`` URL of a file under one of ``roots``."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "data":
        return True
    if scheme != "file" or parts.netloc not in ("", "localhost"):
        return False
    path = Path(unquote(parts.path)).resolve()
    return any(path.is_relative_to(root) for root in (roots or allowed_roots()))


class LocalOnlyFetcher(URLFetcher):
    """Fetches shipped files only; records every refused URL in ``refused``."""

    def __init__(self) -> None:
        super().__init__(
            allowed_protocols={"file", "data"},
            allow_redirects=False,
            fail_on_errors=True,
            timeout=1,
        )
        self.refused: list[str] = []

    def fetch(self, url: str, headers: dict[str, str] | None = None):
        if not is_allowed(url):
            self.refused.append(url)
            raise FetchRefused(url)
        return super().fetch(url, headers)
