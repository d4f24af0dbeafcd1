"""A pain flare after the last session: no new step up, load at the bottom, a warning."""

from __future__ import annotations

import pytest

from hingecoach.core import default_catalog, load_catalog, plan, recommend
from hingecoach.core.present import load_text, why_text
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

CATALOG = default_catalog()

READY_TO_CLIMB = dict(mastered=[*SERIES], tests=[passed()])
FLARES = {
    "pain during 6": {"pain_during": 6},
    "pain during 10": {"pain_during": 10},
    "pain next morning 3": {"pain_next_morning": 3},
    "both": {"pain_during": 7, "pain_next_morning": 5},
}
NO_FLARE = {"pain_during": 5, "pain_next_morning": 2}


def avoided_why(rec, exercise):
    return next(a.why for a in rec.avoid if a.exercise == exercise)


def with_flare(flare, age=34, **kwargs):
    return case(age, last_session=flare, **{**READY_TO_CLIMB, **kwargs})


def test_without_a_flare_a_passed_athlete_is_offered_the_step_up():
    assert "romanian-deadlift" in options(recommend(case(**READY_TO_CLIMB), CATALOG))


@pytest.mark.parametrize("flare", FLARES)
def test_a_pain_flare_gives_a_warning(flare):
    rec = recommend(with_flare(FLARES[flare]), CATALOG)
    assert any(w.endswith("(rule: pain-flare)") for w in rec.warnings)


def test_the_flare_warning_says_what_the_pain_was():
    rec = recommend(with_flare({"pain_during": 7}), CATALOG)
    assert any("7/10" in w for w in rec.warnings)
    rec = recommend(with_flare({"pain_next_morning": 4}), CATALOG)
    assert any("4/10" in w and "morning" in w for w in rec.warnings)


@pytest.mark.parametrize("flare", FLARES)
def test_a_pain_flare_adds_no_new_exercise_up_the_ladder(flare):
    rec = recommend(with_flare(FLARES[flare]), CATALOG)
    for exercise in ("romanian-deadlift", "stiff-legged-deadlift", "nordic-hip-hinge"):
        assert exercise not in options(rec)
    assert "flare-not-reached" in rules(avoided(rec)["romanian-deadlift"])


def test_a_pain_flare_holds_back_the_next_deadlift_for_an_advanced_athlete():
    mastered = [*SERIES, "romanian-deadlift", "nordic-hip-hinge", "hex-bar-deadlift"]
    rec = recommend(with_flare({"pain_during": 6}, mastered=mastered), CATALOG)
    assert "sumo-deadlift" not in options(rec)
    assert "single-leg-romanian-deadlift" not in options(rec)


GYM_BOTTOM = {
    15: {"good-morning": 10, "kneeling-good-morning": 7.5, "hamstring-curl": 5, "step-up": 2},
    34: {"good-morning": 20, "kneeling-good-morning": 10, "hamstring-curl": 10, "step-up": 4},
}


@pytest.mark.parametrize("age", [15, 34])
@pytest.mark.parametrize("flare", FLARES)
def test_a_pain_flare_puts_every_load_at_the_bottom_of_the_catalogs_range(flare, age):
    c = with_flare(FLARES[flare], age=age)
    for item in [*recommend(c, CATALOG).options, *plan(c, CATALOG).session]:
        load = item.prescription.load_kg
        if load is None:
            continue
        assert load.min == load.max == GYM_BOTTOM[age][item.exercise], (item.exercise, load)


@pytest.mark.parametrize("age", [15, 34])
def test_a_pain_flare_before_any_step_is_reached_keeps_the_first_step_and_no_hinge_work(age):
    c = case(age, last_session={"pain_next_morning": 6})
    rec = recommend(c, CATALOG)
    assert options(rec) == ["kneeling-hip-hinge", "hip-bridge", "step-up"]
    for name in ("kneeling-good-morning", "good-morning"):
        assert "flare-not-reached" in rules(avoided(rec)[name])
    last = plan(c, CATALOG).session[-1]
    assert last.exercise == "step-up"
    assert last.prescription.load_kg.max == GYM_BOTTOM[age]["step-up"]


