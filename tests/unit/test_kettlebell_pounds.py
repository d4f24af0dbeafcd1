"""A range whose end is a kilogram kettlebell names that bell's common pound size.

A 24 kg bell is the 53 lb bell (24 kg is 52.9 lb); rounding the converted range down to
the pound grid would drop the top to the 20 kg bell's 44 lb.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from hingecoach.core import default_catalog, load_catalog, recommend
from hingecoach.core.present import LB_PER_KG
from unit.builders import case, option, passed

CATALOG = default_catalog()
BELLS = CATALOG.thresholds.loads.implements["kettlebell"]
PAIRS = list(zip(BELLS.kg.sizes or [], BELLS.lb.sizes or [], strict=True))
SLRDL = "single-leg-romanian-deadlift"
STRONG = case(
    30,
    mastered=["kneeling-hip-hinge", "kneeling-good-morning", "good-morning", SLRDL],
    tests=[passed()],
    goal="max-strength",
)


def _with_adult_range(catalog_dir: Path, low: float, high: float):
    path = catalog_dir / "exercises" / f"{SLRDL}.yaml"
    data = yaml.safe_load(path.read_text())
    data["loads"]["adult"] = {"min": low, "max": high}
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return load_catalog(catalog_dir)


def test_the_shipped_single_leg_rdl_reaches_the_53_lb_bell():
    rx = option(recommend(STRONG, CATALOG), SLRDL).prescription
    assert (rx.load_kg.min, rx.load_kg.max) == (8, 24)
    assert (rx.load_lb.min, rx.load_lb.max) == (18, 53)


@pytest.mark.parametrize(("kg", "lb"), PAIRS[1:], ids=[f"{kg:g}kg" for kg, _ in PAIRS[1:]])
def test_every_kilogram_bell_at_a_ranges_top_is_that_bells_pound_size(catalog_copy, kg, lb):
    catalog = _with_adult_range(catalog_copy, PAIRS[0][0], kg)
    rx = option(recommend(STRONG, catalog), SLRDL).prescription
    assert (rx.load_kg.min, rx.load_kg.max) == (PAIRS[0][0], kg)
    assert (rx.load_lb.min, rx.load_lb.max) == (PAIRS[0][1], lb)


@pytest.mark.parametrize(("kg", "lb"), PAIRS[:-1], ids=[f"{kg:g}kg" for kg, _ in PAIRS[:-1]])
def test_every_kilogram_bell_at_a_ranges_bottom_is_that_bells_pound_size(catalog_copy, kg, lb):
    catalog = _with_adult_range(catalog_copy, kg, PAIRS[-1][0])
    rx = option(recommend(STRONG, catalog), SLRDL).prescription
    assert (rx.load_lb.min, rx.load_lb.max) == (lb, PAIRS[-1][1])


def test_a_top_between_bells_stays_on_the_bell_below_it(catalog_copy):
    catalog = _with_adult_range(catalog_copy, 8, 26)  # 26 kg is no bell: 24 kg, 53 lb
    rx = option(recommend(STRONG, catalog), SLRDL).prescription
    assert (rx.load_kg.max, rx.load_lb.max) == (24, 53)


def test_each_pound_bell_is_its_kilogram_bells_nearest_common_size():
    tolerance = CATALOG.thresholds.loads.tolerance
    for kg, lb in PAIRS:
        assert abs(lb - kg * LB_PER_KG) <= tolerance * kg * LB_PER_KG, (kg, lb)


def test_a_barbells_pound_range_is_unchanged():
    rx = option(recommend(STRONG, CATALOG), "good-morning").prescription
    assert (rx.load_kg.min, rx.load_kg.max) == (20, 40)
    assert (rx.load_lb.min, rx.load_lb.max) == (45, 85)  # 40 kg is 88.2 lb: 85 lb, not 90
