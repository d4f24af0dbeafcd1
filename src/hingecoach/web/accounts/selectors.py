"""Reads for coach accounts."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.http import Http404

from hingecoach.web.teams.models import Team


def team_coach_get(*, team: Team, pk: int) -> User:
    """A coach of ``team``; anyone else is not found."""
    coach = get_user_model().objects.filter(pk=pk, membership__team=team).first()
    if coach is None:
        raise Http404("No such coach in your team")
    return coach


def username_get(*, username: str) -> User:
    """The account signed in as ``username`` (any letter case)."""
    user = get_user_model().objects.filter(username__iexact=username.strip()).first()
    if user is None:
        raise ValidationError({"username": f"no coach signs in as '{username}'"})
    return user