def test_a_flare_in_the_corrective_series_adds_no_new_heavier_step():
    # Mastered the kneeling hip hinge, no test yet, kneeling good mornings at 10 kg hurt.
    last = {"pain_during": 7, "exercises": [{"exercise": "kneeling-good-morning", "load_kg": 10}]}
    c = case(34, mastered=["kneeling-hip-hinge"], last_session=last)
    rec = recommend(c, CATALOG)
    assert "good-morning" not in options(rec)
    assert "flare-not-reached" in rules(avoided(rec)["good-morning"])
    assert "flare-step-down" in rules(option(rec, "kneeling-hip-hinge").reasons)
    for item in plan(c, CATALOG).session:
        load = item.prescription.load_kg
        assert load is None or load.max <= 10, item.exercise


def test_a_flare_never_loads_more_than_the_flared_session_lifted():
    last = {"pain_during": 8, "exercises": [{"exercise": "step-up", "load_kg": 2}]}
    c = case(40, conditions=["low-back-pain"], last_session=last)
    rec = recommend(c, CATALOG)
    for item in rec.options:
        load = item.prescription.load_kg
        assert load is None or load.max <= 2, item.exercise
    # 2 kg is below the step-up's lightest load, and a step-up can be done unloaded: it
    # stays, at body weight, rather than being prescribed lighter than its range.
    step_up = option(rec, "step-up")
    assert step_up.prescription.load_kg is None
    (unloaded,) = [w for w in step_up.why if w.rule == "flare-body-weight"]
    assert unloaded.facts["logged_kg"] == 2
    assert unloaded.text == (
        "Step-Up at body weight today: its lightest load (4 kg) is heavier than the 2 kg "
        "of Step-Up in the session that flared"
    )


def test_after_a_flare_no_option_lifts_more_than_the_heaviest_load_of_that_session():
    last = {"pain_during": 7, "exercises": [{"exercise": "kneeling-good-morning", "load_kg": 7.5}]}
    for item in plan(case(34, last_session=last), CATALOG).session:
        load = item.prescription.load_kg
        assert load is None or load.max <= 7.5, item.exercise


@pytest.mark.parametrize("logged", ["good-morning", "bodyweight-hip-hinge"])
def test_a_childs_dowel_work_after_a_flare_lifts_no_more_than_that_session(logged):
    # Under 12, bar-on-back work is a dowel or a bar of up to 5 kg: a flare at 2 kg caps
    # it at 2 kg (on a 2.5 kg barbell grid: the dowel alone), whatever was logged.
    last = {"pain_during": 6, "exercises": [{"exercise": logged, "load_kg": 2}]}
    c = with_flare(last, age=8)
    rec = recommend(c, CATALOG)
    for item in [*rec.options, *plan(c, CATALOG).session]:
        load = item.prescription.load_kg
        assert load is None or load.max <= 2, (item.exercise, load)
    dowel = [o for o in rec.options if o.prescription.implement == "dowel"]
    assert dowel and all({"flare-bottom", "flare-step-down"} & set(rules(o.reasons)) for o in dowel)
    assert load_text(dowel[0].prescription, "kg") == "dowel"


@pytest.mark.parametrize("logged", [2, 5])
def test_a_child_above_the_dowel_when_pain_flared_goes_back_to_the_dowel(logged):
    # A child's range for bar-on-back work starts at the dowel, not the band's 10 kg.
    last = {"pain_during": 6, "exercises": [{"exercise": "good-morning", "load_kg": logged}]}
    rec = recommend(with_flare(last, age=8), CATALOG)
    good_morning = option(rec, "good-morning")
    assert "flare-bottom" in rules(good_morning.reasons)
    assert load_text(good_morning.prescription, "kg") == "dowel"


