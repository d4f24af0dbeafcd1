"""A date axis that reads as a coach writes dates: "2 Nov" and "9 Nov" over a few weeks,
"Sep 2026", "Oct", "Nov" over months, "2025", "2026" over years.

matplotlib's concise formatter labels the same axes "02", "Dec", "09" with "2026-Dec" at
the corner. Here the ticks are matplotlib's own (``AutoDateLocator``); only their words
change, and the year is said once: on the first month and on each January, or at the
corner when the ticks are days.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from matplotlib.axes import Axes
from matplotlib.dates import AutoDateLocator, date2num, num2date
from matplotlib.ticker import Formatter

DAYS_BETWEEN_MONTH_TICKS = 28
DAYS_BETWEEN_YEAR_TICKS = 365


def _month(day: dt.date, with_year: bool) -> str:
    return f"{day:%b %Y}" if with_year else f"{day:%b}"


class NaturalDates(Formatter):
    """Tick labels by the spacing of the ticks: days, months or years."""

    def __init__(self) -> None:
        self.offset = ""

    def __call__(self, x: float, pos: int | None = None) -> str:
        day = num2date(x).date()
        return f"{day.day} {day:%b %Y}"

    def format_ticks(self, values: Sequence[float]) -> list[str]:
        days = [num2date(v).date() for v in values]
        step = (days[1] - days[0]).days if len(days) > 1 else 1
        self.offset = ""
        if step >= DAYS_BETWEEN_YEAR_TICKS:
            return [str(day.year) for day in days]
        if step >= DAYS_BETWEEN_MONTH_TICKS:
            return [_month(day, i == 0 or day.month == 1) for i, day in enumerate(days)]
        first, last = days[0].year, days[-1].year
        self.offset = str(first) if first == last else f"{first}–{last}"
        return [f"{day.day} {day:%b}" for day in days]

    def get_offset(self) -> str:
        return self.offset


def date_axis(ax: Axes, days: Sequence[dt.date]) -> None:
    """Ticks and words for an axis of ``days``, with a little room at each end."""
    ax.xaxis.set_major_locator(AutoDateLocator(minticks=3, maxticks=6))
    ax.xaxis.set_major_formatter(NaturalDates())
    first, last = min(days), max(days)
    pad = max((last - first).days * 0.06, 3)
    ax.set_xlim(date2num(first - dt.timedelta(days=pad)), date2num(last + dt.timedelta(days=pad)))
