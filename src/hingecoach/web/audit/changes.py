"""An audit entry's changes as a coach reads them: a coach, athlete or team by name, a
session by its date, an exercise, fault or condition by its catalog name, dates as dates,
yes and no. What is no change to read (a record's own number, the list of its related
records auditlog writes on creation, an empty value both before and after) is left out.

A page of entries is read at once, with one query per kind of record its fields point at.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from auditlog.models import LogEntry
from django.core.exceptions import FieldDoesNotExist
from django.db import models

from hingecoach.core.present import date_text
from hingecoach.web.audit.labels import KINDS
from hingecoach.web.common.display import (
    condition_name,
    exercise_name,
    fault_name,
    red_flag_name,
)

Change = tuple[str, str, str]
EMPTY = "–"
# Fields holding catalog ids (one, or a list of them), by the name a coach knows them by.
CATALOG: dict[str, Callable[[str], str]] = {
    "exercise": exercise_name,
    "faults": fault_name,
    "by_eye": fault_name,
    "conditions": condition_name,
    "red_flags": red_flag_name,
}
# Fields whose own name says little to a coach.
LABELS = {
    "nrs": "pain (0-10)",
    "load_kg": "load (kg)",
    "load_logged": "load as logged",
    "load_unit": "unit logged in",
}
# Refers = (the model a foreign key points at, the number) -> its name.
Names = dict[tuple[type[models.Model], str], str]


def _field(model: type[models.Model] | None, name: str) -> Any:
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _pair(value: Any) -> tuple[Any, Any]:
    if isinstance(value, list):
        old, new = [*value, None, None][:2]
        return old, new
    return None, value


def _unset(value: Any) -> bool:
    return value in (None, "None", "", "null", "[]", "{}")


def _is_noise(field: Any, name: str) -> bool:
    """A record's number, or a relation auditlog lists by its manager's repr."""
    if field is None:
        return name == "id"
    return bool(field.auto_created or not field.concrete or getattr(field, "primary_key", False))


def _names_for(entries: list[LogEntry]) -> Names:
    """Each foreign key value on the page by its name, one query per related model."""
    wanted: dict[type[models.Model], set[str]] = defaultdict(set)
    for entry in entries:
        model = entry.content_type.model_class() if entry.content_type else None
        for name, value in (entry.changes or {}).items():
            field = _field(model, name)
            if field is None or not field.is_relation or _is_noise(field, name):
                continue
            for side in _pair(value):
                if not _unset(side):
                    wanted[field.related_model].add(str(side))
    names: Names = {}
    for related, numbers in wanted.items():
        for row in related._default_manager.filter(pk__in=numbers):
            names[(related, str(row.pk))] = _name_of(row)
    return names


def _name_of(row: models.Model) -> str:
    if hasattr(row, "get_username"):
        return row.get_username()
    name = getattr(row, "name", "")
    if name:
        return str(name)
    day = getattr(row, "date", None)
    kind = KINDS.get(row._meta.model_name or "", (str(row._meta.verbose_name),))[0]
    return f"{kind} of {date_text(day)}" if isinstance(day, dt.date) else kind


def _listed(value: str) -> list[str] | None:
    if not value.startswith("["):
        return None
    try:
        items = json.loads(value)
    except ValueError:
        return None
    return [str(item) for item in items] if isinstance(items, list) else None


def _text(field: Any, name: str, value: Any, names: Names) -> str:
    if _unset(value):
        return EMPTY
    value = str(value)
    if field is not None and field.is_relation:
        return names.get((field.related_model, value), "one no longer listed")
    items = _listed(value)
    if items is not None:
        return ", ".join(CATALOG.get(name, str)(item) for item in items)
    if name in CATALOG:
        return CATALOG[name](value)
    if isinstance(field, models.BooleanField):
        return {"True": "yes", "False": "no"}.get(value, value)
    return _when(field, value)


def _when(field: Any, value: str) -> str:
    try:
        if isinstance(field, models.DateTimeField):
            moment = dt.datetime.fromisoformat(value)
            return f"{date_text(moment.date())} {moment:%H:%M}"
        if isinstance(field, models.DateField):
            return date_text(value)
    except ValueError:
        pass
    return value


def _entry_changes(entry: LogEntry, names: Names) -> list[Change]:
    model = entry.content_type.model_class() if entry.content_type else None
    rows = []
    for name, value in sorted((entry.changes or {}).items()):
        field = _field(model, name)
        if _is_noise(field, name):
            continue
        old, new = (_text(field, name, side, names) for side in _pair(value))
        if old == new == EMPTY:
            continue
        rows.append((LABELS.get(name, name.replace("_", " ")), old, new))
    return rows


def change_rows(entries: list[LogEntry]) -> dict[int, list[Change]]:
    """``[("date", "2 Nov 2026", "3 Nov 2026"), ...]`` by entry id."""
    names = _names_for(entries)
    return {entry.pk: _entry_changes(entry, names) for entry in entries}