def test_a_child_already_on_the_dowel_when_pain_flared_steps_down():
    last = {"pain_during": 6, "exercises": [{"exercise": "good-morning", "load_kg": 0}]}
    rec = recommend(with_flare(last, age=8), CATALOG)
    assert "good-morning" not in options(rec)
    texts = [w.text for w in avoided_why(rec, "good-morning")]
    assert texts == [
        "Good Morning was already at the bottom of its range (a dowel) in the session "
        "that flared, so step down"
    ]
    assert load_text(option(rec, "kneeling-good-morning").prescription, "kg") == "dowel"


@pytest.mark.parametrize("age", [15, 34])
def test_a_flare_with_good_mornings_already_at_the_bottom_steps_down(age):
    bottom = catalog_range("good-morning", age).min
    last = {"pain_during": 6, "exercises": [{"exercise": "good-morning", "load_kg": bottom}]}
    rec = recommend(with_flare(last, age=age), CATALOG)
    assert "good-morning" not in options(rec)
    step_down = option(rec, "kneeling-good-morning")
    assert "flare-step-down" in rules(step_down.reasons)
    assert step_down.prescription.load_kg.min == GYM_BOTTOM[age]["kneeling-good-morning"]


def test_a_flare_with_good_mornings_above_the_bottom_keeps_them_at_the_bottom():
    last = {"pain_during": 6, "exercises": [{"exercise": "good-morning", "load_kg": 30}]}
    load = option(recommend(with_flare(last), CATALOG), "good-morning").prescription.load_kg
    assert load.min == load.max == 20


def test_a_flare_step_down_keeps_the_session_ending_with_loaded_work():
    last = {"pain_during": 6, "exercises": [{"exercise": "good-morning", "load_kg": 20}]}
    session = plan(with_flare(last), CATALOG).session
    assert "good-morning" not in [i.exercise for i in session]
    assert session[-1].prescription.load_kg is not None


def test_pain_during_five_and_next_morning_two_is_not_a_flare():
    rec = recommend(case(last_session=NO_FLARE, **READY_TO_CLIMB), CATALOG)
    assert not any("pain-flare" in w for w in rec.warnings)
    assert "romanian-deadlift" in options(rec)
    load = option(rec, "good-morning").prescription.load_kg
    assert (load.min, load.max) == (20, 40)


def test_a_last_session_without_pain_scores_is_not_a_flare():
    rec = recommend(case(last_session={"date": "2026-11-02"}, **READY_TO_CLIMB), CATALOG)
    assert rec.warnings == []
    assert "romanian-deadlift" in options(rec)


def test_a_flare_after_a_failed_test_offers_no_step_beyond_what_was_mastered():
    c = case(
        28,
        mastered=["kneeling-hip-hinge"],
        tests=[{"date": "2026-01-10", "faults": ["lumbar-flexion"]}],
        last_session={"pain_during": 6},
    )
    rec = recommend(c, CATALOG)
    assert "kneeling-good-morning" not in options(rec)
    assert "good-morning" not in options(rec)
    assert "kneeling-hip-hinge" in options(rec)
    for name in ("kneeling-good-morning", "good-morning"):
        assert "flare-not-reached" in rules(avoided(rec)[name])


def test_a_flare_never_prescribes_below_an_exercises_lightest_load():
    last = {"pain_during": 7, "exercises": [{"exercise": "kneeling-good-morning", "load_kg": 10}]}
    c = case(28, mastered=["kneeling-hip-hinge", "kneeling-good-morning"], last_session=last)
    rec = recommend(c, CATALOG)
    assert "good-morning" not in options(rec)
    for item in [*rec.options, *plan(c, CATALOG).session]:
        load = item.prescription.load_kg
        if load is not None:
            assert load.min >= catalog_range(item.exercise, 28).min, item.exercise


def test_the_flare_cap_names_the_exercise_that_was_logged():
    last = {"pain_during": 7, "exercises": [{"exercise": "kneeling-good-morning", "load_kg": 15}]}
    c = case(28, mastered=[*SERIES], tests=[passed()], last_session=last)
    held = ("flare-cap", "flare-over-cap")
    caps = [w for o in recommend(c, CATALOG).options for w in o.why if w.rule in held]
    assert caps
    assert {w.facts["exercise"] for w in caps} == {"kneeling-good-morning"}


