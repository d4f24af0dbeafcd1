"""The audit trail's actor: the signed-in coach, or the coach whose API token was sent."""

from __future__ import annotations

from typing import Any

from auditlog.middleware import AuditlogMiddleware
from django.utils.functional import SimpleLazyObject


def _signed_in(request: Any) -> Any:
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


class AuditActorMiddleware(AuditlogMiddleware):
    """auditlog's middleware, reading the user when an entry is written rather than when
    the request arrives: the API authenticates a token inside the view."""

    @staticmethod
    def _get_actor(request: Any) -> Any:
        return SimpleLazyObject(lambda: _signed_in(request))
