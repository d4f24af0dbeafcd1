"""Draw the hinge ladder: sub-categories as columns, levels as rows, themes as colours.

With an athlete's marks the chart also shows what is mastered (heavy green outline and a
check), today's options (gold, numbered best first) and what to avoid (greyed).
Matplotlib's Agg renderer is used through a bare ``Figure``: no GUI, no network, and only
the DejaVu fonts that ship with matplotlib.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import matplotlib
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from hingecoach.charts.boxes import draw_slot
from hingecoach.charts.frame import draw_columns, draw_rows
from hingecoach.charts.layout import Layout, ladder_layout
from hingecoach.charts.legend import draw_legends
from hingecoach.charts.marks import AthleteMarks
from hingecoach.charts.style import COLUMN_IN, FONT, MUTED, TEXT, UNIT_IN, WARNING
from hingecoach.core import Catalog

FORMATS = ("svg", "png")
LEFT_IN, RIGHT_IN, TOP_IN, BOTTOM_IN = 0.95, 0.25, 1.9, 1.25
WARNING_LINES = 5  # what fits between the subtitle and the chart
LINE_IN = 0.2
CHARS_PER_IN = 12  # at the warnings' 10 points
DPI = 160


def chart_format(out: Path) -> str | None:
    """``svg`` or ``png`` from the file's extension; None when not supported."""
    fmt = out.suffix.lower().lstrip(".")
    return fmt if fmt in FORMATS else None


def draw_ladder(catalog: Catalog, out: Path, marks: AthleteMarks | None = None) -> None:
    """Write the ladder chart to ``out`` (format from its extension)."""
    fmt = chart_format(out)
    if fmt is None:
        raise ValueError(f"unsupported chart format '{out.suffix}'")
    with matplotlib.rc_context(FONT):
        figure = ladder_figure(catalog, marks)
        figure.savefig(
            out,
            format=fmt,
            dpi=DPI,
            facecolor="white",
            metadata={"Date": None} if fmt == "svg" else None,
        )


def ladder_figure(catalog: Catalog, marks: AthleteMarks | None) -> Figure:
    layout = ladder_layout(catalog)
    width = LEFT_IN + COLUMN_IN * len(layout.columns) + RIGHT_IN
    height = top_in(marks, width) + UNIT_IN * layout.height + BOTTOM_IN
    figure = Figure(figsize=(width, height))
    ax = figure.add_axes(
        (
            LEFT_IN / width,
            BOTTOM_IN / height,
            COLUMN_IN * len(layout.columns) / width,
            UNIT_IN * layout.height / height,
        )
    )
    draw_chart(ax, layout, marks)
    draw_title(figure, marks, top=1 - 0.22 / height)
    draw_legends(figure, marks, top=(BOTTOM_IN - 0.15) / height)
    return figure


def draw_chart(ax: Axes, layout: Layout, marks: AthleteMarks | None) -> None:
    ax.set_xlim(0, len(layout.columns))
    ax.set_ylim(0, layout.height)
    ax.set_axis_off()
    draw_rows(ax, layout)
    draw_columns(ax, layout)
    for slot in layout.slots:
        draw_slot(ax, slot, marks)


def draw_title(figure: Figure, marks: AthleteMarks | None, top: float) -> None:
    left = 0.25 / figure.get_figwidth()
    title = "Hinge ladder"
    if marks is not None:
        title += f"  ·  athlete at stage: {marks.stage.replace('-', ' ')}"
    figure.text(left, top, title, fontsize=17, fontweight="bold", color=TEXT, va="top")
    figure.text(
        left,
        top - 0.3 / figure.get_figheight(),
        subtitle(marks),
        fontsize=10,
        color=MUTED,
        va="top",
    )
    lines = warning_lines(marks, figure.get_figwidth())
    if lines:
        figure.text(
            left,
            top - 0.62 / figure.get_figheight(),
            "\n".join(lines),
            fontsize=10,
            color=WARNING,
            va="top",
            linespacing=1.3,
        )


def top_in(marks: AthleteMarks | None, width_in: float) -> float:
    """The margin above the chart: the title, and today's warnings when there are some."""
    return TOP_IN + LINE_IN * len(warning_lines(marks, width_in))


def warning_lines(marks: AthleteMarks | None, width_in: float) -> list[str]:
    """Today's warnings, each wrapped to the figure's width, at most ``WARNING_LINES``."""
    lines: list[str] = []
    for warning in marks.warnings if marks is not None else ():
        chars = int((width_in - 0.5) * CHARS_PER_IN)
        lines += textwrap.wrap(f"! {warning}", chars, subsequent_indent="  ")
    if len(lines) > WARNING_LINES:
        lines = [*lines[: WARNING_LINES - 1], lines[WARNING_LINES - 1] + " ..."]
    return lines


def subtitle(marks: AthleteMarks | None) -> str:
    base = "Sub-categories left to right; levels rise from 1 at the bottom; colour shows the theme."
    if marks is None:
        return base
    return (
        f"{base}  Mastered: {len(marks.mastered)}, options today: {len(marks.today)}, "
        f"avoid: {len(marks.avoid)}."
    )
