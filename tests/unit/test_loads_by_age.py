"""Loads follow the catalog's range for the athlete's age band (youth below 18)."""

from __future__ import annotations

import pytest

from hingecoach.core import block, default_catalog, plan, recommend
from unit.builders import SERIES, case, catalog_range, failed, option, passed


@pytest.mark.parametrize("age", [8, 14, 17])
def test_a_youth_kneeling_good_morning_is_loaded_six_to_ten_kg(age):
    load = option(recommend(case(age)), "kneeling-good-morning").prescription.load_kg
    assert (load.min, load.max) == (6, 10)


@pytest.mark.parametrize("age", [18, 34, 70])
def test_an_adult_kneeling_good_morning_is_loaded_ten_to_fifteen_kg(age):
    load = option(recommend(case(age)), "kneeling-good-morning").prescription.load_kg
    assert (load.min, load.max) == (10, 15)


@pytest.mark.parametrize("age", [18, 45])
def test_an_adult_standing_good_morning_is_loaded_twenty_to_forty_kg(age):
    load = option(recommend(case(age)), "good-morning").prescription.load_kg
    assert (load.min, load.max) == (20, 40)


def test_a_youth_standing_good_morning_is_lighter_than_an_adults():
    youth = option(recommend(case(15)), "good-morning").prescription.load_kg
    adult = option(recommend(case(18)), "good-morning").prescription.load_kg
    assert youth.max < adult.max
    assert youth.min <= adult.min


def test_the_age_bands_split_at_eighteen():
    assert default_catalog().thresholds.age.adult_from == 18


def test_the_reason_for_a_load_names_the_age_band():
    gm = option(recommend(case(15)), "good-morning")
    assert any("youth" in r for r in gm.reasons)
    gm = option(recommend(case(40)), "good-morning")
    assert any("adult" in r for r in gm.reasons)


def test_a_standing_good_morning_is_never_loaded_like_a_five_kg_training_bar():
    for age in (12, 34):
        load = option(recommend(case(age)), "good-morning").prescription.load_kg
        assert load.min > 5


def test_unloaded_work_has_no_load():
    rec = recommend(case())
    assert option(rec, "kneeling-hip-hinge").prescription.load_kg is None


SCENARIOS = {
    "novice": dict(),
    "series mastered": dict(mastered=SERIES),
    "failed test": dict(tests=[failed("lumbar-flexion", "no-counterbalance")]),
    "passed": dict(mastered=[*SERIES, "romanian-deadlift", "nordic-hip-hinge"],
                   tests=[passed()]),
    "challenge": dict(mastered=[*SERIES, "romanian-deadlift", "nordic-hip-hinge",
                                "hex-bar-deadlift", "sumo-deadlift"], tests=[passed()],
                      goal="max-strength"),
    "pain-aware": dict(pain_nrs=4),
    "cannot kneel": dict(conditions=["cannot-kneel"], mastered=["hip-bridge", "good-morning"],
                         tests=[passed()], goal="hamstring-load"),
    "flare": dict(mastered=[*SERIES, "romanian-deadlift"], tests=[passed()],
                  last_session={"pain_during": 7}),
}


def _loaded_items(age, scenario):
    c = case(age, **SCENARIOS[scenario])
    yield from recommend(c).options
    yield from plan(c).session
    for week in block(c, 6).weeks:
        yield from week.session
        yield from week.if_pain_flare
        yield from week.if_retest_fails or []


@pytest.mark.parametrize("scenario", SCENARIOS)
@pytest.mark.parametrize("age", [9, 17, 18, 66])
def test_every_load_lies_inside_the_catalogs_range_for_the_age_band(age, scenario):
    for item in _loaded_items(age, scenario):
        load = item.prescription.load_kg
        rng = catalog_range(item.exercise, age)
        if rng is None:
            assert load is None, item.exercise
            continue
        assert load is not None, item.exercise
        assert rng.min <= load.min <= load.max <= rng.max, (item.exercise, load, rng)
