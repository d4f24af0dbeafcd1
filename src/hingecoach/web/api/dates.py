"""A regular expression for the ISO dates between two days, so the OpenAPI document can
state what JSON Schema has no keyword for: not after today, an age of 5 to 110."""

from __future__ import annotations

import calendar
import datetime as dt

ANY_MONTH_DAY = r"(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"


def _alternatives(values: list[str]) -> str:
    return "(" + "|".join(values) + ")"


def _days(year: int, month: int, first: int, last: int) -> str:
    last = min(last, calendar.monthrange(year, month)[1])
    return f"{month:02d}-" + _alternatives([f"{d:02d}" for d in range(first, last + 1)])


def _part_year(year: int, start: dt.date, end: dt.date) -> str:
    """The days of ``year`` from ``start`` to ``end`` (both in that year)."""
    parts = [
        _days(year, m, start.day if m == start.month else 1, end.day if m == end.month else 31)
        for m in range(start.month, end.month + 1)
    ]
    return f"{year:04d}-" + _alternatives(parts)


def date_pattern(earliest: dt.date, latest: dt.date) -> str:
    """Matches YYYY-MM-DD from ``earliest`` to ``latest`` inclusive (with ``format: date``,
    which rules out days such as 02-30 in the years taken whole)."""
    if earliest.year == latest.year:
        return "^" + _part_year(earliest.year, earliest, latest) + "$"
    parts = [_part_year(earliest.year, earliest, dt.date(earliest.year, 12, 31))]
    whole = [f"{y:04d}" for y in range(earliest.year + 1, latest.year)]
    if whole:
        parts.append(_alternatives(whole) + "-" + ANY_MONTH_DAY)
    parts.append(_part_year(latest.year, dt.date(latest.year, 1, 1), latest))
    return "^" + _alternatives(parts) + "$"
