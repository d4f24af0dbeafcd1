"""recommend(case): the stage, the options best first, what to avoid, and warnings."""

from __future__ import annotations

from typing import Any

from hingecoach.core.case import Case, parse_case
from hingecoach.core.catalog import Catalog
from hingecoach.core.engine.built import built
from hingecoach.core.engine.corrective import corrective
from hingecoach.core.engine.draft import Draft
from hingecoach.core.engine.facts import Facts
from hingecoach.core.engine.flare import apply_flare
from hingecoach.core.engine.pain_aware import pain_aware, pain_aware_causes
from hingecoach.core.engine.prescribe import to_option
from hingecoach.core.engine.progression import progress_stage, progression
from hingecoach.core.engine.reasons import Reason, say, worded
from hingecoach.core.engine.safety import pain_now_warnings, referral_warnings
from hingecoach.core.results import Avoid, Recommendation, Stage


def recommend(case: Case | dict[str, Any], catalog: Catalog) -> Recommendation:
    """The next step for an athlete, with the reasons behind every option and every avoid.

    Pure: the same case and catalog always give the same answer. A raw dict is validated
    first and raises CaseError on bad input.
    """
    return advise(Facts(parse_case(case, catalog), catalog))


def advise(facts: Facts) -> Recommendation:
    """``recommend`` for facts already derived (the planner shares them)."""
    catalog = facts.catalog
    referral = referral_warnings(facts)
    if referral:
        return built(
            Recommendation,
            stage="refer",
            refer=True,
            options=[],
            avoid=[],
            **warnings(catalog, referral),
        )
    draft = Draft(warnings=pain_now_warnings(facts))
    stage = _route(facts, draft)
    _caution(facts, draft)
    _no_kneeling(facts, draft)
    apply_flare(facts, draft)
    if stage != "pain-aware":
        _fear_start(facts, draft)
    return _finish(facts, draft, stage)


def _route(facts: Facts, draft: Draft) -> Stage:
    causes = pain_aware_causes(facts)
    if causes:
        pain_aware(facts, causes, draft)
        return "pain-aware"
    if not facts.passed:
        corrective(facts, draft)
        return "corrective"
    progression(facts, draft)
    return progress_stage(facts)


def _caution(facts: Facts, draft: Draft) -> None:
    if facts.tsk_band in facts.catalog.thresholds.tsk11.caution_bands:
        draft.warn(
            say(facts.catalog, "fear-caution", tsk=facts.case.athlete.tsk11, band=facts.tsk_band)
        )


def _fear_start(facts: Facts, draft: Draft) -> None:
    """The fear caution's advice on each new option: its shortest range step, or (with
    no steps) part of its range; the fear itself is said once, in the warning."""
    if facts.tsk_band not in facts.catalog.thresholds.tsk11.caution_bands:
        return
    for pick in draft.picks.values():
        exercise = facts.catalog[pick.exercise]
        if exercise.role == "test" or facts.is_mastered(exercise.id) or exercise.id in facts.done:
            continue
        if exercise.range_steps:
            pick.range_first = True
        else:
            reason = say(
                facts.catalog,
                "fear-less-range",
                tsk=facts.case.athlete.tsk11,
                band=facts.tsk_band,
                exercise=exercise.id,
            )
            draft.offer(exercise.id, reason)


def _no_kneeling(facts: Facts, draft: Draft) -> None:
    if facts.can_kneel:
        return
    for exercise in facts.compiled.on_knees:
        if exercise.kneeling:
            draft.drop(
                exercise.id,
                say(
                    facts.catalog,
                    "cannot-kneel",
                    exercise=exercise.id,
                    substitute=facts.substitutes.get(exercise.id),
                ),
            )
        elif exercise.knees_on_pad:
            draft.drop(exercise.id, say(facts.catalog, "cannot-kneel-pad", exercise=exercise.id))


def _finish(facts: Facts, draft: Draft, stage: Stage) -> Recommendation:
    options = [to_option(pick, facts) for pick in draft.picks.values()]
    avoid = []
    for exercise, reasons in draft.avoid.items():
        if exercise not in draft.picks:
            logs, why = worded(facts.catalog, reasons)
            avoid.append(built(Avoid, exercise=exercise, reasons=logs, why=why))
    return built(
        Recommendation,
        stage=stage,
        refer=False,
        options=options,
        avoid=avoid,
        **warnings(facts.catalog, draft.warnings),
    )


def warnings(catalog: Catalog, reasons: list[Reason]) -> dict[str, Any]:
    """``warnings`` and ``warnings_why`` from the same reasons."""
    logs, why = worded(catalog, reasons)
    return {"warnings": logs, "warnings_why": why}
