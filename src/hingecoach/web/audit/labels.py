"""What a coach recognises an athlete's audited record by: the athlete's name and the
record's date, exercise or file, never its number.

A page of entries is labelled at once, with one query for the athletes' names and one per
kind of record for the records still there. An entry's own values (what it added,
changed or deleted) come first, so a deleted record keeps its date; the record as it is
now fills in what an update did not touch.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from auditlog.models import LogEntry

from hingecoach.core.present import date_text
from hingecoach.web.athletes.models import Athlete, TrainingSession
from hingecoach.web.common.display import exercise_name

Fields = dict[str, str]


def _on(fields: Fields) -> str:
    return f"of {date_text(fields['date'])}" if fields.get("date") else ""


def _exercise(fields: Fields) -> str:
    return exercise_name(fields["exercise"]) if fields.get("exercise") else ""


def _clip(fields: Fields) -> str:
    return fields.get("original_name") or _exercise(fields)


def _block(fields: Fields) -> str:
    if not (fields.get("weeks") and fields.get("start")):
        return ""
    return f"of {fields['weeks']} weeks from {date_text(fields['start'])}"


# Each kind of record: what it is called and what tells it from the athlete's others.
KINDS: dict[str, tuple[str, Callable[[Fields], str]]] = {
    "hingetest": ("hinge test", _on),
    "painreport": ("pain report", _on),
    "tskscore": ("TSK-11 score", _on),
    "trainingsession": ("session", _on),
    "sessionexercise": ("exercise", _exercise),
    "mastery": ("mastered step", _exercise),
    "checkinlink": ("check-in link", lambda fields: ""),
    "clip": ("clip", _clip),
    "trainingblock": ("block", _block),
}


def _text(value: Any) -> str:
    return "" if value in (None, "None") else str(value)


def _entry_fields(entry: LogEntry) -> Fields:
    """The values the entry recorded: the new one, else the old (a deletion's)."""
    fields = {}
    for name, pair in (entry.changes or {}).items():
        old, new = [*pair, None, None][:2] if isinstance(pair, list) else (None, pair)
        fields[name] = _text(new) or _text(old)
    return fields


def _live_fields(entries: list[LogEntry]) -> dict[tuple[str, str], Fields]:
    """The records still there, by (kind, number), with foreign keys by their names."""
    wanted: dict[Any, set[str]] = defaultdict(set)
    for entry in entries:
        wanted[entry.content_type].add(entry.object_pk)
    found = {}
    for content_type, numbers in wanted.items():
        model = content_type.model_class()
        for row in model._default_manager.filter(pk__in=numbers).values():
            fields = {name.removesuffix("_id"): _text(value) for name, value in row.items()}
            found[(content_type.model, str(row["id"]))] = fields
    return found


def _session_dates(fields: Iterable[Fields]) -> dict[str, str]:
    numbers = {f["session"] for f in fields if f.get("session")}
    rows = TrainingSession.objects.filter(pk__in=numbers).values_list("pk", "date")
    return {str(pk): day.isoformat() for pk, day in rows}


def _athlete_names(entries: list[LogEntry]) -> dict[int, str]:
    numbers = {(e.additional_data or {}).get("athlete") for e in entries} - {None}
    return dict(Athlete.objects.filter(pk__in=numbers).values_list("pk", "name"))


def _label(entry: LogEntry, fields: Fields, sessions: dict[str, str], names: dict[int, str]) -> str:
    kind, detail = KINDS[entry.content_type.model]
    what = " ".join(part for part in (kind, detail(fields)) if part)
    if fields.get("session") in sessions:
        what += f" in the session of {date_text(sessions[fields['session']])}"
    athlete = (entry.additional_data or {}).get("athlete")
    name = names.get(athlete) if isinstance(athlete, int) else None
    return f"{what} for {name or 'an athlete no longer listed'}"


def record_labels(entries: list[LogEntry]) -> dict[int, str]:
    """``hinge test of 2 Nov 2026 for Maya Ortiz``, by entry id, for each entry about an
    athlete's record."""
    ours = [e for e in entries if e.content_type and e.content_type.model in KINDS]
    live = _live_fields(ours)
    merged = {
        e.pk: {**live.get((e.content_type.model, e.object_pk), {}), **_entry_fields(e)}
        for e in ours
    }
    sessions = _session_dates(merged.values())
    names = _athlete_names(ours)
    return {e.pk: _label(e, merged[e.pk], sessions, names) for e in ours}
