"""An athlete's history as charts drawn on the server: matplotlib (Agg) to inline SVG.

No JavaScript chart library: each function returns an ``<svg>`` element ready to place
in a page (ids prefixed so several charts can share one page), or ``None`` when there is
nothing to draw yet. Figures are built with a bare ``Figure`` (no pyplot state), so
requests drawing at the same time do not share anything.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from django.core.cache import cache
from matplotlib import rc_context
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from hingecoach.charts.dates import date_axis
from hingecoach.web.catalog import web_catalog
from hingecoach.web.common.display import exercise_name, fault_name, kg_to_unit

TEXT, MUTED, GRID = "#1f2933", "#616e7c", "#e4e7eb"
PASS, FAIL = "#1b7a3a", "#b42318"
DURING, MORNING, NOW = "#1f2933", "#7546a3", "#8a95a3"
ZONES = ("#e3f4e6", "#fff3d6", "#fde4e1")  # safe, acceptable, too much
SERIES = ("#2f6ea8", "#c46a12", "#3d8a3a", "#7546a3", "#0f766e", "#b42318", "#8a6500")
WIDTH_IN = 5.0  # 360 pt: about one CSS pixel per point on a phone
FONT = 10.5


def _figure(
    height_in: float, *, left_in: float = 0.55, bottom_in: float = 1.0
) -> tuple[Figure, Axes]:
    """A chart with fixed margins in inches: an automatic layout engine would triple the
    cost of drawing (it measures every label)."""
    figure = Figure(figsize=(WIDTH_IN, height_in))
    figure.subplots_adjust(
        left=left_in / WIDTH_IN,
        right=1 - 0.15 / WIDTH_IN,
        bottom=bottom_in / height_in,
        top=1 - 0.12 / height_in,
    )
    FigureCanvasAgg(figure)
    ax = figure.add_subplot()
    ax.tick_params(labelsize=FONT, colors=MUTED, length=0)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.spines["bottom"].set_color(GRID)
    return figure, ax


def to_svg(figure: Figure, name: str, label: str) -> str:
    """The figure as an inline ``<svg>``: sized by CSS, ids unique to ``name``."""
    buffer = io.StringIO()
    # Text stays text (the page's font draws it): smaller and quicker than glyph paths.
    with rc_context({"svg.fonttype": "none"}):
        figure.savefig(buffer, format="svg", facecolor="white", metadata={"Date": None})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r'\bid="([^"]+)"', rf'id="{name}-\1"', svg)
    svg = svg.replace("url(#", f"url(#{name}-").replace('href="#', f'href="#{name}-')
    svg = re.sub(
        r'<svg([^>]*?) width="[^"]+" height="[^"]+"',
        rf'<svg\1 class="chart" role="img" aria-label="{label}"',
        svg,
        count=1,
    )
    return svg


def test_timeline(tests: Iterable[Any]) -> str | None:
    """Each bodyweight hinge test by date: a green dot when passed, a red cross per fault."""
    tests = sorted(tests, key=lambda t: (t.date, t.id))
    if not tests:
        return None
    faults = list(web_catalog().faults)
    rows = ["Passed", *(fault_name(f) for f in faults)]
    figure, ax = _figure(0.9 + 0.3 * len(rows), left_in=1.95, bottom_in=0.45)
    ax.set_yticks(range(len(rows)), rows)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.grid(axis="y", color=GRID, linewidth=0.8)
    for test in tests:
        ax.axvline(test.date, color=GRID, linewidth=0.8, zorder=0)
        if not test.faults:
            ax.scatter([test.date], [0], s=70, color=PASS, zorder=3)
        for fault in test.faults:
            if fault in faults:
                ax.scatter(
                    [test.date], [faults.index(fault) + 1], s=70, marker="X", color=FAIL, zorder=3
                )
    date_axis(ax, [t.date for t in tests])
    return to_svg(figure, "tests", "Test-retest timeline: passed tests and faults seen by date")


def pain_chart(sessions: Iterable[Any], reports: Iterable[Any] = ()) -> str | None:
    """Pain during and the next morning per session, over the pain-monitoring zones."""
    sessions = sorted(sessions, key=lambda s: (s.date, s.id))
    reports = sorted(reports, key=lambda r: (r.date, r.id))
    during = [(s.date, s.pain_during) for s in sessions if s.pain_during is not None]
    morning = [(s.date, s.pain_next_morning) for s in sessions if s.pain_next_morning is not None]
    now = [(r.date, r.nrs) for r in reports]
    if not (during or morning or now):
        return None
    pain = web_catalog().thresholds.pain
    figure, ax = _figure(2.7)
    for low, high, colour in zip(
        (0, pain.safe_max, pain.during_max),
        (pain.safe_max, pain.during_max, 10),
        ZONES,
        strict=True,
    ):
        ax.axhspan(low, high, color=colour, zorder=0, linewidth=0)
    _line(ax, during, DURING, "During", "o", "-")
    _line(ax, morning, MORNING, "Next morning", "s", "--")
    if now:
        days, levels = zip(*now, strict=True)
        ax.scatter(days, levels, color=NOW, marker="D", s=28, label="Pain now", zorder=3)
    ax.set_ylim(0, 10)
    ax.set_yticks([0, 2, 5, 10])
    ax.set_ylabel("Pain (0–10)", fontsize=FONT, color=MUTED)
    date_axis(ax, [d for d, _ in during + morning + now])
    _legend(ax)
    return to_svg(figure, "pain", "Pain during and next morning by session date")


def loads_chart(sessions: Iterable[Any], unit: str) -> str | None:
    """The load of each exercise over time, in the team's unit (the heaviest per session)."""
    series: dict[str, list[tuple[dt.date, float]]] = defaultdict(list)
    for session in sorted(sessions, key=lambda s: (s.date, s.id)):
        best: dict[str, float] = {}
        for row in session.exercises.all():
            if row.load_kg is not None:
                best[row.exercise] = max(best.get(row.exercise, 0.0), float(row.load_kg))
        for exercise, kg in best.items():
            series[exercise].append((session.date, kg_to_unit(kg, unit)))
    if not series:
        return None
    figure, ax = _figure(2.9)
    for index, (exercise, points) in enumerate(sorted(series.items())):
        _line(ax, points, SERIES[index % len(SERIES)], exercise_name(exercise), "o", "-")
    ax.grid(axis="y", color=GRID, linewidth=0.8)
    ax.set_ylim(bottom=0)
    ax.set_ylabel(f"Load ({unit})", fontsize=FONT, color=MUTED)
    date_axis(ax, [d for points in series.values() for d, _ in points])
    _legend(ax)
    return to_svg(figure, "loads", f"Loads over time per exercise, in {unit}")


