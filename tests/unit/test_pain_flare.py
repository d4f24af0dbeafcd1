"""A pain flare after the last session: no new step up, load at the bottom, a warning."""

from __future__ import annotations

import pytest

from hingecoach.core import plan, recommend
from unit.builders import (
    SERIES,
    avoided,
    case,
    catalog_range,
    option,
    options,
    passed,
    rules,
)

READY_TO_CLIMB = dict(mastered=[*SERIES], tests=[passed()])
FLARES = {
    "pain during 6": {"pain_during": 6},
    "pain during 10": {"pain_during": 10},
    "pain next morning 3": {"pain_next_morning": 3},
    "both": {"pain_during": 7, "pain_next_morning": 5},
}
NO_FLARE = {"pain_during": 5, "pain_next_morning": 2}


def with_flare(flare, age=34, **kwargs):
    return case(age, last_session=flare, **{**READY_TO_CLIMB, **kwargs})


def test_without_a_flare_a_passed_athlete_is_offered_the_step_up():
    assert "romanian-deadlift" in options(recommend(case(**READY_TO_CLIMB)))


@pytest.mark.parametrize("flare", FLARES)
def test_a_pain_flare_gives_a_warning(flare):
    rec = recommend(with_flare(FLARES[flare]))
    assert any(w.endswith("(rule: pain-flare)") for w in rec.warnings)


def test_the_flare_warning_says_what_the_pain_was():
    rec = recommend(with_flare({"pain_during": 7}))
    assert any("7/10" in w for w in rec.warnings)
    rec = recommend(with_flare({"pain_next_morning": 4}))
    assert any("4/10" in w and "morning" in w for w in rec.warnings)


@pytest.mark.parametrize("flare", FLARES)
def test_a_pain_flare_adds_no_new_exercise_up_the_ladder(flare):
    rec = recommend(with_flare(FLARES[flare]))
    for exercise in ("romanian-deadlift", "stiff-legged-deadlift", "nordic-hip-hinge"):
        assert exercise not in options(rec)
    assert "pain-flare" in rules(avoided(rec)["romanian-deadlift"])


def test_a_pain_flare_holds_back_the_next_deadlift_for_an_advanced_athlete():
    mastered = [*SERIES, "romanian-deadlift", "nordic-hip-hinge", "hex-bar-deadlift"]
    rec = recommend(with_flare({"pain_during": 6}, mastered=mastered))
    assert "sumo-deadlift" not in options(rec)
    assert "single-leg-romanian-deadlift" not in options(rec)


@pytest.mark.parametrize("age", [15, 34])
@pytest.mark.parametrize("flare", FLARES)
def test_a_pain_flare_puts_every_load_at_the_bottom_of_the_catalogs_range(flare, age):
    c = with_flare(FLARES[flare], age=age)
    for item in [*recommend(c).options, *plan(c).session]:
        load = item.prescription.load_kg
        if load is None:
            continue
        bottom = catalog_range(item.exercise, age).min
        assert load.min == load.max == bottom, (item.exercise, load)


@pytest.mark.parametrize("age", [15, 34])
def test_a_pain_flare_on_the_corrective_series_also_drops_the_load(age):
    c = case(age, last_session={"pain_next_morning": 6})
    for name in ("kneeling-good-morning", "good-morning"):
        load = option(recommend(c), name).prescription.load_kg
        assert load.min == load.max == catalog_range(name, age).min


@pytest.mark.parametrize("age", [15, 34])
def test_a_flare_with_good_mornings_already_at_the_bottom_steps_down(age):
    bottom = catalog_range("good-morning", age).min
    last = {"pain_during": 6, "exercises": [{"exercise": "good-morning", "load_kg": bottom}]}
    rec = recommend(with_flare(last, age=age))
    assert "good-morning" not in options(rec)
    step_down = option(rec, "kneeling-good-morning")
    assert "flare-step-down" in rules(step_down.reasons)
    assert step_down.prescription.load_kg.min == catalog_range("kneeling-good-morning", age).min


def test_a_flare_with_good_mornings_above_the_bottom_keeps_them_at_the_bottom():
    last = {"pain_during": 6, "exercises": [{"exercise": "good-morning", "load_kg": 30}]}
    load = option(recommend(with_flare(last)), "good-morning").prescription.load_kg
    assert load.min == load.max == 20


def test_a_flare_step_down_keeps_the_session_ending_with_loaded_work():
    last = {"pain_during": 6, "exercises": [{"exercise": "good-morning", "load_kg": 20}]}
    session = plan(with_flare(last)).session
    assert "good-morning" not in [i.exercise for i in session]
    assert session[-1].prescription.load_kg is not None


def test_pain_during_five_and_next_morning_two_is_not_a_flare():
    rec = recommend(case(last_session=NO_FLARE, **READY_TO_CLIMB))
    assert not any("pain-flare" in w for w in rec.warnings)
    assert "romanian-deadlift" in options(rec)
    load = option(rec, "good-morning").prescription.load_kg
    assert (load.min, load.max) == (20, 40)


def test_a_last_session_without_pain_scores_is_not_a_flare():
    rec = recommend(case(last_session={"date": "2026-11-02"}, **READY_TO_CLIMB))
    assert rec.warnings == []
    assert "romanian-deadlift" in options(rec)
