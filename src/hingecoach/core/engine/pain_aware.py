"""The pain-aware path: hip bridge, less range, step-ups, more feedback."""

from __future__ import annotations

from typing import Any

from hingecoach.core.engine.draft import Draft
from hingecoach.core.engine.facts import Facts
from hingecoach.core.engine.reasons import say


def pain_aware_causes(facts: Facts) -> list[dict[str, Any]]:
    """The facts that put the athlete on the pain-aware path (empty: not on it)."""
    return facts.pain_aware_causes


def high_fear(facts: Facts) -> bool:
    return facts.tsk_band in facts.catalog.thresholds.tsk11.pain_aware_bands


def pain_aware(facts: Facts, causes: list[dict[str, Any]], draft: Draft) -> None:
    catalog, programme = facts.catalog, facts.catalog.programme
    if high_fear(facts) and facts.allowed(catalog[programme.high_fear_first]):
        draft.offer(
            programme.high_fear_first,
            say(catalog, "high-fear-first", tsk=facts.case.athlete.tsk11, band=facts.tsk_band),
        )
    for step in programme.pain_aware_path:
        if facts.allowed(catalog[step.exercise]):
            draft.offer(step.exercise, say(catalog, step.rule, causes=causes))
    held = say(catalog, "no-full-range-hinge", causes=causes)
    for exercise in facts.compiled.full_range_hinges:
        draft.hold_back(exercise.id, held)
    draft.warn(say(catalog, "pain-aware-path", causes=causes))
    draft.warn(say(catalog, "more-feedback", causes=causes))
