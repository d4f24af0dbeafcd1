"""How a request that no coach signed in to came: the audit trail names the athlete's
check-in link as who made its records, rather than the command line or the worker."""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from functools import wraps
from typing import Any

CHECKIN_LINK = "check-in link"
_via: ContextVar[str | None] = ContextVar("hingecoach_via", default=None)


def current_via() -> str | None:
    return _via.get()


def through_checkin_link(view: Callable[..., Any]) -> Callable[..., Any]:
    """Records written while ``view`` runs were made by the athlete, through their link."""

    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        mark = _via.set(CHECKIN_LINK)
        try:
            return view(*args, **kwargs)
        finally:
            _via.reset(mark)

    return wrapped
