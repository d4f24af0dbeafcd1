"""Writes for coach accounts: invitations, one-time password links, passwords, deactivation.

No email server is assumed: a one-time link is returned to the head coach, who passes it
on. A link is Django's password-reset token: it stops working once the password is set
(the token is made from the password hash), after ``PASSWORD_RESET_TIMEOUT``, or when the
account is deactivated.
"""

from __future__ import annotations

from axes.utils import reset as axes_reset
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from hingecoach.web.audit.services import audit_password_link
from hingecoach.web.teams.models import Membership, Team
from hingecoach.web.teams.services import coach_create


def password_link_path(*, user: User) -> str:
    """The path of a one-time link that lets ``user`` choose a password."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return reverse("accounts:set-password", kwargs={"uidb64": uid, "token": token})


@transaction.atomic
def coach_invite(
    *,
    team: Team,
    username: str,
    role: str = Membership.Role.COACH,
    first_name: str = "",
    email: str = "",
) -> tuple[User, str]:
    """A coach account with no password yet, and the path of the link that sets one."""
    user = coach_create(
        team=team, username=username, password=None, role=role, first_name=first_name, email=email
    )
    return user, password_link_path(user=user)


def coach_reset_link(*, coach: User, team: Team, by: User | None = None) -> str:
    """A one-time link for a coach who forgot their password; the old one works until
    the new one is set. Making it is in the team's audit trail (the link is not)."""
    if not coach.is_active:
        raise ValidationError(
            {"coach": f"'{coach.get_username()}' is deactivated: reactivate the account first"}
        )
    audit_password_link(coach=coach, team=team, by=by)
    return password_link_path(user=coach)


def password_set(*, user: User, password: str) -> User:
    """Set ``user``'s password (Django's validators apply) and lift any sign-in lock-out."""
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise ValidationError({"password": exc.messages}) from None
    user.set_password(password)
    user.save(update_fields=["password"])
    axes_reset(username=user.get_username())
    return user


def coach_set_active(*, coach: User, by: User, active: bool) -> User:
    """Deactivate (or reactivate) a coach of ``by``'s team. A deactivated coach cannot
    sign in and their API tokens stop working; the team's athletes and the records the
    coach made stay with the team."""
    if not active and coach.pk == by.pk:
        raise ValidationError({"coach": "you cannot deactivate your own account"})
    coach.is_active = active
    coach.save(update_fields=["is_active"])
    return coach
