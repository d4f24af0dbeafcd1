"""Writes for teams, coaches and API tokens."""

from __future__ import annotations

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from hingecoach.web.teams.models import ApiToken, Membership, Team


def team_create(*, name: str, unit: str = Team.Unit.KG) -> Team:
    team = Team(name=name.strip(), unit=unit)
    team.full_clean()
    team.save()
    return team


@transaction.atomic
def coach_create(
    *,
    team: Team,
    username: str,
    password: str | None,
    email: str = "",
    role: str = Membership.Role.COACH,
    first_name: str = "",
) -> User:
    """A coach account in ``team``; the password must pass Django's validators. With
    ``password=None`` the account has no usable password until one is set from a
    one-time link (``accounts.services.coach_invite``)."""
    user_model = get_user_model()
    username = username.strip()
    if not username:
        raise ValidationError({"username": "is required"})
    if user_model.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": f"'{username}' is already taken"})
    if role not in Membership.Role.values:
        allowed = ", ".join(Membership.Role.values)
        raise ValidationError({"role": f"'{role}' is not one of {allowed}"})
    user = user_model(username=username, email=email, first_name=first_name)
    if password is not None:
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise ValidationError({"password": exc.messages}) from None
    user.set_password(password)
    user.save()
    Membership.objects.create(user=user, team=team, role=role)
    return user


def team_set_unit(*, team: Team, unit: str) -> Team:
    if unit not in Team.Unit.values:
        raise ValidationError({"unit": f"'{unit}' is not one of kg, lb"})
    team.unit = unit
    team.save(update_fields=["unit"])
    return team


def api_token_create(*, user: User, name: str = "API token") -> str:
    """A new token for ``user``; the raw value is returned once and never stored."""
    raw = "hc_" + secrets.token_urlsafe(32)
    ApiToken.objects.create(
        user=user, name=name[:60] or "API token", digest=ApiToken.digest_of(raw), prefix=raw[:8]
    )
    return raw


def api_token_revoke(*, token: ApiToken) -> None:
    token.delete()
