"""Kilograms and pounds for the human view. The JSON contract always stays in kilograms."""

from __future__ import annotations

from enum import StrEnum

from hingecoach.core.results import LoadKg

LB_PER_KG = 2.2046226218


class Units(StrEnum):
    kg = "kg"
    lb = "lb"


def _number(value: float) -> str:
    return f"{value:g}"


def to_unit(kg: float, units: Units) -> str:
    """One load in the chosen unit: kilograms as the catalog gives them, pounds to 1 lb."""
    if units is Units.lb:
        return str(round(kg * LB_PER_KG))
    return _number(kg)


def format_load(load: LoadKg | None, units: Units) -> str:
    """``20-40 kg``, ``44-88 lb``, one number when min and max agree, or ``unloaded``."""
    if load is None:
        return "unloaded"
    low, high = to_unit(load.min, units), to_unit(load.max, units)
    amount = low if low == high else f"{low}-{high}"
    return f"{amount} {units.value}"
