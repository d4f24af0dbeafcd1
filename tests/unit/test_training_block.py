"""Training blocks: N weekly sessions, re-tests, rising loads and the ways back down."""

from __future__ import annotations

import itertools
import re
from collections import defaultdict

import pytest

from hingecoach.core import CaseError, block, default_catalog, load_catalog, plan
from unit.builders import (
    SERIES,
    TEST,
    case,
    catalog_range,
    failed,
    hinge_beyond_corrective,
    passed,
)
from unit.test_catalog import break_file

CATALOG = default_catalog()

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
    b = block(CASES["passed"], weeks=weeks, catalog=CATALOG)
    assert [w.week for w in b.weeks] == list(range(1, weeks + 1))
    assert all(w.session for w in b.weeks)


@pytest.mark.parametrize("name", CASES)
def test_every_week_has_a_session(name):
    for week in block(CASES[name], weeks=8, catalog=CATALOG).weeks:
        assert week.session, week.week


@pytest.mark.parametrize("name", CASES)
def test_a_retest_week_begins_with_the_test_and_no_other_week_holds_it(name):
    for week in block(CASES[name], weeks=10, catalog=CATALOG).weeks:
        names = [i.exercise for i in week.session]
        if week.retest:
            assert names[0] == TEST, week.week
            assert week.session[0].part == "warm-up"
        else:
            assert TEST not in names, week.week


def test_a_passed_athlete_retests_in_the_first_week():
    assert block(CASES["passed"], weeks=4, catalog=CATALOG).weeks[0].retest is True


def test_a_block_for_a_novice_brings_the_test_once_the_series_is_mastered():
    weeks = block(CASES["novice"], weeks=8, catalog=CATALOG).weeks
    assert weeks[0].retest is False
    assert any(w.retest for w in weeks)


@pytest.mark.parametrize("name", CASES)
def test_loads_of_main_work_never_drop_week_on_week_within_a_stage(name):
    last: dict[tuple[str, str], tuple[float, float]] = {}
    for week in block(CASES[name], weeks=12, catalog=CATALOG).weeks:
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
    for week in block(CASES["passed, max strength"], weeks=6, catalog=CATALOG).weeks:
        for item in week.session:
            if item.part == "main" and item.prescription.load_kg is not None:
                by_exercise[item.exercise].append(item.prescription.load_kg.max)
    assert any(loads[-1] > loads[0] for loads in by_exercise.values())


@pytest.mark.parametrize("name", CASES)
def test_each_exercise_keeps_its_own_sets_and_reps_all_block_long(name):
    schemes: dict[str, set[str]] = defaultdict(set)
    for week in block(CASES[name], weeks=12, catalog=CATALOG).weeks:
        for item in week.session:
            schemes[item.exercise].add(item.prescription.scheme)
    assert all(len(found) == 1 for found in schemes.values()), dict(schemes)


def test_a_hex_bar_deadlift_keeps_its_three_sets_of_five():
    c = case(mastered=[*SERIES, "romanian-deadlift", "nordic-hip-hinge"], tests=[passed()])
    hex_bar = [
        i
        for w in block(c, weeks=6, catalog=CATALOG).weeks
        for i in w.session
        if i.exercise == "hex-bar-deadlift"
    ]
    assert hex_bar and all(i.prescription.reps == [5, 5, 5] for i in hex_bar)


@pytest.mark.parametrize("name", CASES)
def test_week_one_of_a_block_is_todays_plan(name):
    first = block(CASES[name], weeks=4, catalog=CATALOG).weeks[0]
    assert first.session == plan(CASES[name], CATALOG).session


def test_a_passed_athlete_spends_six_weeks_on_a_step_before_the_next_is_projected():
    weeks = block(CASES["passed"], weeks=16, catalog=CATALOG).weeks
    first_hex = next(w.week for w in weeks if "hex-bar-deadlift" in {i.exercise for i in w.session})
    first_sumo = next(
        (w.week for w in weeks if "sumo-deadlift" in {i.exercise for i in w.session}), None
    )
    assert first_hex >= 7
    assert first_sumo is None or first_sumo >= first_hex + 6


def test_a_coach_can_shorten_the_time_on_a_step(catalog_copy):
    break_file(
        catalog_copy,
        "programme.yaml",
        "exercises_mastered_after_weeks: 6",
        "exercises_mastered_after_weeks: 2",
    )
    weeks = block(CASES["passed"], weeks=6, catalog=load_catalog(catalog_copy)).weeks
    assert any("hex-bar-deadlift" in {i.exercise for i in w.session} for w in weeks[:4])


