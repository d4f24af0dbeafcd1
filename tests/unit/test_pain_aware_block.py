"""A pain-aware block adds range before load, and every projected step (a longer range
or a heavier load) happens only if that week's re-checks of pain (and fear) allow it."""

from __future__ import annotations

import itertools

import pytest

from hingecoach.core import block, default_catalog, plan
from unit.builders import case, passed, rules

CATALOG = default_catalog()
EVERY = CATALOG.programme.block.pain_aware_step_every_weeks
PAIN_AWARE = {
    "low back pain at 58": case(58, pain_nrs=4, conditions=["low-back-pain"]),
    "high fear": case(34, tsk11=38),
    "pain now 3": case(34, pain_nrs=3),
}


def items(b, exercise):
    return [next(i for i in w.session if i.exercise == exercise) for w in b.weeks]


def changed(before, after) -> bool:
    return (
        before.prescription.load_kg != after.prescription.load_kg
        or before.prescription.range_step != after.prescription.range_step
    )


@pytest.mark.parametrize("name", PAIN_AWARE)
def test_week_one_of_a_pain_aware_block_is_todays_plan_at_the_shortest_range(name):
    b, today = block(PAIN_AWARE[name], 8, CATALOG), plan(PAIN_AWARE[name], CATALOG)
    assert b.weeks[0].session == today.session
    for item in today.session:
        steps = CATALOG[item.exercise].range_steps
        if steps:
            assert item.prescription.range_step.step == 1
            assert item.prescription.range_step.text == steps[0]
            assert "range-first" in rules(item.reasons)


def test_the_elevated_deadlift_lowers_its_platform_before_its_load_climbs():
    weeks = items(block(PAIN_AWARE["low back pain at 58"], 12, CATALOG), "elevated-deadlift")
    last_range = CATALOG["elevated-deadlift"].range_steps
    bottom = weeks[0].prescription.load_kg.max
    for item in weeks:
        if item.prescription.load_kg.max > bottom:
            assert item.prescription.range_step.step == len(last_range), item.reasons
    assert [i.prescription.range_step.step for i in weeks][: 2 * EVERY + 1] == [1] * EVERY + [
        2
    ] * EVERY + [3]
    assert weeks[-1].prescription.load_kg.max > bottom


@pytest.mark.parametrize("name", PAIN_AWARE)
def test_every_projected_step_is_gated_on_the_weeks_re_check_and_says_so(name):
    b = block(PAIN_AWARE[name], 12, CATALOG)
    exercises = {i.exercise for i in b.weeks[0].session}
    for exercise in exercises:
        weeks = items(b, exercise)
        for before, after in itertools.pairwise(weeks):
            week = b.weeks[weeks.index(after)]
            if not changed(before, after):
                assert after.only_if is None, (exercise, week.week)
                continue
            gate = after.only_if
            assert gate is not None, (exercise, week.week)
            assert "pain-now" in gate.rechecks and "pain-now" in week.rechecks
            assert gate.compared_to_week == week.week - 1
            text = next(w.text for w in after.why if w.rule == "block-step-if")
            assert text.startswith(f"In week {week.week}, move ")
            assert "only if the re-check shows pain" in text
            assert text.endswith(f"otherwise repeat week {week.week - 1}")


def test_steps_come_no_faster_than_the_programmes_interval():
    weeks = items(block(PAIN_AWARE["low back pain at 58"], 12, CATALOG), "step-up")
    moves = [n for n, (a, b) in enumerate(itertools.pairwise(weeks), 2) if changed(a, b)]
    assert moves and all(b - a >= EVERY for a, b in itertools.pairwise(moves)), moves


def test_a_fear_re_check_week_gates_the_step_on_fear_as_well():
    b = block(PAIN_AWARE["high fear"], 12, CATALOG)
    gated = [i for w in b.weeks if "tsk11" in w.rechecks for i in w.session if i.only_if]
    assert gated
    for item in gated:
        assert "tsk11" in item.only_if.rechecks
        assert "fear of movement (TSK-11)" in next(
            w.text for w in item.why if w.rule == "block-step-if"
        )


def test_a_block_off_the_pain_aware_path_has_no_range_steps_and_gates_on_pain_alone():
    b = block(
        case(
            34,
            mastered=["kneeling-hip-hinge", "kneeling-good-morning", "good-morning"],
            tests=[passed()],
        ),
        8,
        CATALOG,
    )
    gates = [i.only_if for w in b.weeks for i in w.session if i.only_if is not None]
    assert gates, "a projected load rise or new exercise waits on a pain re-check"
    assert all(g.rechecks == ["pain-now"] and g.step != "range" for g in gates), gates
    for week in b.weeks:
        assert "tsk11" not in week.rechecks, week.week
        for item in week.session:
            assert item.prescription.range_step is None


@pytest.mark.parametrize("name", PAIN_AWARE)
def test_a_pain_aware_blocks_flare_session_stays_off_the_hinge_all_block_long(name):
    for week in block(PAIN_AWARE[name], 8, CATALOG).weeks:
        main = [i for i in week.if_pain_flare if i.part == "main"]
        assert main and not any(i.hinge for i in main), (week.week, [i.exercise for i in main])
