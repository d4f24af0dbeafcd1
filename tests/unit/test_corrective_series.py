"""Before a passed test: the corrective series, the test, and what a failed test keeps."""

from __future__ import annotations

import pytest

from hingecoach.core import default_catalog, recommend
from unit.builders import (
    DAY,
    FAULTS,
    SERIES,
    TEST,
    avoided,
    case,
    failed,
    hinge_beyond_corrective,
    option,
    options,
    passed,
    rule_of,
    rules,
)

CATALOG = default_catalog()

HARDER_HINGES = (
    "romanian-deadlift",
    "stiff-legged-deadlift",
    "nordic-hip-hinge",
    "glute-ham-raise",
    "hex-bar-deadlift",
    "sumo-deadlift",
    "deadlift",
    "single-leg-romanian-deadlift",
)


# --- a novice with no test -------------------------------------------------------------


def test_a_novice_with_no_test_is_on_the_corrective_stage():
    rec = recommend(case(), CATALOG)
    assert rec.stage == "corrective"
    assert rec.refer is False


def test_a_novice_with_no_test_gets_the_corrective_series_in_order():
    rec = recommend(case(), CATALOG)
    assert [e for e in options(rec) if e in SERIES] == list(SERIES)
    assert options(rec)[:3] == list(SERIES)


def test_each_step_of_the_series_says_it_comes_from_the_corrective_series():
    rec = recommend(case(), CATALOG)
    for exercise in SERIES:
        assert "corrective-series" in rules(option(rec, exercise).reasons)


@pytest.mark.parametrize(
    ("mastered", "left"),
    [
        (["kneeling-hip-hinge"], ["kneeling-good-morning", "good-morning"]),
        (["kneeling-hip-hinge", "kneeling-good-morning"], ["good-morning"]),
        (["kneeling-good-morning"], ["kneeling-hip-hinge", "good-morning"]),
    ],
)
def test_mastered_steps_of_the_series_are_skipped(mastered, left):
    rec = recommend(case(mastered=mastered), CATALOG)
    assert [e for e in options(rec) if e in SERIES] == left
    for drill in mastered:
        assert drill not in options(rec)


def test_the_test_is_not_offered_before_the_series_is_mastered():
    rec = recommend(case(mastered=["kneeling-hip-hinge", "kneeling-good-morning"]), CATALOG)
    assert TEST not in options(rec)


def test_once_the_series_is_mastered_and_no_test_is_on_record_the_test_is_offered():
    rec = recommend(case(mastered=SERIES), CATALOG)
    test = option(rec, TEST)
    assert test.role == "test"
    assert test.prescription.load_kg is None
    assert "run-the-test" in rules(test.reasons)
    assert rec.stage == "corrective"


def test_with_the_series_mastered_good_mornings_stay_as_loaded_work_beside_the_test():
    rec = recommend(case(mastered=SERIES), CATALOG)
    assert "good-morning" in options(rec)
    assert option(rec, "good-morning").prescription.load_kg is not None


@pytest.mark.parametrize("mastered", [(), SERIES, (*SERIES, "romanian-deadlift")])
def test_no_fundamental_hinge_is_offered_before_any_test(mastered):
    rec = recommend(case(mastered=mastered), CATALOG)
    for exercise in options(rec):
        assert not hinge_beyond_corrective(exercise), exercise


def test_every_harder_hinge_is_avoided_before_a_test_with_a_reason_naming_the_gate_and_fact():
    rec = recommend(case(), CATALOG)
    avoid = avoided(rec)
    gated = [
        e.id for e in default_catalog().exercises.values() if e.hinge and e.theme != "corrective"
    ]
    assert set(HARDER_HINGES) <= set(gated)
    for exercise in gated:
        gate = [r for r in avoid[exercise] if rule_of(r) == "test-gate"]
        assert gate, f"{exercise}: {avoid[exercise]}"
        assert "no bodyweight hip hinge test" in gate[0]


def test_a_novice_who_needs_hamstring_load_gets_hamstring_curls_not_a_nordic():
    rec = recommend(case(goal="hamstring-load"), CATALOG)
    assert "hamstring-curl" in options(rec)
    assert "nordic-hip-hinge" not in options(rec)


# --- a failed test ---------------------------------------------------------------------


def test_a_failed_test_keeps_the_athlete_on_the_corrective_stage():
    rec = recommend(case(tests=[failed("lumbar-flexion")]), CATALOG)
    assert rec.stage == "corrective"


def test_a_failed_test_keeps_the_athlete_between_kneeling_and_standing_good_mornings():
    rec = recommend(case(tests=[failed("lumbar-flexion")]), CATALOG)
    assert {"kneeling-good-morning", "good-morning"} <= set(options(rec))
    for o in rec.options:
        if o.hinge:
            assert o.theme == "corrective", o.exercise
            assert o.level <= 3, o.exercise
            assert "failed-test" in rules(o.reasons) or "fault-step-back" in rules(o.reasons)


def test_the_reason_quotes_the_date_and_the_fault_of_the_failed_test():
    rec = recommend(case(tests=[failed("lumbar-flexion", on="2026-11-01")]), CATALOG)
    reasons = [r for o in rec.options for r in o.reasons]
    assert any("test on 2026-11-01 showed lumbar-flexion" in r for r in reasons)
    assert any(
        "test on 2026-11-01 showed lumbar-flexion" in r for r in avoided(rec)["romanian-deadlift"]
    )


