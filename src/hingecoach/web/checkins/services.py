"""Writes: a new check-in link the coach can show again."""

from __future__ import annotations

import secrets
from typing import Any

from django.db import transaction

from hingecoach.web.athletes.models import Athlete, CheckinLink
from hingecoach.web.athletes.services import athlete_touch
from hingecoach.web.checkins.models import CheckinShare
from hingecoach.web.checkins.tokens import token_for
from hingecoach.web.teams.models import ApiToken


@transaction.atomic
def checkin_share_create(*, athlete: Athlete, by: Any = None) -> CheckinShare:
    """A new private link for ``athlete``; earlier links stay open until revoked."""
    salt = secrets.token_urlsafe(24)
    link = CheckinLink.objects.create(athlete=athlete, digest=ApiToken.digest_of(token_for(salt)))
    athlete_touch(athlete_id=athlete.pk)
    return CheckinShare.objects.create(link=link, salt=salt, created_by=by)
