"""Which records the audit trail follows, and whose they are."""

from __future__ import annotations

from typing import Any

from auditlog.models import LogEntry
from auditlog.registry import auditlog
from auditlog.signals import post_log
from django.contrib.auth import get_user_model

from hingecoach.web.athletes.models import (
    Athlete,
    CheckinLink,
    HingeTest,
    Mastery,
    PainReport,
    SessionExercise,
    TrainingSession,
    TskScore,
)
from hingecoach.web.blocks.models import TrainingBlock
from hingecoach.web.clips.models import Clip
from hingecoach.web.common.via import current_via
from hingecoach.web.teams.models import ApiToken, Membership, Team

# The summary the engine recomputes after every write is not a change anyone made.
ATHLETE_SUMMARY = [*Athlete.SUMMARY_FIELDS, "created", "updated"]
USER_FIELDS = ["username", "first_name", "last_name", "email", "is_active", "password"]


def hidden(value: str) -> str:
    """A masked field's value in the trail: that it changed, nothing of it (auditlog's own
    mask keeps the second half, which of a password hash is the hash itself)."""
    return "********"


def register_models() -> None:
    auditlog.register(Team)
    auditlog.register(Membership)
    auditlog.register(
        get_user_model(),
        include_fields=USER_FIELDS,
        mask_fields=["password"],
        mask_callable="hingecoach.web.audit.registry.hidden",
    )
    auditlog.register(ApiToken, exclude_fields=["digest", "last_used"])
    auditlog.register(Athlete, exclude_fields=ATHLETE_SUMMARY)
    for model in (HingeTest, PainReport, TskScore, TrainingSession, SessionExercise, Mastery):
        auditlog.register(model, exclude_fields=["created"])
    auditlog.register(CheckinLink, exclude_fields=["digest", "created"])
    auditlog.register(
        Clip,
        include_fields=[
            "athlete",
            "exercise",
            "original_name",
            "test",
            "reviewed_at",
            "reviewed_by",
        ],
    )
    auditlog.register(TrainingBlock, include_fields=["athlete", "weeks", "start", "ended", "by"])
    post_log.connect(_mark_owner, dispatch_uid="hingecoach-audit-owner")


def owner_of(instance: Any) -> dict[str, int | None]:
    """The team a record belongs to, and the athlete for an athlete's record."""
    if isinstance(instance, Team):
        return {"team": instance.pk, "athlete": None}
    if isinstance(instance, Athlete):
        return {"team": instance.team_id, "athlete": instance.pk}
    if isinstance(instance, SessionExercise):
        instance = instance.session
    athlete = getattr(instance, "athlete", None)
    if isinstance(athlete, Athlete):
        return {"team": athlete.team_id, "athlete": athlete.pk}
    if isinstance(instance, ApiToken):
        instance = instance.user
    membership = getattr(instance, "membership", instance)
    return {"team": getattr(membership, "team_id", None), "athlete": None}


def _mark_owner(
    sender: Any, instance: Any, log_entry: LogEntry | None = None, **kwargs: Any
) -> None:
    if log_entry is not None:
        data: dict[str, Any] = {**owner_of(instance)}
        if (via := current_via()) is not None:
            data["via"] = via
        LogEntry.objects.filter(pk=log_entry.pk).update(additional_data=data)
