"""Today's session: the re-test warm-up, drills in teaching order, loaded work last."""

from __future__ import annotations

import pytest

from hingecoach.core import block, default_catalog, plan, recommend
from unit.builders import SERIES, TEST, case, failed, passed, rules, session

CATALOG = default_catalog()

SCENARIOS = {
    "novice": dict(),
    "one drill mastered": dict(mastered=["kneeling-hip-hinge"]),
    "series mastered": dict(mastered=SERIES),
    "failed test": dict(tests=[failed("no-counterbalance", "lumbar-flexion")]),
    "passed": dict(tests=[passed()]),
    "passed, hamstring goal": dict(mastered=SERIES, tests=[passed()], goal="hamstring-load"),
    "challenge": dict(
        mastered=[*SERIES, "romanian-deadlift", "nordic-hip-hinge", "hex-bar-deadlift"],
        tests=[passed()],
    ),
    "cannot kneel": dict(conditions=["cannot-kneel"]),
    "pain-aware": dict(pain_nrs=5),
    "high fear": dict(tsk11=40, tests=[passed()]),
    "flare": dict(tests=[passed()], mastered=SERIES, last_session={"pain_during": 9}),
    "flare at the bottom": dict(
        conditions=["cannot-kneel"],
        last_session={"pain_during": 9, "exercises": [{"exercise": "good-morning", "load_kg": 20}]},
    ),
    "youth": dict(age=12, mastered=SERIES),
}


def plan_for(scenario):
    return plan(case(**SCENARIOS[scenario]), CATALOG)


@pytest.mark.parametrize(
    "scenario", ["series mastered", "failed test", "passed", "challenge", "high fear", "flare"]
)
def test_the_session_opens_with_the_test_as_warm_up(scenario):
    first = plan_for(scenario).session[0]
    assert first.exercise == TEST
    assert first.part == "warm-up"
    assert first.prescription.load_kg is None


@pytest.mark.parametrize("tests", [[failed("toes-lift")], [passed()]])
def test_any_test_on_record_brings_the_warm_up_retest_even_with_nothing_mastered(tests):
    assert session(plan(case(tests=tests), CATALOG))[0] == TEST


@pytest.mark.parametrize("scenario", ["novice", "one drill mastered", "cannot kneel", "pain-aware"])
def test_a_novice_with_no_test_and_the_series_unmastered_has_no_test_in_the_session(scenario):
    assert TEST not in session(plan_for(scenario))


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_the_test_is_never_the_last_item(scenario):
    assert plan_for(scenario).session[-1].exercise != TEST


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_the_session_ends_with_loaded_work(scenario):
    last = plan_for(scenario).session[-1]
    assert last.prescription.load_kg is not None, last.exercise
    assert last.role == "exercise"


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_the_test_appears_at_most_once_and_only_as_warm_up(scenario):
    items = plan_for(scenario).session
    tests = [i for i in items if i.exercise == TEST]
    assert len(tests) <= 1
    assert all(i.part == "warm-up" for i in tests)


def test_the_novice_session_teaches_the_drills_in_order_then_loads():
    items = plan(case(), CATALOG).session
    assert [i.exercise for i in items] == list(SERIES)
    assert [i.part for i in items] == ["drill", "drill", "main"]


def test_drills_after_a_failed_test_come_in_teaching_order():
    items = plan(case(tests=[failed("lumbar-flexion", "no-counterbalance")]), CATALOG).session
    drills = [i.exercise for i in items if i.part == "drill"]
    assert drills == ["kneeling-hip-hinge", "kneeling-good-morning"]


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_the_parts_come_in_order_warm_up_drills_main(scenario):
    order = {"warm-up": 0, "drill": 1, "main": 2}
    parts = [order[i.part] for i in plan_for(scenario).session]
    assert parts == sorted(parts)


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_the_session_repeats_no_exercise(scenario):
    names = session(plan_for(scenario))
    assert len(names) == len(set(names))


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_the_plan_carries_the_recommendations_stage_and_warnings(scenario):
    c = case(**SCENARIOS[scenario])
    p, rec = plan(c, CATALOG), recommend(c, CATALOG)
    assert (p.stage, p.refer, p.warnings) == (rec.stage, rec.refer, rec.warnings)


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_every_session_item_is_drawn_from_the_options_or_is_the_retest(scenario):
    c = case(**SCENARIOS[scenario])
    offered = {o.exercise for o in recommend(c, CATALOG).options} | {TEST, "hamstring-curl"}
    assert set(session(plan(c, CATALOG))) <= offered


def test_after_a_failed_test_the_session_keeps_to_corrective_work():
    items = plan(case(tests=[failed("lumbar-flexion")]), CATALOG).session
    for item in items:
        assert item.theme == "corrective" or not item.hinge, item.exercise


def test_the_warm_up_retest_says_it_checks_the_skill_and_is_not_trained():
    first = plan(case(tests=[passed()]), CATALOG).session[0]
    assert "test-not-trained" in rules(first.reasons)
    assert first.role == "test"


FINISH = "Comes last, so the session ends on its main work"


def _finishes(sessions):
    for items in sessions:
        for at, item in enumerate(items):
            for why in item.why:
                if why.rule == "finish-loaded":
                    yield items, at, item, why


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_the_finishing_reason_is_true_of_the_item_it_is_on(scenario):
    c = case(**SCENARIOS[scenario])
    weeks = block(c, 12, CATALOG).weeks
    sessions = [plan(c, CATALOG).session, *(w.session for w in weeks)]
    for items, at, item, why in _finishes(sessions):
        assert at == len(items) - 1 and item.part == "main", (item.exercise, at)
        assert why.text == FINISH


def test_a_childs_dowel_session_and_a_session_without_drills_are_not_told_of_drills_or_loads():
    child = case(
        10,
        mastered=["kneeling-hip-hinge"],
        last_session={
            "pain_during": 6,
            "exercises": [{"exercise": "kneeling-good-morning", "load_kg": 3}],
        },
    )
    passed_adult = case(30, mastered=SERIES, tests=[passed()])
    sessions = [
        *(w.session for w in block(child, 12, CATALOG).weeks),
        plan(passed_adult, CATALOG).session,
    ]
    found = list(_finishes(sessions))
    assert any(item.prescription.implement == "dowel" for _, _, item, _ in found)
    assert any(all(i.role != "drill" for i in items) for items, _, _, _ in found)
    for _, _, _, why in found:
        assert "drills" not in why.text and "loaded work" not in why.text, why.text


@pytest.mark.parametrize("goal", ["technique", "max-strength", "hamstring-load"])
@pytest.mark.parametrize("age", [6, 9, 11])
def test_a_childs_session_ends_on_a_real_load_when_it_has_one_not_on_the_dowel(age, goal):
    owned = ["hex-bar-deadlift", "romanian-deadlift", "nordic-hip-hinge"]
    c = case(age, mastered=[*SERIES, *owned], tests=[passed()], goal=goal)
    items = plan(c, CATALOG).session
    barred = [i for i in items if i.prescription.load_kg and i.prescription.implement != "dowel"]
    assert barred, [i.exercise for i in items]
    assert items[-1].prescription.implement != "dowel", [i.exercise for i in items]
