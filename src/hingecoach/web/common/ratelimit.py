"""A fixed-window request limit, counted in Django's cache.

The default cache (``settings.CACHES``) is a file cache in the data folder, shared by
every gunicorn worker on the host, so a limit holds across workers. With Django's
LocMemCache each worker would keep its own count.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def over_limit(keys: Iterable[str], *, limit: int, window_s: int) -> bool:
    """Count one request against each of ``keys`` in the current window; True if any
    count is now over ``limit``."""
    window = int(time.time() // window_s)
    over = False
    for key in keys:
        counted = f"{key}:{window}"
        cache.add(counted, 0, timeout=window_s * 2)
        try:
            over = cache.incr(counted) > limit or over
        except ValueError:  # expired between add and incr: this request starts a new count
            cache.set(counted, 1, timeout=window_s * 2)
    return over


def client_address(request: HttpRequest) -> str:
    """The client's address. Behind the TLS proxy (HINGECOACH_SECURE) REMOTE_ADDR is the
    proxy's, so take the address the proxy appended last to X-Forwarded-For; otherwise
    that header is the client's own word and is ignored."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if settings.SECURE_PROXY_SSL_HEADER and forwarded:
        return forwarded.rsplit(",", 1)[-1].strip()
    return request.META.get("REMOTE_ADDR", "")
