"""The ``--units`` choice. Every load's wording comes from ``hingecoach.core.present``;
the JSON contract always stays in kilograms."""

from __future__ import annotations

from enum import StrEnum


class Units(StrEnum):
    kg = "kg"
    lb = "lb"
