"""The small ladder strip on each card: the whole ladder in miniature, this exercise solid,
its step down and step up outlined, everything else pale.

The geometry is the drawn chart's (``hingecoach.charts.layout``) and so are the colours
(``hingecoach.charts.style``); only the drawing, as a few SVG paths, is here. Boxes of
one style share one path, so a card's strip is a dozen elements, not a hundred.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from hingecoach.charts.layout import Layout, ladder_layout
from hingecoach.charts.style import THEME_EDGE, THEME_FILL
from hingecoach.core import Catalog
from hingecoach.core.catalog import Exercise

CELL_W, UNIT_H = 10.0, 3.0  # one column, one stacked box, in SVG units
LABEL_W = 5.0
PALE_FILL, PALE_EDGE, GRID, SHADE = "#eef1f4", "#c5ccd4", "#dfe4ea", "#f6f8fa"


@dataclass(frozen=True)
class Strip:
    svg: str  # safe markup, built from fixed numbers, colours and the escaped name only
    caption: str


def strip_layout(catalog: Catalog) -> Layout:
    """The ladder's geometry, computed once for a whole deck."""
    return ladder_layout(catalog)


def _rect(x: float, y: float, w: float, h: float) -> str:
    return f"M{x:.1f} {y:.1f}h{w:.1f}v{h:.1f}h{-w:.1f}z"


def ladder_strip(layout: Layout, exercise: Exercise) -> Strip:
    height = layout.height * UNIT_H
    width = LABEL_W + len(layout.columns) * CELL_W
    near = set(exercise.step_up) | set(exercise.step_down)
    parts = [
        f'<svg class="strip" viewBox="0 0 {width:g} {height:g}" '
        f'xmlns="http://www.w3.org/2000/svg" role="img" '
        f'aria-label="Where {escape(exercise.name)} sits on the hinge ladder">'
    ]
    parts += _frame(layout, width, height)
    pale: dict[bool, list[str]] = {True: [], False: []}  # drills (dashed) or not
    marked: list[str] = []
    for slot in layout.slots:
        ex = slot.exercise
        box = _rect(
            LABEL_W + slot.column * CELL_W + 0.8,
            height - (slot.bottom + 1) * UNIT_H + 0.35,
            CELL_W - 1.6,
            UNIT_H - 0.7,
        )
        if ex.id == exercise.id:
            marked.append(_shape(box, THEME_EDGE[ex.theme], "#1f2933", 0.6, False))
        elif ex.id in near:
            marked.insert(
                0, _shape(box, THEME_FILL[ex.theme], THEME_EDGE[ex.theme], 0.5, ex.role == "drill")
            )
        else:
            pale[ex.role == "drill"].append(box)
    parts += [
        _shape("".join(boxes), PALE_FILL, PALE_EDGE, 0.25, dashed)
        for dashed, boxes in pale.items()
        if boxes
    ]
    parts += marked
    parts.append("</svg>")
    column = next(c.name for c in layout.columns if c.id == exercise.subcategory)
    return Strip("".join(parts), f"Level {exercise.level} · {column}")


def _shape(path: str, fill: str, edge: str, width: float, dashed: bool) -> str:
    dash = ' stroke-dasharray="1 0.6"' if dashed else ""
    return f'<path d="{path}" fill="{fill}" stroke="{edge}" stroke-width="{width}"{dash}/>'


def _frame(layout: Layout, width: float, height: float) -> list[str]:
    shade = "".join(
        _rect(LABEL_W, height - row.top * UNIT_H, width - LABEL_W, (row.top - row.bottom) * UNIT_H)
        for row in layout.rows
        if row.level % 2 == 0
    )
    lines = "".join(
        f"M{LABEL_W + i * CELL_W:g} 0V{height:g}" for i in range(len(layout.columns) + 1)
    )
    labels = "".join(
        f'<text x="{LABEL_W - 1.2:g}" y="{height - (r.bottom + r.top) / 2 * UNIT_H + 1.1:.1f}">'
        f"{r.level}</text>"
        for r in layout.rows
    )
    return [
        f'<path d="{shade}" fill="{SHADE}"/>',
        f'<path d="{lines}" stroke="{GRID}" stroke-width="0.3" fill="none"/>',
        f'<g font-size="3" fill="#5b6775" text-anchor="end">{labels}</g>',
    ]
