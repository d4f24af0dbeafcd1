"""The gym load nearest a load lifted in the other unit: a plate step or a bell size."""

from __future__ import annotations

import pytest

from hingecoach.core import default_catalog
from hingecoach.core.engine.loads import nearest

GRIDS = default_catalog().thresholds.loads.implements


@pytest.mark.parametrize(
    ("implement", "unit", "value", "expected"),
    [
        ("barbell", "lb", 88.18, 90),  # 40 kg on a pound bar
        ("barbell", "lb", 87.5, 85),  # a tie goes to the lighter load
        ("barbell", "kg", 19.96, 20),  # 44 lb on a kilogram bar
        ("kettlebell", "lb", 35.27, 35),  # a 16 kg bell is the 35 lb bell
        ("kettlebell", "kg", 26.0, 24),  # halfway between two bells: the lighter
        ("kettlebell", "lb", 200.0, 106),  # above the heaviest bell: the heaviest
        ("dumbbell", "kg", 23.0, 22),
    ],
)
def test_nearest_is_the_closest_gym_load(implement, unit, value, expected):
    assert nearest(getattr(GRIDS[implement], unit), value) == expected
