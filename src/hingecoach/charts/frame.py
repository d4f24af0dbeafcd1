"""The chart's frame: shaded level rows with their labels, column rules and headers."""

from __future__ import annotations

import textwrap
from itertools import groupby

from matplotlib.axes import Axes
from matplotlib.patches import Rectangle

from hingecoach.charts.layout import Layout
from hingecoach.charts.style import GRID, MUTED, ROW_SHADE, TEXT


def draw_rows(ax: Axes, layout: Layout) -> None:
    width = len(layout.columns)
    for row in layout.rows:
        ax.add_patch(
            Rectangle(
                (0, row.bottom),
                width,
                row.top - row.bottom,
                facecolor=ROW_SHADE[row.level % 2],
                edgecolor="none",
                zorder=0,
            )
        )
        ax.axhline(row.bottom, color=GRID, linewidth=0.8, zorder=1)
        ax.text(
            -0.06,
            (row.bottom + row.top) / 2,
            f"Level {row.level}",
            ha="right",
            va="center",
            fontsize=10,
            fontweight="bold",
            color=TEXT,
            clip_on=False,
        )
    ax.axhline(layout.height, color=GRID, linewidth=0.8, zorder=1)


def draw_columns(ax: Axes, layout: Layout) -> None:
    top = layout.height
    for column in layout.columns:
        ax.axvline(column.index, color=GRID, linewidth=0.8, zorder=1)
        ax.text(
            column.index + 0.5,
            top + 0.18,
            textwrap.fill(column.name, 18),
            ha="center",
            va="bottom",
            fontsize=10,
            fontweight="bold",
            color=TEXT,
            clip_on=False,
        )
    ax.axvline(len(layout.columns), color=GRID, linewidth=0.8, zorder=1)
    draw_categories(ax, layout)


def draw_categories(ax: Axes, layout: Layout) -> None:
    """A bracket over the columns of each category (hinge, single-leg, knee-flexion)."""
    y = layout.height + 1.05
    for category, group in groupby(layout.columns, key=lambda c: c.category):
        columns = list(group)
        left, right = columns[0].index + 0.06, columns[-1].index + 0.94
        ax.plot([left, right], [y, y], color=MUTED, linewidth=1.2, clip_on=False)
        ax.text(
            (left + right) / 2,
            y + 0.1,
            category.replace("-", " ").upper(),
            ha="center",
            va="bottom",
            fontsize=8,
            color=MUTED,
            clip_on=False,
        )
