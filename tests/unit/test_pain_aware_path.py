"""The client who is afraid or in pain: the pain-aware path and the fear caution."""

from __future__ import annotations

import pytest

from hingecoach.core import default_catalog, plan, recommend
from unit.builders import SERIES, avoided, case, option, options, passed, rules

CATALOG = default_catalog()

TRIGGERS = {
    "pain now 3": dict(pain_nrs=3),
    "pain now 6": dict(pain_nrs=6),
    "low back pain": dict(conditions=["low-back-pain"]),
    "spinal fusion with clearance": dict(conditions=["spinal-fusion"], medical_clearance=True),
    "tsk-11 36": dict(tsk11=36),
    "tsk-11 44": dict(tsk11=44),
}
HIGH_FEAR = {"tsk-11 36", "tsk-11 44"}
WAYS_IN = {"hip-bridge", "elevated-deadlift", "step-up"}


@pytest.mark.parametrize("trigger", TRIGGERS)
def test_pain_fear_or_a_back_condition_puts_the_athlete_on_the_pain_aware_path(trigger):
    rec = recommend(case(**TRIGGERS[trigger]), CATALOG)
    assert rec.stage == "pain-aware"
    assert rec.refer is False


@pytest.mark.parametrize("trigger", TRIGGERS)
def test_the_pain_aware_path_offers_the_bridge_the_shorter_hinge_and_step_ups(trigger):
    rec = recommend(case(**TRIGGERS[trigger]), CATALOG)
    assert set(options(rec)) >= WAYS_IN


@pytest.mark.parametrize("trigger", sorted(set(TRIGGERS) - HIGH_FEAR))
def test_the_hip_bridge_comes_first_on_the_pain_aware_path(trigger):
    assert options(recommend(case(**TRIGGERS[trigger]), CATALOG))[0] == "hip-bridge"


@pytest.mark.parametrize("trigger", sorted(HIGH_FEAR))
def test_step_ups_come_first_when_fear_of_movement_is_high(trigger):
    assert options(recommend(case(**TRIGGERS[trigger]), CATALOG))[0] == "step-up"


def test_step_ups_come_first_with_high_fear_even_alongside_back_pain():
    rec = recommend(case(tsk11=38, conditions=["low-back-pain"], pain_nrs=4), CATALOG)
    assert options(rec)[0] == "step-up"


def test_the_shorter_hinge_is_marked_as_reduced_range():
    rec = recommend(case(pain_nrs=3), CATALOG)
    assert option(rec, "elevated-deadlift").range == "reduced"


@pytest.mark.parametrize("trigger", TRIGGERS)
def test_no_full_range_hinge_exercise_is_offered_on_the_pain_aware_path(trigger):
    for o in recommend(case(**TRIGGERS[trigger]), CATALOG).options:
        assert not (o.hinge and o.range == "full"), o.exercise


@pytest.mark.parametrize("trigger", TRIGGERS)
def test_the_pain_aware_session_holds_no_full_range_hinge_exercise(trigger):
    for item in plan(case(**TRIGGERS[trigger]), CATALOG).session:
        if item.role != "test":
            assert not (item.hinge and item.range == "full"), item.exercise


def test_full_range_hinges_are_avoided_with_a_reason_on_the_pain_aware_path():
    avoid = avoided(recommend(case(conditions=["low-back-pain"]), CATALOG))
    for exercise in ("good-morning", "romanian-deadlift", "deadlift"):
        assert "no-full-range-hinge" in rules(avoid[exercise])


@pytest.mark.parametrize("trigger", TRIGGERS)
def test_the_pain_aware_path_warns_to_give_more_feedback(trigger):
    warnings = recommend(case(**TRIGGERS[trigger]), CATALOG).warnings
    assert any("feedback" in w for w in warnings)


def test_the_pain_aware_reasons_name_the_cause():
    rec = recommend(case(pain_nrs=4), CATALOG)
    assert any("4/10" in r for r in option(rec, "hip-bridge").reasons)
    rec = recommend(case(conditions=["low-back-pain"]), CATALOG)
    assert any("low-back-pain" in r for r in option(rec, "hip-bridge").reasons)


def test_the_pain_aware_path_holds_even_after_a_passed_test():
    athlete = case(mastered=[*SERIES], tests=[passed()], conditions=["low-back-pain"])
    rec = recommend(athlete, CATALOG)
    assert rec.stage == "pain-aware"
    assert "romanian-deadlift" not in options(rec)


def test_the_pain_aware_path_is_never_empty_for_an_athlete_who_cannot_kneel():
    rec = recommend(case(conditions=["cannot-kneel", "low-back-pain"], tsk11=40), CATALOG)
    assert set(options(rec)) >= WAYS_IN


def test_pain_now_of_two_stays_on_the_ladder():
    assert recommend(case(pain_nrs=2), CATALOG).stage == "corrective"


@pytest.mark.parametrize("tsk11", [29, 35])
def test_moderate_fear_keeps_the_ladder(tsk11):
    assert recommend(case(tsk11=tsk11), CATALOG).stage == "corrective"
    rec = recommend(case(tsk11=tsk11, mastered=SERIES, tests=[passed()]), CATALOG)
    assert rec.stage == "fundamental"


@pytest.mark.parametrize("tsk11", [29, 32, 35])
def test_moderate_fear_warns_to_start_with_less_range_and_more_feedback(tsk11):
    warnings = recommend(case(tsk11=tsk11), CATALOG).warnings
    assert any("less range" in w and "feedback" in w for w in warnings)
    assert any(str(tsk11) in w for w in warnings)


@pytest.mark.parametrize("tsk11", [None, 11, 22, 28])
def test_minimal_or_low_fear_gives_no_fear_warning(tsk11):
    athlete = {} if tsk11 is None else {"tsk11": tsk11}
    warnings = recommend(case(**athlete), CATALOG).warnings
    assert not any("less range" in w or "feedback" in w for w in warnings)
    assert recommend(case(**athlete), CATALOG).stage == "corrective"


@pytest.mark.parametrize(
    "athlete",
    [
        dict(pain_nrs=5, tsk11=40, conditions=["low-back-pain"]),
        dict(pain_nrs=4, conditions=["low-back-pain"]),
    ],
)
def test_the_reasons_for_the_pain_aware_path_are_said_once_on_a_screen(athlete):
    rec = recommend(case(50, **athlete), default_catalog())
    path = next(w.text for w in rec.warnings_why if w.rule == "pain-aware-path")
    premise = path.split(", so ")[0]
    lines = [w.text for w in rec.warnings_why]
    lines += [w.text for o in rec.options for w in o.why]
    lines += [w.text for a in rec.avoid for w in a.why]
    assert sum(premise in line for line in lines) == 1, lines
