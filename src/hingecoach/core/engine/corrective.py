"""The corrective series, the test, and what follows a failed test."""

from __future__ import annotations

from typing import Any

from hingecoach.core.engine.draft import Draft
from hingecoach.core.engine.facts import Facts, week_of
from hingecoach.core.engine.reasons import Reason, say


def series(facts: Facts) -> list[str]:
    """The way in: the kneeling corrective series, or bridging for who cannot kneel."""
    programme = facts.catalog.programme
    return programme.corrective_series if facts.can_kneel else programme.bridging_series


def series_mastered(facts: Facts) -> bool:
    return all(facts.is_mastered(i) for i in series(facts))


def stand_in(facts: Facts, exercise_id: str) -> str | None:
    """The exercise itself, the condition's stand-in for it, or None if neither fits."""
    if facts.allowed(facts.catalog[exercise_id]):
        return exercise_id
    substitute = facts.substitutes.get(exercise_id)
    return substitute if substitute and facts.allowed(facts.catalog[substitute]) else None


def corrective(facts: Facts, draft: Draft) -> None:
    if facts.latest_test is None:
        _before_any_test(facts, draft)
    else:
        _after_failed_test(facts, draft)
    _hamstring_fallback(facts, draft)
    _gate_hinges(facts, draft)


def _before_any_test(facts: Facts, draft: Draft) -> None:
    catalog, programme = facts.catalog, facts.catalog.programme
    steps = series(facts)
    done = [i for i in steps if facts.is_mastered(i)]
    known = {"test": facts.test_facts(), "mastered": done}
    for number, exercise_id in enumerate(steps, start=1):
        if exercise_id not in done:
            rule = "corrective-series" if facts.can_kneel else "bridging-way-in"
            draft.offer(exercise_id, say(catalog, rule, step=number, steps=len(steps), **known))
    if not [i for i in steps if i not in done]:
        draft.offer(programme.test, say(catalog, "run-the-test", **known))
    _stay(facts, draft, known)


def _after_failed_test(facts: Facts, draft: Draft) -> None:
    catalog, test = facts.catalog, facts.latest_test
    assert test is not None
    if week_of(test) is None:  # on record, not a block's projection
        draft.warn(say(catalog, "test-failed", test=facts.test_facts()))
    for fault in test.faults:
        target = stand_in(facts, catalog.faults[fault].regress_to)
        if target:
            draft.offer(
                target,
                say(catalog, "fault-step-back", **_dated(facts), exercise=target, fault=fault),
            )
    rule = "failed-test" if facts.can_kneel else "failed-test-bridging"
    for exercise_id in catalog.programme.after_failed_test:
        target = stand_in(facts, exercise_id)
        if target:
            draft.offer(target, say(catalog, rule, test=facts.test_facts()))


def _dated(facts: Facts) -> dict[str, Any]:
    """The latest test's date, and its block week when the test is only projected."""
    known = facts.test_facts() or {}
    return {key: known[key] for key in ("date", "week") if key in known}


def _stay(facts: Facts, draft: Draft, known: dict[str, Any]) -> None:
    """The series ends with loaded good mornings even when the drills come first."""
    programme = facts.catalog.programme
    if programme.stay_default not in draft.picks:
        draft.offer(
            programme.stay_default,
            say(
                facts.catalog,
                "stay-strength",
                **known,
                exercise=programme.stay_default,
                scheme=facts.strength_scheme_words,
            ),
            scheme=facts.strength_scheme,
        )


def _hamstring_fallback(facts: Facts, draft: Draft) -> None:
    """Hamstring curls rather than a harder hinge: the day's hamstring load with a
    hamstring-load goal, otherwise an option for a day that turns out to need it."""
    goal = facts.case.goal
    if goal == "hamstring-load":
        reason = say(facts.catalog, "hamstring-goal-fallback", test=facts.test_facts(), goal=goal)
    elif facts.latest_test is not None:
        reason = say(facts.catalog, "hamstring-fallback", test=facts.test_facts())
    else:
        return
    draft.offer(facts.catalog.programme.hamstring_fallback, reason)


def _gate_hinges(facts: Facts, draft: Draft) -> None:
    gates: dict[str, Reason] = {}
    for exercise in facts.compiled.gated:
        if exercise.theme not in gates:
            gates[exercise.theme] = say(
                facts.catalog, "test-gate", test=facts.test_facts(), theme=exercise.theme
            )
        draft.hold_back(exercise.id, gates[exercise.theme])
