"""Loads follow the catalog's range for the athlete's age band (youth below 18)."""

from __future__ import annotations

import pytest

from hingecoach.core import block, default_catalog, plan, recommend
from unit.builders import SERIES, case, catalog_range, failed, option, passed

CATALOG = default_catalog()


def did(exercise: str, load_kg: float | None = None) -> dict:
    """A last session (no flare) that logged ``exercise``: not a first session any more."""
    logged = {"exercise": exercise} | ({"load_kg": load_kg} if load_kg is not None else {})
    return {"pain_during": 0, "pain_next_morning": 0, "exercises": [logged]}


@pytest.mark.parametrize("age", [14, 17])
def test_a_youth_kneeling_good_morning_starts_at_the_lightest_bar_load_in_six_to_ten_kg(age):
    load = option(recommend(case(age), CATALOG), "kneeling-good-morning").prescription.load_kg
    assert (load.min, load.max) == (7.5, 7.5)


@pytest.mark.parametrize("age", [14, 17])
def test_a_youth_kneeling_good_morning_done_before_ranges_over_the_bar_loads_in_six_to_ten(age):
    c = case(age, last_session=did("kneeling-good-morning", 7.5))
    load = option(recommend(c, CATALOG), "kneeling-good-morning").prescription.load_kg
    assert (load.min, load.max) == (7.5, 10)


@pytest.mark.parametrize("age", [18, 34, 64])
def test_an_adult_kneeling_good_morning_starts_near_ten_kg_and_then_ranges_to_fifteen(age):
    first = option(recommend(case(age), CATALOG), "kneeling-good-morning").prescription.load_kg
    assert (first.min, first.max) == (10, 10)
    c = case(age, last_session=did("kneeling-good-morning", 10))
    later = option(recommend(c, CATALOG), "kneeling-good-morning").prescription.load_kg
    assert (later.min, later.max) == (10, 15)


@pytest.mark.parametrize("age", [18, 45])
def test_an_adult_standing_good_morning_is_loaded_twenty_to_forty_kg(age):
    c = case(age, mastered=SERIES, tests=[passed()])
    load = option(recommend(c, CATALOG), "good-morning").prescription.load_kg
    assert (load.min, load.max) == (20, 40)


@pytest.mark.parametrize("age", [65, 81])
def test_from_sixty_five_every_load_starts_at_the_bottom_of_its_range(age):
    c = case(age, mastered=SERIES, tests=[passed()], last_session=did("good-morning", 20))
    gm = option(recommend(c, CATALOG), "good-morning")
    assert (gm.prescription.load_kg.min, gm.prescription.load_kg.max) == (20, 20)
    assert "start-low" in {w.rule for w in gm.why}


def test_an_eighty_one_year_old_novice_never_gets_a_twenty_to_forty_kg_good_morning():
    for item in plan(case(81), CATALOG).session:
        load = item.prescription.load_kg
        assert load is None or load.min == load.max, item.exercise


@pytest.mark.parametrize("age", [5, 8, 11])
def test_below_twelve_bar_on_back_work_uses_a_dowel_or_the_lightest_bar(age):
    for exercise in ("kneeling-good-morning", "good-morning"):
        rx = option(recommend(case(age), CATALOG), exercise).prescription
        assert rx.implement == "dowel"
        assert (rx.load_kg.min, rx.load_kg.max) == (0, 5)
        assert rx.load_lb.max <= 5 * 2.2046226218


def test_at_twelve_the_youth_bar_loads_apply_again():
    rx = option(recommend(case(12), CATALOG), "good-morning").prescription
    assert rx.implement == "barbell"
    assert rx.load_kg.min == 10


def test_a_pain_aware_fifty_eight_year_old_starts_the_elevated_deadlift_on_a_12_kg_bell():
    c = case(58, conditions=["low-back-pain"], last_session=did("elevated-deadlift", 12))
    rx = option(recommend(c, CATALOG), "elevated-deadlift").prescription
    assert rx.implement == "kettlebell"
    assert (rx.load_kg.min, rx.load_kg.max) == (12, 12)
    assert (rx.load_lb.min, rx.load_lb.max) == (26, 26)


def test_a_youth_standing_good_morning_is_lighter_than_an_adults():
    youth = option(recommend(case(15), CATALOG), "good-morning").prescription.load_kg
    adult = option(recommend(case(18), CATALOG), "good-morning").prescription.load_kg
    assert youth.max < adult.max
    assert youth.min <= adult.min


def test_the_age_bands_split_at_eighteen():
    assert default_catalog().thresholds.age.adult_from == 18


def test_the_reason_for_a_load_names_the_age_band():
    gm = option(recommend(case(15), CATALOG), "good-morning")
    assert any("youth" in r for r in gm.reasons)
    gm = option(recommend(case(40), CATALOG), "good-morning")
    assert any("adult" in r for r in gm.reasons)


def test_a_standing_good_morning_is_never_loaded_like_a_five_kg_training_bar():
    for age in (12, 34):  # from 12; a younger child uses a dowel (tested above)
        load = option(recommend(case(age), CATALOG), "good-morning").prescription.load_kg
        assert load.min > 5


def test_unloaded_work_has_no_load():
    rec = recommend(case(), CATALOG)
    assert option(rec, "kneeling-hip-hinge").prescription.load_kg is None


SCENARIOS = {
    "novice": dict(),
    "series mastered": dict(mastered=SERIES),
    "failed test": dict(tests=[failed("lumbar-flexion", "no-counterbalance")]),
    "passed": dict(mastered=[*SERIES, "romanian-deadlift", "nordic-hip-hinge"], tests=[passed()]),
    "challenge": dict(
        mastered=[
            *SERIES,
            "romanian-deadlift",
            "nordic-hip-hinge",
            "hex-bar-deadlift",
            "sumo-deadlift",
        ],
        tests=[passed()],
        goal="max-strength",
    ),
    "pain-aware": dict(pain_nrs=4),
    "cannot kneel": dict(
        conditions=["cannot-kneel"],
        mastered=["hip-bridge", "good-morning"],
        tests=[passed()],
        goal="hamstring-load",
    ),
    "flare": dict(
        mastered=[*SERIES, "romanian-deadlift"], tests=[passed()], last_session={"pain_during": 7}
    ),
}


def _loaded_items(age, scenario):
    c = case(age, **SCENARIOS[scenario])
    yield from recommend(c, CATALOG).options
    yield from plan(c, CATALOG).session
    for week in block(c, 6, CATALOG).weeks:
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
        if item.prescription.implement == "dowel":
            assert age < 12 and load.max <= 5, (item.exercise, load)
            continue
        assert rng.min <= load.min <= load.max <= rng.max, (item.exercise, load, rng)


def test_an_exercise_done_before_the_last_session_is_not_a_first_session():
    # Romanian deadlifts two sessions ago, good mornings only in the last one.
    c = case(34, mastered=SERIES, tests=[passed()], last_session=did("good-morning", 30))
    first = option(recommend(c, CATALOG), "romanian-deadlift")
    assert "start-low" in {w.rule for w in first.why}
    again = option(
        recommend({**c, "done_before": ["romanian-deadlift"]}, CATALOG), "romanian-deadlift"
    )
    assert "start-low" not in {w.rule for w in again.why}
    assert again.prescription.load_kg.min < again.prescription.load_kg.max
