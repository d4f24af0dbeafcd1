"""Template context: the signed-in coach's team and role."""

from __future__ import annotations

from django.http import HttpRequest


def team(request: HttpRequest) -> dict[str, object]:
    membership = getattr(getattr(request, "user", None), "membership", None)
    return {"membership": membership, "team": membership.team if membership else None}
