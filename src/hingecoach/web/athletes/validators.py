"""Checks that name the field and the bad value, for forms, services and the API alike."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError

from hingecoach.core import default_catalog

TSK_ITEMS = 11


def known_ids(field: str, values: Iterable[str], kind: str) -> list[str]:
    """Deduplicated ids, all known to the catalog under ``kind`` (an attribute name)."""
    known = getattr(default_catalog(), kind)
    values = list(dict.fromkeys(values))
    for value in values:
        if value not in known:
            label = kind.rstrip("s").replace("_", " ")
            raise ValidationError({field: f"unknown {label} '{value}'"})
    return values


def in_range(field: str, value: int | None, low: int, high: int) -> None:
    if value is not None and not low <= value <= high:
        raise ValidationError({field: f"{value} is not in the range {low}..{high}"})


def not_future(field: str, day: dt.date) -> None:
    if day > dt.date.today():
        raise ValidationError({field: f"{day.isoformat()} is in the future"})


def birth_date(field: str, born: dt.date) -> None:
    """Ages the engine accepts: 5 to 110 years."""
    today = dt.date.today()
    age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    if not 5 <= age <= 110:
        raise ValidationError({field: f"{born.isoformat()} gives an age of {age}; "
                                      "expected 5 to 110 years"})


def tsk_items(field: str, items: list[int] | None) -> int | None:
    """The total of 11 item scores (1-4 each), or None when no items were given."""
    if not items:
        return None
    if len(items) != TSK_ITEMS:
        raise ValidationError({field: f"{len(items)} item scores given; expected {TSK_ITEMS}"})
    for number, score in enumerate(items, start=1):
        if not 1 <= score <= 4:
            raise ValidationError({field: f"item {number}: {score} is not in the range 1..4"})
    return sum(items)
