"""The printouts' few own wordings; units, labels, loads and reasons come from
``hingecoach.core.present``, the one presentation module."""

from __future__ import annotations

from hingecoach.core.present import (
    PART_LABELS,
    ROLE_LABELS,
    UNITS,
    Units,
    rest_text,
    scheme_text,
)
from hingecoach.core.present import STAGE_HEADINGS as STAGE_LABELS
from hingecoach.core.present import units_of as _units_of
from hingecoach.printing.errors import PrintError

__all__ = [
    "PART_LABELS",
    "ROLE_LABELS",
    "STAGE_LABELS",
    "UNITS",
    "Units",
    "rest",
    "scheme",
    "units_of",
]


def units_of(value: str) -> Units:
    try:
        return _units_of(value)
    except ValueError as exc:
        raise PrintError("units", str(exc)) from None


def rest(seconds: int) -> str:
    return rest_text(seconds)


def scheme(reps: list[int], per_side: bool = False) -> str:
    """``3 × 10``, or ``10/8/6`` when the sets differ; ``each side`` when per side."""
    return scheme_text(reps, per_side, times=" × ")