def _line(
    ax: Axes, points: list[tuple[dt.date, float]], colour: str, label: str, marker: str, style: str
) -> None:
    if points:
        days, values = zip(*points, strict=True)
        ax.plot(
            days,
            values,
            color=colour,
            marker=marker,
            markersize=5,
            linestyle=style,
            linewidth=1.8,
            label=label,
            zorder=3,
        )


def _legend(ax: Axes) -> None:
    ax.legend(
        loc="upper center",
        bbox_to_anchor=(0.5, -0.16),
        ncols=3,
        frameon=False,
        fontsize=FONT,
        labelcolor=TEXT,
    )


# --- caching ----------------------------------------------------------------------------
# Drawing a chart costs over 100 ms of CPU; what it draws changes only when a record does.
# Each chart is cached under a digest of exactly the data it draws (and of this version).

CHART_VERSION = "3"
CHART_TTL_S = 30 * 24 * 3600


def cached(name: str, fingerprint: object, draw: Callable[[], str | None]) -> str | None:
    digest = hashlib.sha256(repr((CHART_VERSION, name, fingerprint)).encode()).hexdigest()
    key = f"chart:{name}:{digest}"
    svg = cache.get(key)
    if svg is None:
        svg = draw() or ""
        cache.set(key, svg, CHART_TTL_S)
    return svg or None


def tests_fingerprint(tests: Iterable[Any]) -> object:
    return sorted((t.date, t.id, tuple(t.faults)) for t in tests)


def pain_fingerprint(sessions: Iterable[Any], reports: Iterable[Any]) -> object:
    return (
        sorted((s.date, s.id, s.pain_during, s.pain_next_morning) for s in sessions),
        sorted((r.date, r.id, r.nrs) for r in reports),
    )


def loads_fingerprint(sessions: Iterable[Any], unit: str) -> object:
    rows = sorted(
        (s.date, s.id, e.exercise, str(e.load_kg)) for s in sessions for e in s.exercises.all()
    )
    return unit, rows