@pytest.mark.parametrize("fault", FAULTS)
def test_each_fault_of_a_failed_test_brings_its_step_back(fault):
    step_back = default_catalog().faults[fault].regress_to
    rec = recommend(case(tests=[failed(fault)]), CATALOG)
    reasons = option(rec, step_back).reasons
    named = [r for r in reasons if rule_of(r) == "fault-step-back"]
    assert named and fault in named[0]


def test_the_catalog_points_each_fault_to_a_corrective_step():
    catalog = default_catalog()
    assert set(FAULTS) <= set(catalog.faults)
    for fault in FAULTS:
        target = catalog.exercises[catalog.faults[fault].regress_to]
        assert target.theme == "corrective", fault


def test_a_lost_counterbalance_steps_back_to_the_kneeling_hip_hinge():
    rec = recommend(case(tests=[failed("no-counterbalance")]), CATALOG)
    assert "kneeling-hip-hinge" in options(rec)


def test_after_a_failed_test_hamstring_load_comes_from_hamstring_curls():
    rec = recommend(case(tests=[failed("lumbar-flexion")]), CATALOG)
    curl = option(rec, "hamstring-curl")
    assert curl.hinge is False
    assert "hamstring-fallback" in rules(curl.reasons)


@pytest.mark.parametrize("exercise", HARDER_HINGES)
def test_after_a_failed_test_harder_hinges_are_avoided(exercise):
    rec = recommend(case(mastered=SERIES, tests=[failed("lumbar-flexion")]), CATALOG)
    assert exercise not in options(rec)
    assert "test-gate" in rules(avoided(rec)[exercise])


def test_a_failed_test_holds_back_even_an_athlete_who_mastered_harder_work():
    mastered = [*SERIES, "romanian-deadlift", "nordic-hip-hinge", "hex-bar-deadlift"]
    rec = recommend(case(mastered=mastered, tests=[failed("weight-forward")]), CATALOG)
    assert rec.stage == "corrective"
    assert not [e for e in options(rec) if hinge_beyond_corrective(e)]


def test_a_failed_test_does_not_offer_the_test_as_training():
    rec = recommend(case(mastered=SERIES, tests=[failed("lumbar-flexion")]), CATALOG)
    assert TEST not in options(rec)


# --- the latest test counts --------------------------------------------------------------


def test_an_older_pass_and_a_newer_fail_keep_the_athlete_corrective():
    tests = [passed(on="2026-10-01"), failed("lumbar-flexion", on="2026-11-01")]
    rec = recommend(case(mastered=SERIES, tests=tests), CATALOG)
    assert rec.stage == "corrective"
    assert "romanian-deadlift" not in options(rec)


def test_an_older_fail_and_a_newer_pass_move_the_athlete_to_fundamental():
    tests = [failed("lumbar-flexion", on="2026-10-01"), passed(on="2026-11-01")]
    rec = recommend(case(mastered=SERIES, tests=tests), CATALOG)
    assert rec.stage == "fundamental"
    assert "romanian-deadlift" in options(rec)


def test_the_latest_test_is_found_by_date_not_by_position_in_the_list():
    newest_first = [failed("toes-lift", on="2026-11-01"), passed(on="2026-10-01")]
    assert recommend(case(mastered=SERIES, tests=newest_first), CATALOG).stage == "corrective"
    newest_first = [passed(on="2026-11-01"), failed("toes-lift", on="2026-10-01")]
    assert recommend(case(mastered=SERIES, tests=newest_first), CATALOG).stage == "fundamental"


def test_the_reason_after_a_newer_fail_quotes_the_newer_test():
    tests = [failed("toes-lift", on="2026-09-01"), failed("lumbar-flexion", on=DAY)]
    rec = recommend(case(tests=tests), CATALOG)
    reasons = [r for o in rec.options for r in o.reasons]
    assert any(f"test on {DAY} showed lumbar-flexion" in r for r in reasons)
    assert not any("2026-09-01" in r for r in reasons)


@pytest.mark.parametrize("tests", [(), (failed("lumbar-flexion"),)])
def test_the_test_gate_holds_back_hinges_only_not_the_alternatives_or_the_shorter_hinge(tests):
    avoid = avoided(recommend(case(tests=tests), CATALOG))
    for exercise in ("hip-bridge", "hip-thrust", "step-up", "hamstring-curl", "elevated-deadlift"):
        assert "test-gate" not in rules(avoid.get(exercise, [])), exercise


def test_of_two_tests_on_the_same_date_the_one_listed_last_counts():
    same_day = [passed(on="2026-11-01"), failed("toes-lift", on="2026-11-01")]
    assert recommend(case(mastered=SERIES, tests=same_day), CATALOG).stage == "corrective"
    assert recommend(case(mastered=SERIES, tests=same_day[::-1]), CATALOG).stage == "fundamental"


def test_a_failed_test_on_record_is_said_once_in_the_warnings():
    rec = recommend(case(30, mastered=SERIES, tests=[failed("toes-lift")]), default_catalog())
    lines = [w.text for w in rec.warnings_why]
    lines += [w.text for o in rec.options for w in o.why]
    lines += [w.text for a in rec.avoid for w in a.why]
    assert sum("test on 1 Nov 2026 showed" in line for line in lines) == 1, lines
    assert any(w.rule == "test-failed" for w in rec.warnings_why)
