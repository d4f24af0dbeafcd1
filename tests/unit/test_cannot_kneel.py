"""An athlete who cannot kneel: the bridging way in, no kneeling drill and no nordic."""

from __future__ import annotations

import pytest

from hingecoach.core import block, default_catalog, plan, recommend
from unit.builders import KNEELING, SERIES, avoided, case, failed, option, options, passed, rules

CATALOG = default_catalog()

SCENARIOS = {
    "novice": dict(),
    "bridging mastered": dict(mastered=["hip-bridge", "good-morning"]),
    "failed test": dict(tests=[failed("no-counterbalance", "lumbar-flexion")]),
    "passed": dict(mastered=["hip-bridge", "good-morning"], tests=[passed()]),
    "passed, hamstring goal": dict(
        mastered=[*SERIES, "hip-bridge", "romanian-deadlift"],
        tests=[passed()],
        goal="hamstring-load",
    ),
    "pain-aware": dict(pain_nrs=4),
    "flare": dict(
        last_session={"pain_during": 8, "exercises": [{"exercise": "good-morning", "load_kg": 20}]}
    ),
}


def cannot_kneel(**kwargs):
    athlete_conditions = ["cannot-kneel", *kwargs.pop("conditions", [])]
    return case(conditions=athlete_conditions, **kwargs)


def test_the_kneeling_exercises_of_the_catalog_are_the_domains_three():
    kneeling = {e.id for e in default_catalog().exercises.values() if e.kneeling}
    assert kneeling == set(KNEELING)


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_no_kneeling_exercise_is_offered_to_an_athlete_who_cannot_kneel(scenario):
    c = cannot_kneel(**SCENARIOS[scenario])
    assert not set(options(recommend(c, CATALOG))) & set(KNEELING)
    assert not {i.exercise for i in plan(c, CATALOG).session} & set(KNEELING)


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_no_kneeling_exercise_appears_in_a_block_for_an_athlete_who_cannot_kneel(scenario):
    for week in block(cannot_kneel(**SCENARIOS[scenario]), weeks=6, catalog=CATALOG).weeks:
        for items in (week.session, week.if_pain_flare, week.if_retest_fails or []):
            assert not {i.exercise for i in items} & set(KNEELING), week.week


def test_an_athlete_who_cannot_kneel_starts_with_the_hip_bridge():
    rec = recommend(cannot_kneel(), CATALOG)
    assert options(rec)[0] == "hip-bridge"
    assert "bridging-way-in" in rules(rec.options[0].reasons)


def test_an_athlete_who_cannot_kneel_still_reaches_loaded_good_mornings():
    assert "good-morning" in options(recommend(cannot_kneel(), CATALOG))


def test_the_kneeling_work_is_avoided_with_a_reason_naming_the_condition():
    avoid = avoided(recommend(cannot_kneel(), CATALOG))
    for exercise in ("kneeling-hip-hinge", "kneeling-good-morning"):
        assert "cannot-kneel" in rules(avoid[exercise])


def test_the_nordic_is_avoided_after_a_pass_for_an_athlete_who_cannot_kneel():
    avoid = avoided(
        recommend(
            cannot_kneel(
                mastered=["hip-bridge", "good-morning", "kneeling-hip-hinge"], tests=[passed()]
            ),
            CATALOG,
        )
    )
    assert "cannot-kneel" in rules(avoid["nordic-hip-hinge"])


def test_a_lost_counterbalance_steps_back_to_the_bridge_for_who_cannot_kneel():
    rec = recommend(cannot_kneel(tests=[failed("no-counterbalance")]), CATALOG)
    assert "hip-bridge" in options(rec)


def test_with_the_bridging_way_in_mastered_the_test_comes_next():
    rec = recommend(cannot_kneel(mastered=["hip-bridge", "good-morning"]), CATALOG)
    assert "bodyweight-hip-hinge" in options(rec)


def test_the_hip_thrust_is_named_as_the_stand_in_for_the_nordic():
    athlete = cannot_kneel(mastered=["hip-bridge", "good-morning"], tests=[passed()])
    rec = recommend(athlete, CATALOG)
    reasons = option(rec, "hip-thrust").reasons
    assert "stand-in" in rules(reasons)
    assert any("hip-thrust stands in for nordic-hip-hinge" in r for r in reasons)


def test_the_hex_bar_reason_names_the_hip_thrust_the_athlete_mastered():
    mastered = ["hip-bridge", "good-morning", "romanian-deadlift", "hip-thrust"]
    rec = recommend(cannot_kneel(mastered=mastered, tests=[passed()]), CATALOG)
    text = " ".join(option(rec, "hex-bar-deadlift").reasons)
    assert "hip-thrust" in text
    assert "nordic-hip-hinge" not in text


def test_the_hex_bar_prerequisite_names_the_hip_thrust_still_to_master_not_the_nordic():
    rec = recommend(
        cannot_kneel(mastered=["hip-bridge", "good-morning"], tests=[passed()]), CATALOG
    )
    held = next(a for a in rec.avoid if a.exercise == "hex-bar-deadlift")
    text = next(w.text for w in held.why if w.rule == "knee-bend-gate")
    assert "Hip Thrust" in text and "Nordic" not in text, text


def test_after_a_failed_test_the_reason_does_not_mention_kneeling():
    rec = recommend(cannot_kneel(tests=[failed("lumbar-flexion")]), CATALOG)
    reasons = [r for o in rec.options for r in o.reasons]
    assert "failed-test-bridging" in rules(reasons)
    assert not any("kneeling good morning" in r for r in reasons)


def test_the_glute_ham_raise_rests_the_knees_on_a_pad_so_it_is_avoided_with_a_reason():
    c = cannot_kneel(
        mastered=["hip-bridge", "good-morning", "romanian-deadlift", "hip-thrust"], tests=[passed()]
    )
    rec = recommend(c, CATALOG)
    assert "glute-ham-raise" not in options(rec)
    assert "glute-ham-raise" not in {i.exercise for i in plan(c, CATALOG).session}
    why = avoided(rec)["glute-ham-raise"]
    assert "cannot-kneel-pad" in rules(why)
    assert "Glute-Ham Raise rests the knees on its pad" in " ".join(
        w.text for a in rec.avoid if a.exercise == "glute-ham-raise" for w in a.why
    )


def test_an_athlete_who_can_kneel_is_still_offered_the_glute_ham_raise():
    c = case(
        mastered=[*SERIES, "romanian-deadlift", "nordic-hip-hinge"],
        tests=[passed()],
        goal="hamstring-load",
    )
    assert "glute-ham-raise" in options(recommend(c, CATALOG))
