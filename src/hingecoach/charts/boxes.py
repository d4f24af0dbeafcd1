"""One exercise box: theme fill, role border, and the athlete's marks on top."""

from __future__ import annotations

import textwrap
from typing import Any

from matplotlib.axes import Axes
from matplotlib.patches import FancyBboxPatch

from hingecoach.charts.layout import Slot
from hingecoach.charts.marks import AthleteMarks
from hingecoach.charts.style import (
    ASPECT,
    AVOID_EDGE,
    AVOID_FILL,
    AVOID_HATCH,
    AVOID_TEXT,
    MASTERED,
    MUTED,
    ROLE_LINESTYLE,
    TEXT,
    THEME_EDGE,
    THEME_FILL,
    TODAY,
    TODAY_BADGE,
)
from hingecoach.core.catalog import Exercise

INSET_X, INSET_Y = 0.06, 0.09
ROUND = "round,pad=0,rounding_size=0.05"


def _box(ax: Axes, x: float, y: float, w: float, h: float, **style: Any) -> None:
    ax.add_patch(FancyBboxPatch((x, y), w, h, boxstyle=ROUND, mutation_aspect=ASPECT, **style))


def caption(exercise: Exercise) -> str:
    """The small line under the name: role, and reduced range or no hinge where so."""
    parts: list[str] = [exercise.role]
    if exercise.range == "reduced":
        parts.append("reduced range")
    if not exercise.hinge:
        parts.append("no hinge")
    return " · ".join(parts)


def draw_slot(ax: Axes, slot: Slot, marks: AthleteMarks | None) -> None:
    ex = slot.exercise
    x, y = slot.column + INSET_X, slot.bottom + INSET_Y
    w, h = 1 - 2 * INSET_X, 1 - 2 * INSET_Y
    avoided = marks is not None and ex.id in marks.avoid
    number = marks.option_number(ex.id) if marks else None
    mastered = marks is not None and ex.id in marks.mastered
    if number is not None:
        _box(
            ax,
            x - 0.025,
            y - 0.06,
            w + 0.05,
            h + 0.12,
            facecolor=TODAY,
            edgecolor="none",
            alpha=0.9,
            zorder=2,
        )
    draw_body(ax, ex, (x, y, w, h), avoided, mastered)
    draw_label(ax, ex, (x, y, w, h), avoided)
    if mastered:
        badge(ax, x + w - 0.03, y + h - 0.04, "✓", MASTERED)
    if number is not None:
        badge(ax, x + 0.03, y + h - 0.04, str(number), TODAY_BADGE)


def draw_body(
    ax: Axes, ex: Exercise, rect: tuple[float, float, float, float], avoided: bool, mastered: bool
) -> None:
    x, y, w, h = rect
    edge = AVOID_EDGE if avoided else (MASTERED if mastered else THEME_EDGE[ex.theme])
    width = 2.6 if mastered else 1.3
    _box(
        ax,
        x,
        y,
        w,
        h,
        facecolor=AVOID_FILL if avoided else THEME_FILL[ex.theme],
        edgecolor=edge,
        linewidth=width,
        linestyle=ROLE_LINESTYLE[ex.role],
        hatch="////" if avoided else None,
        hatchcolor=AVOID_HATCH,
        zorder=3,
    )
    if ex.role == "test":
        _box(
            ax,
            x + 0.025,
            y + 0.045,
            w - 0.05,
            h - 0.09,
            facecolor="none",
            edgecolor=edge,
            linewidth=1.0,
            zorder=4,
        )


def draw_label(
    ax: Axes, ex: Exercise, rect: tuple[float, float, float, float], avoided: bool
) -> None:
    x, y, w, h = rect
    name = textwrap.fill(ex.name, 22)
    two_lines = "\n" in name
    ax.text(
        x + w / 2,
        y + h * (0.64 if two_lines else 0.6),
        name,
        ha="center",
        va="center",
        fontsize=8.5,
        fontweight="bold",
        color=AVOID_TEXT if avoided else TEXT,
        linespacing=1.05,
        zorder=5,
    )
    ax.text(
        x + w / 2,
        y + h * (0.15 if two_lines else 0.2),
        caption(ex),
        ha="center",
        va="center",
        fontsize=7,
        color=AVOID_TEXT if avoided else MUTED,
        zorder=5,
        style="italic",
    )


def badge(ax: Axes, x: float, y: float, text: str, colour: str) -> None:
    ax.plot(
        [x],
        [y],
        marker="o",
        markersize=12,
        markerfacecolor=colour,
        markeredgecolor="white",
        markeredgewidth=1.0,
        zorder=6,
    )
    ax.text(
        x,
        y,
        text,
        ha="center",
        va="center_baseline",
        fontsize=7,
        fontweight="bold",
        color="white",
        zorder=7,
    )
