"""The history charts' date axis reads as a coach writes dates, never "2026-Dec"."""

from __future__ import annotations

import datetime as dt

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from hingecoach.charts.dates import date_axis

D = dt.date


def _axis_words(first: dt.date, last: dt.date) -> tuple[list[str], str]:
    """The tick labels and the corner text of an axis from ``first`` to ``last``."""
    figure = Figure(figsize=(5, 2))
    FigureCanvasAgg(figure)
    ax = figure.add_subplot()
    ax.plot([first, last], [0, 1])
    date_axis(ax, [first, last])
    figure.canvas.draw()
    return [t.get_text() for t in ax.get_xticklabels()], ax.xaxis.get_offset_text().get_text()


@pytest.mark.parametrize(
    ("first", "last", "ticks", "corner"),
    [
        (D(2026, 11, 20), D(2026, 12, 5), ["22 Nov", "1 Dec", "8 Dec"], "2026"),
        (D(2026, 12, 5), D(2026, 12, 5), ["3 Dec", "5 Dec", "7 Dec"], "2026"),
        (D(2026, 12, 20), D(2027, 1, 12), ["22 Dec", "1 Jan", "8 Jan", "15 Jan"], "2026–2027"),
        (D(2026, 9, 1), D(2026, 12, 5), ["Sep 2026", "Oct", "Nov", "Dec"], ""),
        (D(2026, 3, 1), D(2027, 2, 5), ["Apr 2026", "Jul", "Oct", "Jan 2027"], ""),
        (D(2024, 3, 1), D(2026, 12, 5), ["2024", "2025", "2026", "2027"], ""),
    ],
)
def test_days_months_and_years_read_naturally(first, last, ticks, corner):
    assert _axis_words(first, last) == (ticks, corner)
