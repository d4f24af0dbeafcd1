"""The hinge ladder as a grid for a page: sub-categories as columns, levels as rows.

The geometry comes from ``hingecoach.charts.layout`` (the same columns and cells as the
drawn chart); this module only adds one athlete's marks for the template.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from hingecoach.charts.layout import Column, cells_of, columns_of
from hingecoach.core import Catalog
from hingecoach.core.catalog import Exercise


@dataclass(frozen=True)
class Mark:
    exercise: Exercise
    mastered: bool = False
    option: int | None = None  # 1 = today's best option
    avoided: bool = False


@dataclass(frozen=True)
class LadderRow:
    level: int
    cells: list[list[Mark]]


@dataclass(frozen=True)
class Ladder:
    columns: list[Column]
    rows: list[LadderRow]  # highest level first, as a ladder is climbed upward


def ladder_grid(
    catalog: Catalog,
    *,
    mastered: Iterable[str] = (),
    today: Iterable[str] = (),
    avoid: Iterable[str] = (),
) -> Ladder:
    columns = columns_of(catalog)
    cells = cells_of(catalog, columns)
    mastered, today, avoid = set(mastered), list(today), set(avoid)
    top = max((level for level, _ in cells), default=1)

    def mark(ex: Exercise) -> Mark:
        option = today.index(ex.id) + 1 if ex.id in today else None
        return Mark(ex, ex.id in mastered, option, ex.id in avoid)

    rows = [
        LadderRow(level, [[mark(ex) for ex in cells.get((level, c.index), [])] for c in columns])
        for level in range(top, 0, -1)
    ]
    return Ladder(columns, rows)


def exercises_by_column(catalog: Catalog) -> list[tuple[str, list[Exercise]]]:
    """Every exercise under its ladder column's name, simplest first."""
    columns = columns_of(catalog)
    names = {c.id: c.name for c in columns}
    groups: dict[str, list[Exercise]] = {c.id: [] for c in columns}
    for exercise in catalog:
        groups.setdefault(exercise.subcategory, []).append(exercise)
    return [(names.get(key, key), items) for key, items in groups.items() if items]
