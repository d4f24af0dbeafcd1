"""Checks that name the field and the bad value, for forms, services and the API alike."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from django.core.exceptions import ValidationError

from hingecoach.core.case import EARLIEST as CASE_EARLIEST
from hingecoach.core.validation import quoted
from hingecoach.web.catalog import web_catalog

TSK_ITEMS = 11
# One set of limits for forms, the API and import (the core's where it has them).
AGE_RANGE = (5, 110)
NRS_RANGE = (0, 10)
TSK_RANGE = (11, 44)
SETS_RANGE = (1, 20)
REPS_RANGE = (1, 100)  # reps in a set that was done; a set of 0 reps was not done
LOAD_KG_RANGE = (0, 500)
NAME_MAX = 120
NOTES_MAX = 2000
EARLIEST = CASE_EARLIEST  # the core's first day on record
NOT_BLANK = r"\S"  # a name with something in it (the OpenAPI pattern too)
TEST_NOT_TRAINED = "'{value}' is a test, never trained: record it as a test, not in a session"


class RecordConflict(ValidationError):
    """A value that contradicts what is stored (a record dated before the athlete was
    born); the API answers it with 409."""


def known_ids(field: str, values: Iterable[str], kind: str) -> list[str]:
    """Ids all known to the catalog under ``kind`` (an attribute name), each named once
    (as in a CASE: ``faults[1]: 'toes-lift' is listed twice``)."""
    known = getattr(web_catalog(), kind)
    values = list(values)
    for index, value in enumerate(values):
        if value not in known:
            label = kind.rstrip("s").replace("_", " ")
            raise ValidationError({field: f"unknown {label} '{value}'"})
        if value in values[:index]:
            raise ValidationError({f"{field}[{index}]": f"'{value}' is listed twice"})
    return values


def trained(field: str, exercise: str) -> None:
    """An exercise a session can log: a test checks a skill and is never trained."""
    if web_catalog().exercises[exercise].role == "test":
        raise ValidationError({field: TEST_NOT_TRAINED.format(value=exercise)})


def cleared_by(field: str, value: str, *, conflict: bool = False) -> None:
    """Who gave a medical clearance: stored with it, so never blank. ``conflict``: the
    clearance is the one on record (a 409 in the API), not one given with this value."""
    if not re.search(NOT_BLANK, value):
        error = RecordConflict if conflict else ValidationError
        raise error({field: f"{quoted(value)} does not say who gave the medical clearance"})


def in_range(field: str, value: int | None, low: int, high: int) -> None:
    if value is not None and not low <= value <= high:
        raise ValidationError({field: f"{value} is not in the range {low}..{high}"})


def not_future(field: str, day: dt.date) -> None:
    if day > dt.date.today():
        raise ValidationError({field: f"{day.isoformat()} is in the future"})


def not_before_birth(field: str, day: dt.date | None, born: dt.date) -> None:
    if day is not None and day < born:
        raise RecordConflict(
            {field: f"{day.isoformat()} is before the athlete's date of birth ({born.isoformat()})"}
        )


def record_date(field: str, day: dt.date, born: dt.date) -> None:
    """A record's date: not in the future, not before the athlete was born."""
    not_future(field, day)
    not_before_birth(field, day, born)


def text(field: str, value: str, limit: int = NOTES_MAX) -> str:
    if len(value) > limit:
        raise ValidationError({field: f"{len(value)} characters is too long: at most {limit}"})
    if "\x00" in value:
        raise ValidationError({field: "must not contain NUL characters"})
    return value


def birth_range(today: dt.date) -> tuple[dt.date, dt.date]:
    """The earliest and latest dates of birth that give an age the engine accepts."""
    low, high = AGE_RANGE
    latest = _years_before(today, low)
    earliest = _years_before(today, high + 1) + dt.timedelta(days=1)
    return earliest, latest


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def birth_date(field: str, born: dt.date) -> None:
    """Ages the engine accepts: 5 to 110 years."""
    today = dt.date.today()
    if born > today:
        raise ValidationError(
            {field: f"{born.isoformat()} is in the future: give the date of birth"}
        )
    age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    low, high = AGE_RANGE
    if not low <= age <= high:
        raise ValidationError(
            {field: f"{born.isoformat()} gives an age of {age}; expected {low} to {high} years"}
        )


def tsk_items(field: str, items: list[int] | None) -> int | None:
    """The total of 11 item scores (1-4 each), or None when no items were given."""
    if not items:
        return None
    if len(items) != TSK_ITEMS:
        raise ValidationError({field: f"{len(items)} item scores given; expected {TSK_ITEMS}"})
    for number, score in enumerate(items, start=1):
        if isinstance(score, bool) or not 1 <= score <= 4:
            raise ValidationError({field: f"item {number}: {score} is not in the range 1..4"})
    return sum(items)
