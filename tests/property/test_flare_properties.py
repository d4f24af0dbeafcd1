"""After a pain flare, over generated cases: every load a gym has within the flared
session's load and the exercise's own bottom, in both units; something to do that does
not load the hinge; each reason line once."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from hingecoach.core import block, plan, recommend
from hingecoach.core.engine.loads import band_windows
from hingecoach.core.present import why_text
from property.strategies import CATALOG, cases, logged_exercises
from unit.builders import pound_cap

SETTINGS = settings(max_examples=300, deadline=None)


def is_flare(case) -> bool:
    last = case.get("last_session") or {}
    pain = CATALOG.thresholds.pain
    return (last.get("pain_during") or 0) > pain.during_max or (
        last.get("pain_next_morning") or 0
    ) > pain.next_morning_max


def band(case) -> str:
    return CATALOG.age_band(case["athlete"]["age"])


def cap_kg(case, exercise: str) -> float | None:
    logged = [
        e
        for e in (case.get("last_session") or {}).get("exercises") or []
        if e.get("load_kg") is not None
    ]
    own = [e["load_kg"] for e in logged if e["exercise"] == exercise]
    if own:
        return max(own)
    return max((e["load_kg"] for e in logged), default=None)


@SETTINGS
@given(cases())
def test_after_a_flare_no_load_sits_below_the_exercises_bottom_or_above_the_flare_in_either_unit(
    case,
):
    rec = recommend(case, CATALOG)
    if not is_flare(case) or rec.refer:
        return
    for item in [*rec.options, *plan(case, CATALOG).session]:
        rx = item.prescription
        if rx.load_kg is None or rx.implement == "dowel":
            continue
        bottom = band_windows(CATALOG[item.exercise], band(case), CATALOG.thresholds.loads)
        assert rx.load_kg.min >= bottom["kg"].min, (item.exercise, rx.load_kg, bottom)
        assert rx.load_lb.min >= bottom["lb"].min, (item.exercise, rx.load_lb, bottom)
        cap = cap_kg(case, item.exercise)
        if cap is not None:
            assert rx.load_kg.max <= cap + 1e-9, (item.exercise, rx.load_kg, cap)
            assert rx.load_lb.max <= pound_cap(cap, rx.implement) + 1e-9, (item.exercise, rx, cap)


@SETTINGS
@given(cases())
def test_after_a_flare_today_still_holds_work_that_does_not_load_the_hinge(case):
    rec = recommend(case, CATALOG)
    if not is_flare(case) or rec.refer:
        return
    assert [o.exercise for o in rec.options if not o.hinge], [o.exercise for o in rec.options]
    session = plan(case, CATALOG).session
    assert [i.exercise for i in session if not i.hinge], [i.exercise for i in session]


@SETTINGS
@given(cases())
def test_after_a_flare_in_a_block_the_replacement_session_holds_work_off_the_hinge(case):
    for week in block(case, 3, CATALOG).weeks:
        assert [i.exercise for i in week.if_pain_flare if not i.hinge], week.week


def _lines(entry, units):
    return [why_text(CATALOG, why, units) for why in entry.why]


@SETTINGS
@given(cases())
def test_no_reason_or_warning_line_is_given_twice(case):
    rec, today = recommend(case, CATALOG), plan(case, CATALOG)
    entries = [*rec.options, *rec.avoid, *today.session]
    for week in block(case, 3, CATALOG).weeks:
        entries += [*week.session, *week.if_pain_flare, *(week.if_retest_fails or [])]
    for entry in entries:
        assert len(set(entry.reasons)) == len(entry.reasons), entry.reasons
        for units in ("kg", "lb"):
            lines = _lines(entry, units)
            assert len(set(lines)) == len(lines), (entry.exercise, lines)
    for answer in (rec, today):
        assert len(set(answer.warnings)) == len(answer.warnings), answer.warnings


@SETTINGS
@given(cases())
def test_a_reason_that_quotes_sets_and_reps_quotes_the_ones_prescribed(case):
    rec = recommend(case, CATALOG)
    for item in [*rec.options, *plan(case, CATALOG).session]:
        for why in item.why:
            if "scheme" in why.facts and why.rule != "block-load":
                assert why.facts["scheme"].startswith(item.prescription.scheme), (
                    item.exercise,
                    why.facts["scheme"],
                    item.prescription.scheme,
                )


def _steps(before, week) -> list[str]:
    """The exercises ``week`` adds or moves up (load or range) from the week before."""
    earlier = {i.exercise: i for i in before.session}
    found = []
    for item in week.session:
        then = earlier.get(item.exercise)
        if item.part == "warm-up":
            continue
        rx, last = item.prescription, then and then.prescription
        if (
            last is None
            or (
                rx.load_kg is not None
                and (last.load_kg is None or rx.load_kg.max > last.load_kg.max)
            )
            or (
                rx.range_step is not None
                and last.range_step is not None
                and rx.range_step.step > last.range_step.step
            )
        ):
            found.append(item.exercise)
    return found


def _flared(case, pain: int, lifted: list) -> dict:
    return {**case, "last_session": {"pain_during": pain, "exercises": lifted}}


flared_cases = st.builds(
    _flared,
    cases(),
    st.integers(6, 10),
    st.lists(logged_exercises, max_size=3, unique_by=lambda e: e["exercise"]),
)


@settings(max_examples=80, deadline=None)
@given(flared_cases)
def test_a_block_after_a_flare_takes_a_gated_step_a_week_at_most_never_above_the_flare(case):
    weeks = block(case, 6, CATALOG).weeks
    for before, week in itertools.pairwise(weeks):
        steps = _steps(before, week)
        assert len(steps) <= 1, (week.week, steps)
        for item in week.session:
            if item.exercise in steps:
                assert item.only_if is not None, (week.week, item.exercise)
            cap, rx = cap_kg(case, item.exercise), item.prescription
            if cap is None or rx.load_kg is None:
                continue
            assert rx.load_kg.max <= cap + 1e-9, (week.week, item.exercise, rx.load_kg, cap)
            lb_cap = pound_cap(cap, rx.implement)
            assert rx.load_lb.max <= lb_cap + 1e-9, (week.week, item.exercise, cap, lb_cap)
