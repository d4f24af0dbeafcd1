"""Writes to the audit trail beyond what auditlog records by itself."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from auditlog.context import disable_auditlog
from auditlog.models import LogEntry
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType

from hingecoach.web.athletes.models import Athlete
from hingecoach.web.teams.models import Team


@contextmanager
def audit_paused() -> Iterator[None]:
    """Writes inside are not recorded one by one (an erasure records itself once)."""
    with disable_auditlog():
        yield


def audit_erasure(*, athlete: Athlete, by: Any) -> LogEntry:
    """Forget every entry about ``athlete``'s records (they hold the athlete's data) and
    keep one that says an erasure happened, by whom and when: the athlete's number only."""
    number, team = athlete.pk, athlete.team_id
    LogEntry.objects.filter(additional_data__athlete=number).delete()
    actor = by if getattr(by, "is_authenticated", False) else None
    return LogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(Athlete),
        object_pk=str(number),
        object_id=number,
        object_repr=f"athlete #{number}",
        action=LogEntry.Action.DELETE,
        changes={},
        actor=actor,
        additional_data={"team": team, "athlete": None, "erased": number},
    )


def audit_team_download(*, team: Team, by: Any) -> LogEntry:
    """A coach took the team's data away as a file: who, when (nothing changed)."""
    return LogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(Team),
        object_pk=str(team.pk),
        object_id=team.pk,
        object_repr=team.name,
        action=LogEntry.Action.ACCESS,
        changes={},
        actor=by if getattr(by, "is_authenticated", False) else None,
        additional_data={"team": team.pk, "athlete": None, "downloaded": True},
    )


def audit_password_link(*, coach: User, team: Team, by: Any) -> LogEntry:
    """A head coach made a one-time password link for ``coach``: who, for whom, when.
    The link itself is never kept (it would let whoever reads the trail set the password)."""
    return LogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(User),
        object_pk=str(coach.pk),
        object_id=coach.pk,
        object_repr=coach.get_username(),
        action=LogEntry.Action.ACCESS,
        changes={},
        actor=by if getattr(by, "is_authenticated", False) else None,
        additional_data={"team": team.pk, "athlete": None, "password_link": True},
    )
