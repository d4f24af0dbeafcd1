"""The ``--units`` choice. Every load's wording comes from ``hingecoach.core.present``;
the JSON contract's numbers carry their unit in their key (``load_kg``, ``load_lb``), and
only its sentences for a person (``why[].text``) follow the choice."""

from __future__ import annotations

from enum import StrEnum


class Units(StrEnum):
    kg = "kg"
    lb = "lb"
