"""Training blocks: N weekly sessions, re-tests, rising loads and the ways back down."""

from __future__ import annotations

from collections import defaultdict

import pytest

from hingecoach.core import CaseError, block
from unit.builders import (
    SERIES,
    TEST,
    case,
    catalog_range,
    failed,
    hinge_beyond_corrective,
    passed,
)

CASES = {
    "novice": case(),
    "failed test": case(tests=[failed("lumbar-flexion")]),
    "passed": case(mastered=["kneeling-hip-hinge", "good-morning"], tests=[passed()]),
    "passed, max strength": case(mastered=SERIES, tests=[passed()], goal="max-strength"),
    "youth": case(13, mastered=SERIES),
    "cannot kneel": case(conditions=["cannot-kneel"], tests=[passed()]),
    "pain-aware": case(conditions=["low-back-pain"], tests=[passed()]),
    "high fear": case(tsk11=39),
    "flare": case(mastered=SERIES, tests=[passed()], last_session={"pain_during": 8}),
}


@pytest.mark.parametrize("weeks", [1, 4, 12, 52])
def test_a_block_has_the_number_of_weeks_asked_for_each_with_a_session(weeks):
    b = block(CASES["passed"], weeks=weeks)
    assert [w.week for w in b.weeks] == list(range(1, weeks + 1))
    assert all(w.session for w in b.weeks)


@pytest.mark.parametrize("name", CASES)
def test_every_week_has_a_session(name):
    for week in block(CASES[name], weeks=8).weeks:
        assert week.session, week.week


@pytest.mark.parametrize("name", CASES)
def test_a_retest_week_begins_with_the_test_and_no_other_week_holds_it(name):
    for week in block(CASES[name], weeks=10).weeks:
        names = [i.exercise for i in week.session]
        if week.retest:
            assert names[0] == TEST, week.week
            assert week.session[0].part == "warm-up"
        else:
            assert TEST not in names, week.week


def test_a_passed_athlete_retests_in_the_first_week():
    assert block(CASES["passed"], weeks=4).weeks[0].retest is True


def test_a_block_for_a_novice_brings_the_test_once_the_series_is_mastered():
    weeks = block(CASES["novice"], weeks=8).weeks
    assert weeks[0].retest is False
    assert any(w.retest for w in weeks)


@pytest.mark.parametrize("name", CASES)
def test_loads_of_main_work_never_drop_week_on_week_within_a_stage(name):
    last: dict[tuple[str, str], tuple[float, float]] = {}
    for week in block(CASES[name], weeks=12).weeks:
        for item in week.session:
            load = item.prescription.load_kg
            if item.part != "main" or load is None:
                continue
            key = (week.stage, item.exercise)
            if key in last:
                assert load.min >= last[key][0], (week.week, item.exercise)
                assert load.max >= last[key][1], (week.week, item.exercise)
            last[key] = (load.min, load.max)


def test_loads_of_main_work_rise_across_a_block():
    by_exercise = defaultdict(list)
    for week in block(CASES["passed, max strength"], weeks=6).weeks:
        for item in week.session:
            if item.part == "main" and item.prescription.load_kg is not None:
                by_exercise[item.exercise].append(item.prescription.load_kg.max)
    assert any(loads[-1] > loads[0] for loads in by_exercise.values())


def test_strength_work_runs_three_sets_of_ten_early_and_ten_eight_six_later():
    weeks = block(CASES["passed"], weeks=8).weeks
    main = [[i for i in w.session if i.part == "main" and i.prescription.load_kg is not None]
            for w in weeks]
    assert main[0] and main[-1]
    assert all(i.prescription.reps == [10, 10, 10] for i in main[0])
    assert all(i.prescription.reps == [10, 8, 6] for i in main[-1])


@pytest.mark.parametrize("name", CASES)
def test_every_retest_week_says_what_to_do_if_the_retest_fails(name):
    for week in block(CASES[name], weeks=10).weeks:
        if week.retest:
            assert week.if_retest_fails, week.week
            for item in week.if_retest_fails:
                assert not hinge_beyond_corrective(item.exercise), (week.week, item.exercise)
        else:
            assert week.if_retest_fails is None


def test_a_failed_retest_sends_a_passed_athlete_back_to_good_mornings():
    week = block(CASES["passed"], weeks=4).weeks[0]
    fallback = {i.exercise for i in week.if_retest_fails}
    assert "romanian-deadlift" in {i.exercise for i in week.session}
    assert "romanian-deadlift" not in fallback
    assert {"kneeling-good-morning", "good-morning"} & fallback


@pytest.mark.parametrize("age", [13, 34])
@pytest.mark.parametrize("name", CASES)
def test_every_week_says_what_to_do_after_a_pain_flare_at_the_bottom_of_the_range(name, age):
    c = {**CASES[name], "athlete": {**CASES[name]["athlete"], "age": age}}
    for week in block(c, weeks=8).weeks:
        assert week.if_pain_flare, week.week
        assert week.if_pain_flare[-1].prescription.load_kg is not None
        for item in week.if_pain_flare:
            load = item.prescription.load_kg
            if load is not None:
                bottom = catalog_range(item.exercise, age).min
                assert load.min == load.max == bottom, (week.week, item.exercise)


@pytest.mark.parametrize("name", CASES)
def test_every_week_of_a_block_ends_with_loaded_work(name):
    for week in block(CASES[name], weeks=8).weeks:
        assert week.session[-1].prescription.load_kg is not None, week.week
        assert week.session[-1].exercise != TEST


def test_a_block_never_offers_a_harder_hinge_before_the_first_passed_retest():
    for week in block(CASES["novice"], weeks=8).weeks:
        if week.stage == "corrective":
            for item in week.session:
                assert not hinge_beyond_corrective(item.exercise), (week.week, item.exercise)


def test_the_block_starts_from_the_cases_stage():
    assert block(CASES["failed test"], weeks=3).stage == "corrective"
    assert block(CASES["pain-aware"], weeks=3).stage == "pain-aware"


def test_a_pain_aware_block_keeps_to_the_pain_aware_path():
    for week in block(CASES["pain-aware"], weeks=8).weeks:
        assert week.stage == "pain-aware"
        for item in week.session:
            if item.role != "test":
                assert not (item.hinge and item.range == "full"), (week.week, item.exercise)


@pytest.mark.parametrize("weeks", [0, 53])
def test_a_block_of_zero_or_more_than_fifty_two_weeks_is_refused(weeks):
    with pytest.raises(CaseError) as error:
        block(case(), weeks=weeks)
    assert str(error.value) == f"weeks: {weeks} is not in the range 1..52"


def test_a_referred_athlete_gets_no_weeks():
    b = block(case(pain_nrs=8), weeks=6)
    assert (b.refer, b.stage, b.weeks) == (True, "refer", [])
