"""The pain-aware path: hip bridge, less range, step-ups, more feedback."""

from __future__ import annotations

from hingecoach.core.engine.draft import Draft
from hingecoach.core.engine.facts import Facts
from hingecoach.core.engine.reasons import say


def pain_aware_causes(facts: Facts) -> list[str]:
    """The facts that put the athlete on the pain-aware path (empty: not on it)."""
    catalog, athlete = facts.catalog, facts.case.athlete
    pain = catalog.thresholds.pain
    causes = []
    if athlete.pain_nrs >= pain.pain_aware_at_or_above:
        causes.append(f"pain now {athlete.pain_nrs}/10 is above the safe zone "
                      f"(0-{pain.safe_max}/10)")
    causes += [f"condition {cid}" for cid in dict.fromkeys(athlete.conditions)
               if catalog.conditions[cid].pain_aware]
    if facts.tsk_band in catalog.thresholds.tsk11.pain_aware_bands:
        causes.append(f"TSK-11 total {athlete.tsk11} is in the {facts.tsk_band} band")
    return causes


def high_fear(facts: Facts) -> bool:
    return facts.tsk_band in facts.catalog.thresholds.tsk11.pain_aware_bands


def pain_aware(facts: Facts, causes: list[str], draft: Draft) -> None:
    catalog, programme = facts.catalog, facts.catalog.programme
    fact = "; ".join(causes)
    if high_fear(facts) and facts.allowed(catalog[programme.high_fear_first]):
        draft.offer(programme.high_fear_first,
                    say(catalog, "high-fear-first", tsk=facts.case.athlete.tsk11,
                        band=facts.tsk_band))
    for step in programme.pain_aware_path:
        if facts.allowed(catalog[step.exercise]):
            draft.offer(step.exercise, say(catalog, step.rule, fact=fact))
    for exercise in catalog:
        if exercise.hinge and exercise.role == "exercise" and exercise.range == "full":
            draft.hold_back(exercise.id, say(catalog, "no-full-range-hinge", fact=fact))
    draft.warn(say(catalog, "pain-aware-path", fact=fact))
    draft.warn(say(catalog, "more-feedback", fact=fact))
