"""An audit entry as a line a head coach reads: records by what a coach knows them by
(a name, a date, an exercise), never by their number."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from auditlog.models import LogEntry

from hingecoach.web.audit.changes import Change, change_rows
from hingecoach.web.audit.labels import record_labels
from hingecoach.web.common.via import CHECKIN_LINK

ACTIONS = {
    LogEntry.Action.CREATE: "added",
    LogEntry.Action.UPDATE: "changed",
    LogEntry.Action.DELETE: "deleted",
    LogEntry.Action.ACCESS: "read",
}
# Records shown by their own name as it was when the entry was made; an athlete's records
# by what labels.record_labels finds.
NAMED = {"athlete", "team", "user", "membership", "apitoken"}


@dataclass(frozen=True)
class AuditLine:
    when: Any
    who: str
    action: str
    what: str
    changes: list[Change]
    athlete: int | None


def _who(entry: LogEntry) -> str:
    if entry.actor is not None:
        return entry.actor.get_username()
    if (entry.additional_data or {}).get("via") == CHECKIN_LINK:
        return "the athlete, through their check-in link"
    return "the command line or the clip worker"


def _what(entry: LogEntry, label: str | None) -> str:
    kind = entry.content_type.name if entry.content_type else "record"
    if (entry.additional_data or {}).get("erased"):
        # The athlete's name went with them; the number is all the trail keeps.
        return f"athlete #{entry.object_pk}: erased with every record and clip"
    if (entry.additional_data or {}).get("downloaded"):
        return "the team's data: downloaded as a file"
    if (entry.additional_data or {}).get("password_link"):
        return f"coach {entry.object_repr}: a password reset link made"
    if entry.content_type and entry.content_type.model in NAMED:
        return f"{kind} {entry.object_repr}"
    return label or f"{kind} #{entry.object_pk}"


def audit_lines(entries: list[LogEntry]) -> list[AuditLine]:
    """A page of entries as lines (their records and values named in a few queries)."""
    labels = record_labels(entries)
    changes = change_rows(entries)
    return [audit_line(entry, labels.get(entry.pk), changes[entry.pk]) for entry in entries]


def audit_line(entry: LogEntry, label: str | None, changes: list[Change]) -> AuditLine:
    data = entry.additional_data or {}
    return AuditLine(
        when=entry.timestamp,
        who=_who(entry),
        action=ACTIONS[entry.action],
        what=_what(entry, label),
        changes=changes,
        athlete=data.get("athlete"),
    )
