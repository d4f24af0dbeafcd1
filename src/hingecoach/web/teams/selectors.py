"""Reads for teams, coaches and tokens."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone

from hingecoach.web.teams.models import ApiToken, Membership, Team


def team_of(user: AbstractBaseUser) -> Team | None:
    membership = getattr(user, "membership", None)
    return membership.team if isinstance(membership, Membership) else None


def is_head_coach(user: AbstractBaseUser) -> bool:
    membership = getattr(user, "membership", None)
    return isinstance(membership, Membership) and membership.is_head


def user_for_token(raw: str) -> AbstractBaseUser | None:
    token = (ApiToken.objects.select_related("user", "user__membership__team")
             .filter(digest=ApiToken.digest_of(raw)).first())
    if token is None or not token.user.is_active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used=timezone.now())
    return token.user
