"""API authentication: a coach's bearer token, or the browser session (with CSRF)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ninja.security import HttpBearer, SessionAuth

from hingecoach.web.teams.selectors import user_for_token


class CoachToken(HttpBearer):
    openapi_scheme = "bearer"

    def authenticate(self, request: Any, token: str) -> Any:
        user = user_for_token(token)
        if user is None:
            return None
        request.user = user
        return user


class BrowserSession(SessionAuth):
    """The signed-in browser session; CSRF is checked only when a session cookie is sent,
    so a request with no credentials at all is a plain 401.

    The CSRF check reads a POST's body (for its token field), after which Django lets no
    upload handler be set: ``before_body`` is called first, so an upload can put its own
    handlers (its size limit) in place whichever way the coach signs in."""

    def __init__(self, *, before_body: Callable[[Any], object] | None = None) -> None:
        super().__init__()
        self.before_body = before_body

    def _get_key(self, request: Any) -> str | None:
        if self.param_name not in request.COOKIES:
            return None
        if self.before_body is not None:
            self.before_body(request)
        return super()._get_key(request)
