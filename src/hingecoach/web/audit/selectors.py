"""Reads of the audit trail."""

from __future__ import annotations

from auditlog.models import LogEntry
from django.db.models import QuerySet

from hingecoach.web.teams.models import Team


def audit_entries(*, team: Team) -> QuerySet[LogEntry]:
    """The team's entries, newest first."""
    return (
        LogEntry.objects.filter(additional_data__team=team.pk)
        .select_related("actor", "content_type")
        .order_by("-timestamp", "-id")
    )
