"""What a warning or a goal says, the options and the session follow: a moderate fear of
movement starts new work short of full range, a hip thrust standing in for the nordic is
not called hamstring work, the hamstring curl joins a session only for hamstring load, and
pain now above the limit for pain during exercise is said."""

from __future__ import annotations

import pytest

from hingecoach.core import default_catalog, load_catalog, plan, recommend
from unit.builders import SERIES, case, failed, option, options, passed, rules, session

CATALOG = default_catalog()
CURL = "hamstring-curl"


def why_rules(item) -> list[str]:
    return [w.rule for w in item.why]


# --- 1. a moderate fear of movement: new work starts short of full range ------------------


@pytest.mark.parametrize("tsk11", [29, 31, 35])
def test_moderate_fear_starts_every_new_exercise_short_of_full_range(tsk11):
    rec = recommend(case(45, tsk11=tsk11), CATALOG)
    assert rec.stage == "corrective"  # the ladder, not the pain-aware path
    for o in rec.options:
        step = o.prescription.range_step
        assert (step is not None and step.step == 1) or "fear-less-range" in why_rules(o), o
    good_morning = option(rec, "good-morning")
    text = " ".join(w.text for w in good_morning.why)
    assert "begin short of its full range" in text


def test_moderate_fear_starts_a_new_exercise_with_range_steps_at_the_first_step():
    rec = recommend(case(40, tsk11=31, conditions=["cannot-kneel"]), CATALOG)
    bridge = option(rec, "hip-bridge")
    assert bridge.prescription.range_step is not None
    assert bridge.prescription.range_step.step == 1
    assert "range-first" in why_rules(bridge)
    assert rec.stage == "corrective"


def test_moderate_fear_leaves_work_the_athlete_owns_at_full_range():
    rec = recommend(case(40, tsk11=31, mastered=SERIES, tests=[passed()]), CATALOG)
    owned = option(rec, "good-morning")
    assert "fear-less-range" not in why_rules(owned)
    new = option(rec, "romanian-deadlift")
    assert "fear-less-range" in why_rules(new)


def test_work_done_before_is_not_new_under_a_moderate_fear():
    c = case(45, tsk11=31)
    c["done_before"] = ["good-morning"]
    assert "fear-less-range" not in why_rules(option(recommend(c, CATALOG), "good-morning"))


@pytest.mark.parametrize("tsk11", [None, 22, 28])
def test_without_a_moderate_fear_nothing_starts_short_of_full_range(tsk11):
    athlete = {} if tsk11 is None else {"tsk11": tsk11}
    for o in recommend(case(45, **athlete), CATALOG).options:
        assert "fear-less-range" not in why_rules(o)
        assert o.prescription.range_step is None


def test_the_moderate_fear_session_carries_the_same_start():
    items = plan(case(45, tsk11=31), CATALOG).session
    assert all("fear-less-range" in why_rules(i) for i in items if i.role != "test")


# --- 2. the hip thrust stands in for the nordic; the curl gives hamstring load -------------

NO_KNEELING_PASSED = dict(
    conditions=["cannot-kneel"],
    mastered=["hip-bridge", "good-morning"],
    tests=[passed()],
    goal="hamstring-load",
)


def test_hamstring_goal_without_kneeling_puts_the_curl_first_not_the_thrust():
    rec = recommend(case(40, **NO_KNEELING_PASSED), CATALOG)
    assert options(rec)[0] == CURL
    first = rec.options[0]
    assert "hamstring-goal-curl" in why_rules(first)
    assert first.why[0].facts["exercises"] == ["nordic-hip-hinge", "glute-ham-raise"]


def test_the_hip_thrust_is_not_called_heel_anchored_hamstring_work():
    rec = recommend(case(40, **NO_KNEELING_PASSED), CATALOG)
    thrust = option(rec, "hip-thrust")
    assert "goal-first" not in why_rules(thrust)
    assert "stand-in" in why_rules(thrust)
    assert not any("hamstring" in w.text for w in thrust.why)


def test_hamstring_goal_without_kneeling_keeps_the_curl_first_once_the_thrust_is_owned():
    c = case(40, **{**NO_KNEELING_PASSED, "mastered": ["hip-bridge", "good-morning", "hip-thrust"]})
    assert options(recommend(c, CATALOG))[0] == CURL


def test_an_athlete_who_can_kneel_still_gets_the_nordic_first_for_hamstring_load():
    rec = recommend(case(40, mastered=SERIES, tests=[passed()], goal="hamstring-load"), CATALOG)
    assert options(rec)[0] == "nordic-hip-hinge"
    assert CURL not in options(rec)


# --- 3. the curl finishes a failed-test session only for hamstring load -------------------


@pytest.mark.parametrize("goal", [None, "technique", "max-strength"])
def test_a_failed_test_session_without_a_hamstring_goal_has_no_curl(goal):
    c = case(30, mastered=SERIES[:2], tests=[failed("lumbar-flexion")], goal=goal)
    items = plan(c, CATALOG).session
    assert CURL not in session(plan(c, CATALOG))
    assert items[-1].exercise == "good-morning"
    assert items[-1].prescription.load_kg is not None
    assert CURL in options(recommend(c, CATALOG))  # still there for a day that needs it


def test_a_failed_test_session_with_a_hamstring_goal_ends_on_the_curl_for_that_goal():
    c = case(30, tests=[failed("lumbar-flexion")], goal="hamstring-load")
    items = plan(c, CATALOG).session
    assert items[-1].exercise == CURL
    assert "hamstring-goal-fallback" in why_rules(items[-1])
    assert "hamstring-fallback" not in why_rules(items[-1])


# --- 4. pain now above the limit for pain during exercise ----------------------------------


def test_pain_now_above_the_during_exercise_limit_is_warned_about():
    rec = recommend(case(45, pain_nrs=6), CATALOG)
    warning = next(w for w in rec.warnings_why if w.rule == "pain-now-over-limit")
    assert warning.facts == {"pain": 6, "limit": 5, "exercise": "hip-bridge"}
    assert "6/10" in warning.text and "5/10" in warning.text
    assert "stop" in warning.text
    assert rec.warnings_why[0] is warning  # said before anything else
    assert "pain-now-over-limit" in rules(plan(case(45, pain_nrs=6), CATALOG).warnings)


@pytest.mark.parametrize("pain", [0, 3, 5])
def test_pain_now_within_the_during_exercise_limit_gets_no_such_warning(pain):
    rec = recommend(case(45, pain_nrs=pain), CATALOG)
    assert "pain-now-over-limit" not in rules(rec.warnings)


def test_pain_now_at_the_referral_level_refers_without_the_limit_warning():
    rec = recommend(case(45, pain_nrs=7), CATALOG)
    assert rec.refer is True
    assert "pain-now-over-limit" not in rules(rec.warnings)


def test_the_pain_now_warning_follows_a_coachs_limits(catalog_copy):
    thresholds = catalog_copy / "thresholds.yaml"
    text = thresholds.read_text()
    assert "during_max: 5 " in text
    thresholds.write_text(text.replace("during_max: 5 ", "during_max: 3 "))
    rec = recommend(case(45, pain_nrs=4), load_catalog(catalog_copy))
    warning = next(w for w in rec.warnings_why if w.rule == "pain-now-over-limit")
    assert warning.facts["limit"] == 3
