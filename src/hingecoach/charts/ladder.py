"""Draw the hinge ladder: sub-categories as columns, levels as rows, themes as colours.

With an athlete's marks the chart also shows what is mastered (heavy green outline and a
check), today's options (gold, numbered best first) and what to avoid (greyed).
Matplotlib's Agg renderer is used through a bare ``Figure``: no GUI, no network, and only
the DejaVu fonts that ship with matplotlib.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from hingecoach.charts.boxes import draw_slot
from hingecoach.charts.frame import draw_columns, draw_rows
from hingecoach.charts.layout import Layout, ladder_layout
from hingecoach.charts.legend import draw_legends
from hingecoach.charts.marks import AthleteMarks
from hingecoach.charts.style import COLUMN_IN, FONT, MUTED, TEXT, UNIT_IN
from hingecoach.core import Catalog

FORMATS = ("svg", "png")
LEFT_IN, RIGHT_IN, TOP_IN, BOTTOM_IN = 0.95, 0.25, 1.9, 1.25
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
    height = TOP_IN + UNIT_IN * layout.height + BOTTOM_IN
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


def subtitle(marks: AthleteMarks | None) -> str:
    base = "Sub-categories left to right; levels rise from 1 at the bottom; colour shows the theme."
    if marks is None:
        return base
    return (
        f"{base}  Mastered: {len(marks.mastered)}, options today: {len(marks.today)}, "
        f"avoid: {len(marks.avoid)}."
    )
