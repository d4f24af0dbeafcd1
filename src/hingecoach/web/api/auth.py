"""API authentication: a coach's bearer token, or the browser session (with CSRF)."""

from __future__ import annotations

from typing import Any

from ninja.security import HttpBearer

from hingecoach.web.teams.selectors import user_for_token


class CoachToken(HttpBearer):
    openapi_scheme = "bearer"

    def authenticate(self, request: Any, token: str) -> Any:
        user = user_for_token(token)
        if user is None:
            return None
        request.user = user
        return user
