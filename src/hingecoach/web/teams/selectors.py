"""Reads for teams, coaches and tokens."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from hingecoach.web.teams.models import ApiToken, Membership, Team

LAST_USED_EVERY = dt.timedelta(minutes=5)


def team_named(*, name: str) -> Team:
    """The one team called ``name`` (any letter case), for the command line."""
    found = list(Team.objects.filter(name__iexact=name.strip())[:2])
    if len(found) == 1:
        return found[0]
    if found:
        raise ValidationError({"team": f"more than one team is named '{name}'"})
    names = ", ".join(
        f"'{n}'" for n in Team.objects.order_by("name").values_list("name", flat=True)
    )
    raise ValidationError({"team": f"no team is named '{name}' (teams: {names or 'none'})"})


def team_of(user: User) -> Team | None:
    membership = getattr(user, "membership", None)
    return membership.team if isinstance(membership, Membership) else None


def is_head_coach(user: User) -> bool:
    membership = getattr(user, "membership", None)
    return isinstance(membership, Membership) and membership.is_head


def user_for_token(raw: str) -> User | None:
    token = (
        ApiToken.objects.select_related("user", "user__membership__team")
        .filter(digest=ApiToken.digest_of(raw))
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used is None or now - token.last_used > LAST_USED_EVERY:
        # A write per call would cost a commit on every request; minutes are enough.
        ApiToken.objects.filter(pk=token.pk).update(last_used=now)
    return token.user


def team_coaches(*, team: Team) -> QuerySet[Membership]:
    """The team's coaches, head coaches first."""
    return (
        Membership.objects.filter(team=team)
        .select_related("user")
        .order_by("-role", "user__username")
    )  # "head" sorts after "coach"


def api_token_list(*, user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).order_by("-created", "-id")


def api_token_get(*, user: User, pk: int) -> ApiToken:
    """One of ``user``'s own tokens; anyone else's is not found."""
    token = ApiToken.objects.filter(user=user, pk=pk).first()
    if token is None:
        raise Http404("No such token")
    return token
