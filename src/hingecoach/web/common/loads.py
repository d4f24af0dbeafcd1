"""Logged loads as they were typed, and the load a form starts from.

A load is kept in the unit it was typed in (``load_logged``, ``load_unit``) as well as in
kilograms: shown in its own unit it reads back exactly, shown in the other unit it is
marked as a conversion (``40 kg (≈88 lb)``), since a converted figure is not a load a
gym has. A form starts each exercise from the last load logged, as the nearest load a
gym has in the team's unit, held inside today's prescribed range (see
docs/decisions/0038-loads-a-coach-can-lift-in-either-unit.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from hingecoach.core import present as say
from hingecoach.core.engine.loads import nearest
from hingecoach.web.catalog import web_catalog
from hingecoach.web.common.display import load_range, number


@dataclass(frozen=True)
class LoggedLoad:
    kg: Decimal
    typed: Decimal  # in ``unit``
    unit: str

    @classmethod
    def of(cls, row: Any) -> LoggedLoad | None:
        """A session row's load; a row kept before the typed load was has kilograms."""
        if row.load_kg is None:
            return None
        if row.load_logged is None:
            return cls(row.load_kg, row.load_kg, "kg")
        return cls(row.load_kg, row.load_logged, row.load_unit)

    def amount(self, unit: str) -> float:
        """In ``unit``: as typed in its own unit, else converted (not rounded)."""
        if unit == self.unit:
            return float(self.typed)
        return say.kg_to_lb(float(self.kg)) if unit == "lb" else float(self.kg)


def logged_text(row: Any, unit: str) -> str:
    """``44 lb`` as typed; in the other unit ``40 kg (≈88 lb)``; or ``body weight``."""
    load = LoggedLoad.of(row)
    if load is None:
        return say.NO_LOAD
    typed = f"{number(float(load.typed))} {load.unit}"
    if load.unit == unit:
        return typed
    converted = round(load.amount(unit)) if unit == "lb" else round(load.amount(unit), 1)
    return f"{typed} (≈{number(converted)} {unit})"


def start_load(prescription: Any, unit: str, last: LoggedLoad | None) -> float | None:
    """Where a form's load starts: the last load logged, as the nearest load a gym has in
    ``unit`` for the implement, held inside today's range; the range's bottom for an
    exercise never loaded. None for unloaded work."""
    window = load_range(prescription, unit)
    if window is None:
        return None
    if last is None:
        return float(window.min)
    wanted = last.amount(unit)
    grid = _grid(prescription.implement, unit)
    if grid is not None:
        wanted = nearest(grid, wanted)
    return float(min(max(wanted, window.min), window.max))


def _grid(implement: str | None, unit: str) -> Any:
    """The loads a gym has for ``implement``; a child's dowel work moves to a bar."""
    implements = web_catalog().thresholds.loads.implements
    grids = implements.get("barbell" if implement == "dowel" else implement)  # type: ignore[call-overload]
    return None if grids is None else getattr(grids, unit)