def test_a_pain_aware_block_plans_pain_checks_weekly_and_fear_checks_every_four_weeks():
    weeks = block(CASES["pain-aware"], weeks=9, catalog=CATALOG).weeks
    assert all("pain-now" in w.rechecks for w in weeks)
    assert [w.week for w in weeks if "tsk11" in w.rechecks] == [1, 5, 9]


def test_a_block_off_the_pain_aware_path_re_checks_pain_only_in_a_week_with_a_step():
    for week in block(CASES["passed"], weeks=6, catalog=CATALOG).weeks:
        stepped = any(i.only_if for i in week.session)
        assert week.rechecks == (["pain-now"] if stepped else []), week.week


def test_a_starting_load_climbs_one_gym_load_a_week():
    weeks = block(CASES["passed"], weeks=4, catalog=CATALOG).weeks
    loads = [
        i.prescription.load_kg.max
        for w in weeks
        for i in w.session
        if i.exercise == "romanian-deadlift"
    ]
    assert loads == [30, 32.5, 35, 37.5]


@pytest.mark.parametrize("name", CASES)
def test_every_retest_week_says_what_to_do_if_the_retest_fails(name):
    for week in block(CASES[name], weeks=10, catalog=CATALOG).weeks:
        if week.retest:
            assert week.if_retest_fails, week.week
            for item in week.if_retest_fails:
                assert not hinge_beyond_corrective(item.exercise), (week.week, item.exercise)
        else:
            assert week.if_retest_fails is None


def test_a_failed_retest_sends_a_passed_athlete_back_to_good_mornings():
    week = block(CASES["passed"], weeks=4, catalog=CATALOG).weeks[0]
    fallback = {i.exercise for i in week.if_retest_fails}
    assert "romanian-deadlift" in {i.exercise for i in week.session}
    assert "romanian-deadlift" not in fallback
    assert {"kneeling-good-morning", "good-morning"} & fallback


@pytest.mark.parametrize("age", [13, 34])
@pytest.mark.parametrize("name", CASES)
def test_every_week_says_what_to_do_after_a_pain_flare_at_the_bottom_of_the_range(name, age):
    c = {**CASES[name], "athlete": {**CASES[name]["athlete"], "age": age}}
    for week in block(c, weeks=8, catalog=CATALOG).weeks:
        assert week.if_pain_flare, week.week
        assert week.if_pain_flare[-1].prescription.load_kg is not None
        for item in week.if_pain_flare:
            load = item.prescription.load_kg
            if load is not None:
                rng = catalog_range(item.exercise, age)
                assert load.min == load.max, (week.week, item.exercise)
                assert rng.min <= load.max <= rng.min + 2.5, (week.week, item.exercise)


@pytest.mark.parametrize("name", CASES)
def test_every_week_of_a_block_ends_with_loaded_work(name):
    for week in block(CASES[name], weeks=8, catalog=CATALOG).weeks:
        assert week.session[-1].prescription.load_kg is not None, week.week
        assert week.session[-1].exercise != TEST


def test_a_block_never_offers_a_harder_hinge_before_the_first_passed_retest():
    for week in block(CASES["novice"], weeks=8, catalog=CATALOG).weeks:
        if week.stage == "corrective":
            for item in week.session:
                assert not hinge_beyond_corrective(item.exercise), (week.week, item.exercise)


def test_the_block_starts_from_the_cases_stage():
    assert block(CASES["failed test"], weeks=3, catalog=CATALOG).stage == "corrective"
    assert block(CASES["pain-aware"], weeks=3, catalog=CATALOG).stage == "pain-aware"


def test_a_pain_aware_block_keeps_to_the_pain_aware_path():
    for week in block(CASES["pain-aware"], weeks=8, catalog=CATALOG).weeks:
        assert week.stage == "pain-aware"
        for item in week.session:
            if item.role != "test":
                assert not (item.hinge and item.range == "full"), (week.week, item.exercise)


@pytest.mark.parametrize("weeks", [0, 53])
def test_a_block_of_zero_or_more_than_fifty_two_weeks_is_refused(weeks):
    with pytest.raises(CaseError) as error:
        block(case(), weeks=weeks, catalog=CATALOG)
    assert str(error.value) == f"weeks: {weeks} is not in the range 1..52"


def test_a_referred_athlete_gets_no_weeks():
    b = block(case(pain_nrs=8), weeks=6, catalog=CATALOG)
    assert (b.refer, b.stage, b.weeks) == (True, "refer", [])


