"""An audit entry as a line a head coach reads."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from auditlog.models import LogEntry

from hingecoach.web.common.via import CHECKIN_LINK

ACTIONS = {
    LogEntry.Action.CREATE: "added",
    LogEntry.Action.UPDATE: "changed",
    LogEntry.Action.DELETE: "deleted",
    LogEntry.Action.ACCESS: "read",
}
# The athlete's own name is shown for the athlete; other records by kind and number.
NAMED = {"athlete", "team", "user", "membership"}


@dataclass(frozen=True)
class AuditLine:
    when: Any
    who: str
    action: str
    what: str
    changes: list[tuple[str, str, str]]
    athlete: int | None


def _who(entry: LogEntry) -> str:
    if entry.actor is not None:
        return entry.actor.get_username()
    if (entry.additional_data or {}).get("via") == CHECKIN_LINK:
        return "the athlete, through their check-in link"
    return "the command line or the clip worker"


def _what(entry: LogEntry) -> str:
    kind = entry.content_type.name if entry.content_type else "record"
    if (entry.additional_data or {}).get("erased"):
        return f"athlete #{entry.object_pk}: erased with every record and clip"
    if entry.content_type and entry.content_type.model in NAMED:
        return f"{kind} {entry.object_repr}"
    return f"{kind} #{entry.object_pk}"


def _changes(entry: LogEntry) -> list[tuple[str, str, str]]:
    rows = []
    for field, pair in sorted((entry.changes or {}).items()):
        old, new = [*pair, None, None][:2] if isinstance(pair, list) else (None, pair)
        rows.append((field.replace("_", " "), _text(old), _text(new)))
    return rows


def _text(value: Any) -> str:
    return "–" if value in (None, "None", "") else str(value)


def audit_line(entry: LogEntry) -> AuditLine:
    data = entry.additional_data or {}
    return AuditLine(
        when=entry.timestamp,
        who=_who(entry),
        action=ACTIONS[entry.action],
        what=_what(entry),
        changes=_changes(entry),
        athlete=data.get("athlete"),
    )