def test_a_step_down_reason_in_pounds_quotes_the_load_a_prescription_shows():
    mastered = ["kneeling-hip-hinge", "kneeling-good-morning"]

    def flared_at(kg):
        last = {
            "pain_during": 7,
            "exercises": [{"exercise": "kneeling-good-morning", "load_kg": kg}],
        }
        return recommend(case(30, mastered=mastered, last_session=last), CATALOG)

    shown = option(flared_at(15), "kneeling-good-morning").prescription.load_lb.min
    step = next(
        w for w in option(flared_at(10), "kneeling-hip-hinge").why if w.rule == "flare-step-down"
    )
    text = why_text(load_catalog(), step, "lb")
    assert f"({shown:g} lb)" in text, text


def test_a_flare_in_the_mastery_stage_offers_no_deadlift_never_done_below_a_mastered_one():
    mastered = [
        *SERIES,
        "romanian-deadlift",
        "hex-bar-deadlift",
        "deadlift",
        "single-leg-romanian-deadlift",
    ]
    flared = {"pain_during": 6, "exercises": [{"exercise": "deadlift", "load_kg": 140}]}
    rec = recommend(
        case(28, mastered=mastered, tests=[passed()], goal="max-strength", last_session=flared),
        CATALOG,
    )
    assert rec.stage == "mastery"
    assert "sumo-deadlift" not in options(rec)
    assert "flare-not-reached" in rules(avoided(rec)["sumo-deadlift"])


def test_a_reason_quotes_the_sets_and_reps_a_flare_held_the_prescription_to():
    mastered = [*SERIES, "romanian-deadlift", "hex-bar-deadlift", "sumo-deadlift", "deadlift"]
    flared = {
        "pain_during": 6,
        "exercises": [{"exercise": "deadlift", "load_kg": 140, "sets": 3, "reps": [3, 3, 3]}],
    }
    rec = recommend(
        case(28, mastered=mastered, tests=[passed()], goal="max-strength", last_session=flared),
        CATALOG,
    )
    deadlift = option(rec, "deadlift")
    assert deadlift.prescription.scheme == "3x3"
    stay = next(w.text for w in deadlift.why if w.rule == "stay-strength")
    assert stay.endswith("Conventional Deadlift, 3x3"), stay


@pytest.mark.parametrize(
    "athlete",
    [
        case(
            50,
            pain_nrs=4,
            conditions=["low-back-pain"],
            mastered=["hip-bridge"],
            last_session={
                "pain_during": 6,
                "exercises": [{"exercise": "elevated-deadlift", "load_kg": 16}],
            },
        ),
        with_flare({"pain_during": 7, "exercises": [{"exercise": "good-morning", "load_kg": 30}]}),
    ],
)
def test_after_a_flare_the_pain_that_flared_is_said_once_in_the_warnings(athlete):
    rec = recommend(athlete, CATALOG)
    lines = [w.text for w in rec.warnings_why]
    lines += [w.text for o in rec.options for w in o.why]
    lines += [w.text for a in rec.avoid for w in a.why]
    assert sum("during the last session was" in line for line in lines) == 1, lines


def test_a_bell_as_heavy_as_the_flared_session_is_within_its_cap_in_pounds_too():
    # 8 kg lifted; the youth elevated deadlift starts at the 8 kg bell, 18 lb in pounds
    # (8 kg is 17.6 lb): the same bell, not heavier than the session that flared.
    last = {"pain_during": 6, "exercises": [{"exercise": "step-up", "load_kg": 8}]}
    c = case(15, conditions=["low-back-pain"], mastered=["hip-bridge", "elevated-deadlift"])
    rec = recommend({**c, "last_session": last}, CATALOG)
    rx = option(rec, "elevated-deadlift").prescription
    assert (rx.load_kg.max, rx.load_lb.max) == (8, 18)
