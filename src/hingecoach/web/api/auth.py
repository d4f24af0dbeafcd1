"""API authentication: a coach's bearer token, or the browser session (with CSRF)."""

from __future__ import annotations

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
    so a request with no credentials at all is a plain 401."""

    def _get_key(self, request: Any) -> str | None:
        if self.param_name not in request.COOKIES:
            return None
        return super()._get_key(request)
