"""Links a coach passes on by hand (a check-in link, a one-time sign-in link)."""

from __future__ import annotations

from urllib.parse import urlsplit


def loopback(url: str) -> bool:
    """True when the address opens only on the server's own computer (127.0.0.1,
    localhost, ::1): no phone or other device can follow it."""
    host = urlsplit(url).hostname or ""
    return host == "localhost" or host.startswith("127.") or host == "::1"
