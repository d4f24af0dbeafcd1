"""Sizes, colours and line styles of the ladder chart, in one place."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.typing import LineStyleType, RcKeyType

COLUMN_IN = 2.0
UNIT_IN = 0.7
ASPECT = COLUMN_IN / UNIT_IN  # one column is this many level units wide, in inches

THEME_FILL = {
    "corrective": "#cfe3f5",
    "fundamental": "#d3ecd0",
    "challenge": "#fde2c4",
    "mastery": "#e4d5f1",
}
THEME_EDGE = {
    "corrective": "#2f6ea8",
    "fundamental": "#3d8a3a",
    "challenge": "#c46a12",
    "mastery": "#7546a3",
}
# The theme hues darkened for text: white on them, or them on THEME_FILL, reads at 4.5:1
# or more (WCAG AA for small text), as a card's head and headings need.
THEME_INK = {
    "corrective": "#255a8a",
    "fundamental": "#276b25",
    "challenge": "#96490a",
    "mastery": "#6a3d96",
}
ROLE_LINESTYLE: dict[str, LineStyleType] = {
    "drill": (0, (3.5, 2.2)),
    "exercise": "solid",
    "test": "solid",
}

TEXT = "#1f2933"
MUTED = "#7b8794"
WARNING = "#b42318"
GRID = "#d9dee4"
ROW_SHADE = ("#ffffff", "#f5f7fa")
AVOID_FILL = "#f0f2f4"
AVOID_EDGE = "#b3bcc6"
AVOID_HATCH = "#dde2e7"
AVOID_TEXT = "#7b8794"
MASTERED = "#1b7a3a"
TODAY = "#e0a800"
TODAY_BADGE = "#9a6b00"

FONT: dict[RcKeyType, Any] = {
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "svg.fonttype": "path",
    "svg.hashsalt": "hingecoach",
    "axes.unicode_minus": False,
    "hatch.linewidth": 0.8,
}
