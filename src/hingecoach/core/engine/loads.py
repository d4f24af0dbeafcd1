"""Loads a gym has: a catalog range in kilograms made into plates, bells or dumbbells.

Each unit is worked out on its own from the catalog's kilograms: the range is converted
to pounds first and then rounded to the pound grid, never rounded in kilograms and
converted after, except that an end which is itself a kilogram kettlebell is that bell's
pound size (``same_bells``). The grids and the tolerance are data (thresholds.yaml,
``loads``).
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Mapping
from typing import NamedTuple

from hingecoach.core.catalog.schema import Exercise, Grid, Implement, LoadThresholds
from hingecoach.core.present import LB_PER_KG, Units

_EPS = 1e-9


def up(grid: Grid, value: float) -> float | None:
    """The lightest grid load at or above ``value`` (None above the heaviest bell)."""
    if grid.step is not None:
        return round(math.ceil(value / grid.step - _EPS) * grid.step, 6)
    sizes = grid.sizes or []
    at = bisect.bisect_left(sizes, value - _EPS)
    return sizes[at] if at < len(sizes) else None


def down(grid: Grid, value: float) -> float:
    """The heaviest grid load at or below ``value`` (0 below the lightest bell)."""
    if grid.step is not None:
        return max(0.0, round(math.floor(value / grid.step + _EPS) * grid.step, 6))
    sizes = grid.sizes or []
    at = bisect.bisect_right(sizes, value + _EPS)
    return sizes[at - 1] if at else 0.0


def nearest(grid: Grid, value: float) -> float:
    """The grid load closest to ``value``, the lighter of two as close."""
    low, high = down(grid, value), up(grid, value)
    if high is None or value - low <= high - value + _EPS:
        return low
    return high


def steps_above(grid: Grid, value: float, steps: int) -> float:
    """The load ``steps`` grid loads above ``value`` (which is on the grid)."""
    if grid.step is not None:
        return round(value + steps * grid.step, 6)
    sizes = grid.sizes or []
    at = min(len(sizes) - 1, bisect.bisect_left(sizes, value - _EPS) + steps)
    return sizes[at] if sizes else value


class Window(NamedTuple):
    """A load range in one unit, both ends loads a gym has."""

    min: float
    max: float


class Ask(NamedTuple):
    """What a prescription wants from the catalog's range (in kilograms); every option
    makes one or two, and a named tuple is cheaper to make and to look up by than a
    frozen dataclass."""

    low_kg: float
    high_kg: float
    bottom: bool = False
    steps: int = 0
    cap_kg: float | None = None


def window(
    ask: Ask,
    grid: Grid,
    units: Units,
    tolerance: float,
    bells: Mapping[float, float] | None = None,
) -> Window:
    """The gym loads for ``ask`` in ``units``: the range rounded inwards (its bottom may
    sit up to the tolerance lower: 12 kg is a 26 lb bell), the bottom alone if asked
    (a start-low path: rounded down where the gym lacks it, ``start_low``),
    ``steps`` loads up, and never above the range's top or the cap. ``bells`` names the
    size in ``units`` of each kilogram bell: an end that is one of them is that bell."""
    factor = LB_PER_KG if units == "lb" else 1.0
    bells = bells or {}
    top = bells.get(ask.high_kg, down(grid, ask.high_kg * factor))
    bottom = bells.get(ask.low_kg) or up(grid, ask.low_kg * factor * (1 - tolerance))
    bottom = top if bottom is None or bottom > top else bottom
    if ask.bottom:
        bottom = top = start_low(grid, ask.low_kg * factor, bottom, tolerance)
    if ask.steps:
        bottom = top = min(top, steps_above(grid, bottom, ask.steps))
    if ask.cap_kg is not None:
        top = min(top, capped(grid, ask.cap_kg, units, tolerance, bells))
        bottom = min(bottom, top)
    return Window(bottom, top)


def start_low(grid: Grid, low: float, rounded_up: float, tolerance: float) -> float:
    """A range's bottom on a start-low path. Where the gym lacks the bell it calls for
    (the one it rounds up to is more than the tolerance above it), the bell under it: a
    gym with 8 and 16 kg bells starts a 12 kg bottom at 8 kg, not a third heavier (the
    lightest bell when there is none under it). Plates and dumbbells come in small steps
    and a bar has a lightest load a range may not go under: they round as any range."""
    if grid.sizes is None or rounded_up <= low * (1 + tolerance) + _EPS:
        return rounded_up
    lower = down(grid, low)
    return lower if lower > 0 else rounded_up


def capped(
    grid: Grid,
    cap_kg: float,
    units: Units,
    tolerance: float,
    bells: Mapping[float, float] | None = None,
) -> float:
    """A logged load (``cap_kg``) as what was on the bar in a gym of ``units``: in
    kilograms the heaviest gym load no more than it; in pounds a kilogram bell is its own
    pound size (the 24 kg bell is the 53 lb one) and any other load the nearest step of
    the pound grid (20 kg logged is the 45 lb bar, never read as 44.1 lb and so as 40 lb).
    A pound bell more than the tolerance above it is no reading of it: the lighter one."""
    if units == "kg":
        return down(grid, cap_kg)
    bell = (bells or {}).get(cap_kg)
    if bell is not None:
        return bell
    lb = cap_kg * LB_PER_KG
    near = nearest(grid, lb)
    return near if grid.step is not None or near <= lb * (1 + tolerance) else down(grid, lb)


def under_gym_cap(
    kg: float, lb: float, cap_kg: float, implement: Implement, loads: LoadThresholds
) -> bool:
    """Whether a load of ``kg`` and ``lb`` is within ``cap_kg`` in both units, as a gym
    has the cap in each (what ``window`` holds a capped range to)."""
    return not over_gym_cap(kg, lb, cap_kg, implement, loads)


def over_gym_cap(
    kg: float, lb: float, cap_kg: float, implement: Implement, loads: LoadThresholds
) -> list[Units]:
    """The units in which a load of ``kg`` and ``lb`` is more than ``cap_kg`` as a gym in
    that unit had it on the bar (``capped``)."""
    over: list[Units] = []
    if kg > capped(loads.implements[implement].kg, cap_kg, "kg", loads.tolerance) + _EPS:
        over.append("kg")
    if lb > logged_lb(cap_kg, implement, loads) + _EPS:
        over.append("lb")
    return over


def logged_lb(cap_kg: float, implement: Implement, loads: LoadThresholds) -> float:
    """A logged load as a pound gym had it on the bar (``capped`` in pounds)."""
    grids = loads.implements[implement]
    return capped(grids.lb, cap_kg, "lb", loads.tolerance, grids.pound_bells())


def gym_windows(ask: Ask, implement: Implement, loads: LoadThresholds) -> dict[Units, Window]:
    grids = loads.implements[implement]
    return {
        "kg": window(ask, grids.kg, "kg", loads.tolerance),
        "lb": window(ask, grids.lb, "lb", loads.tolerance, grids.pound_bells()),
    }


def band_windows(
    exercise: Exercise, band: str, loads: LoadThresholds
) -> dict[Units, Window] | None:
    """The catalog's whole range for an age band as gym loads (None: unloaded)."""
    rng = getattr(exercise.loads, band)
    if rng is None or exercise.loads.implement is None:
        return None
    return gym_windows(Ask(rng.min, rng.max), exercise.loads.implement, loads)
