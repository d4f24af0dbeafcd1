"""Where each exercise sits on the ladder chart: pure geometry, no drawing.

Sub-categories are columns (in the programme's order), levels are rows (level 1 at the
bottom). A row is as tall as its fullest cell, so exercises sharing a cell stack without
overlapping. Units: one column is 1 wide, one stacked box is 1 tall.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from hingecoach.core import Catalog
from hingecoach.core.catalog import Exercise

ROW_PAD = 0.3


@dataclass(frozen=True)
class Column:
    index: int
    id: str
    name: str
    category: str


@dataclass(frozen=True)
class Row:
    level: int
    bottom: float
    top: float


@dataclass(frozen=True)
class Slot:
    """One exercise's place: the column it is in and the bottom of its box."""

    exercise: Exercise
    column: int
    bottom: float


@dataclass(frozen=True)
class Layout:
    columns: list[Column]
    rows: list[Row]
    slots: list[Slot]

    @property
    def height(self) -> float:
        return self.rows[-1].top if self.rows else 0.0


def columns_of(catalog: Catalog) -> list[Column]:
    return [
        Column(i, sub.id, sub.name, sub.category)
        for i, sub in enumerate(catalog.programme.subcategories)
    ]


def cells_of(catalog: Catalog, columns: list[Column]) -> dict[tuple[int, int], list[Exercise]]:
    """Exercises by (level, column index); within a cell the simplest comes first (lowest)."""
    index = {column.id: column.index for column in columns}
    cells: dict[tuple[int, int], list[Exercise]] = defaultdict(list)
    for exercise in catalog:
        cells[(exercise.level, index[exercise.subcategory])].append(exercise)
    return cells


def ladder_layout(catalog: Catalog) -> Layout:
    columns = columns_of(catalog)
    cells = cells_of(catalog, columns)
    top_level = max((level for level, _ in cells), default=1)
    rows: list[Row] = []
    slots: list[Slot] = []
    bottom = 0.0
    for level in range(1, top_level + 1):
        depth = max((len(cells.get((level, c.index), [])) for c in columns), default=0)
        top = bottom + max(depth, 1) + 2 * ROW_PAD
        rows.append(Row(level, bottom, top))
        for column in columns:
            for n, exercise in enumerate(cells.get((level, column.index), [])):
                slots.append(Slot(exercise, column.index, bottom + ROW_PAD + n))
        bottom = top
    return Layout(columns, rows, slots)
