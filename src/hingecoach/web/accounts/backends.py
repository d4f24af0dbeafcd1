"""Signing in with a username and password, and reading the signed-in coach on each request."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import User


class CoachBackend(ModelBackend):
    """Django's ``ModelBackend``, reading the coach's membership and team in the same query
    as the coach: every page asks for the team (three queries become one). Nothing is
    kept between requests, so a coach removed from a team or deactivated is so at once."""

    def get_user(self, user_id: Any) -> User | None:
        user = User._default_manager.select_related("membership__team").filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