def _every_reason(planned):
    """Every reason string and why text a block prints, all weeks and fallbacks."""
    for week in planned.weeks:
        for items in (week.session, week.if_retest_fails or [], week.if_pain_flare or []):
            for item in items:
                yield from item.reasons
                yield from (w.text for w in item.why)


def _quoted_test_dates(planned):
    found = set()
    for text in _every_reason(planned):
        found.update(re.findall(r"test on (\d{4}-\d\d-\d\d|\d{1,2} \w{3} \d{4})", text))
    return found


def test_a_block_for_an_athlete_never_tested_quotes_no_test_date():
    planned = block(case(), 8, CATALOG)
    assert _quoted_test_dates(planned) == set()
    later = [t for t in _every_reason(planned) if "re-test passes" in t]
    assert any("if the week-" in t for t in later)


def test_a_block_quotes_only_the_test_on_record_and_words_re_tests_as_projections():
    real = {"date": "2026-02-10", "faults": ["lumbar-flexion"]}
    planned = block(case(mastered=SERIES, tests=[real]), 8, CATALOG)
    assert _quoted_test_dates(planned) <= {"2026-02-10", "10 Feb 2026"}
    assert any("if the week-" in t for t in _every_reason(planned))


FLARED_AT_40 = case(
    38,
    mastered=SERIES,
    tests=[passed()],
    last_session={
        "pain_during": 7,
        "exercises": [
            {"exercise": "romanian-deadlift", "load_kg": 40, "sets": 3, "reps": [10, 10, 10]}
        ],
    },
)


def test_after_a_flare_every_new_exercise_or_heavier_load_waits_on_a_pain_recheck():
    b = block(FLARED_AT_40, 8, CATALOG)
    for before, week in itertools.pairwise(b.weeks):
        earlier = {i.exercise: i for i in before.session}
        for item in week.session:
            then = earlier.get(item.exercise)
            load, last = item.prescription.load_kg, then and then.prescription.load_kg
            stepped = then is None or (load is not None and (last is None or load.max > last.max))
            if item.part == "warm-up" or not stepped:
                continue
            gate = item.only_if
            assert gate is not None, (week.week, item.exercise)
            assert gate.rechecks == ["pain-now"] and "pain-now" in week.rechecks
            assert gate.compared_to_week == week.week - 1
            assert gate.step == ("exercise" if then is None else "load")
            text = next(w.text for w in item.why if w.rule == "block-step-if")
            assert text.endswith(f"otherwise repeat week {week.week - 1}"), text


def test_after_a_flare_no_week_lifts_more_than_the_flared_session():
    loads = [
        (week.week, item.exercise, item.prescription.load_kg.max)
        for week in block(FLARED_AT_40, 12, CATALOG).weeks
        for item in week.session
        if item.prescription.load_kg is not None
    ]
    assert any(kg > 30 for _, _, kg in loads), "the block still climbs back toward it"
    assert all(kg <= 40 for _, _, kg in loads), [x for x in loads if x[2] > 40]


def test_an_exercise_brought_in_on_assumed_mastery_says_so_once_and_otherwise_repeat_last_week():
    b = block(case(35, mastered=SERIES, tests=[passed()]), 8, CATALOG)
    week = next(w for w in b.weeks if any(i.exercise == "hex-bar-deadlift" for i in w.session))
    hex_bar = next(i for i in week.session if i.exercise == "hex-bar-deadlift")
    said = [w.text for w in hex_bar.why if "mastered by then" in w.text]
    assert len(said) == 1, said
    assert "Romanian Deadlift" in said[0] and "Nordic Hip Hinge" in said[0], said
    gate = next(w.text for w in hex_bar.why if w.rule == "block-step-if")
    assert gate.endswith(f"otherwise repeat week {week.week - 1}"), gate


def test_only_the_first_week_on_a_stretch_exercise_says_it_starts_light():
    b = block(case(35, mastered=SERIES, tests=[passed()]), 8, CATALOG)
    weeks_on: dict[str, int] = defaultdict(int)
    for week in b.weeks:
        for item in week.session:
            rules = {w.rule for w in item.why}
            if "stretch-skill" in rules:
                assert weeks_on[item.exercise] == 0, (week.week, item.exercise)
            if weeks_on[item.exercise]:
                assert "stretch-skill" not in rules
            weeks_on[item.exercise] += 1
    assert any(w.rule == "stretch-skill-on" for wk in b.weeks for i in wk.session for w in i.why)
