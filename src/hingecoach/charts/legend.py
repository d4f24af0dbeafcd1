"""The legends under the chart: theme colours, role borders and the athlete's marks."""

from __future__ import annotations

from matplotlib.artist import Artist
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from hingecoach.charts.marks import AthleteMarks
from hingecoach.charts.style import (
    AVOID_EDGE,
    AVOID_FILL,
    AVOID_HATCH,
    MASTERED,
    ROLE_LINESTYLE,
    TEXT,
    THEME_EDGE,
    THEME_FILL,
    TODAY,
)
from hingecoach.core.catalog.schema import THEMES


def theme_handles() -> list[Artist]:
    return [
        Patch(facecolor=THEME_FILL[t], edgecolor=THEME_EDGE[t], label=t.capitalize())
        for t in THEMES
    ]


def role_handles() -> list[Artist]:
    def role(name: str, label: str) -> Patch:
        return Patch(
            facecolor="white",
            edgecolor=TEXT,
            linestyle=ROLE_LINESTYLE[name],
            linewidth=1.3,
            label=label,
        )

    return [
        role("exercise", "Exercise (solid)"),
        role("drill", "Drill (dashed)"),
        Line2D(
            [],
            [],
            color=TEXT,
            marker="s",
            markersize=9,
            markerfacecolor="white",
            markeredgewidth=2.2,
            linestyle="none",
            label="Test (double border)",
        ),
    ]


def athlete_handles() -> list[Artist]:
    def dot(colour: str, label: str) -> Line2D:
        return Line2D(
            [],
            [],
            marker="o",
            markersize=9,
            markerfacecolor=colour,
            markeredgecolor="white",
            linestyle="none",
            label=label,
        )

    return [
        dot(MASTERED, "Mastered (✓, green outline)"),
        dot(TODAY, "Option today (numbered, best first)"),
        Patch(
            facecolor=AVOID_FILL,
            edgecolor=AVOID_EDGE,
            hatch="////",
            hatchcolor=AVOID_HATCH,
            label="Avoid today (greyed)",
        ),
    ]


def draw_legends(figure: Figure, marks: AthleteMarks | None, top: float) -> None:
    groups = [("Theme", theme_handles(), 2), ("Role", role_handles(), 1)]
    if marks is not None:
        groups.append(("This athlete", athlete_handles(), 1))
    lefts = [0.06, 0.36, 0.60]
    for left, (title, handles, columns) in zip(lefts, groups, strict=False):
        legend = figure.legend(
            handles=handles,
            title=title,
            loc="upper left",
            ncol=columns,
            bbox_to_anchor=(left, top),
            frameon=False,
            fontsize=9,
            title_fontproperties={"weight": "bold", "size": 9.5},
            alignment="left",
            handlelength=2.2,
        )
        figure.add_artist(legend)
