"""Turn a pick into a contract Option: the catalog's facts, a prescription and its load."""

from __future__ import annotations

from dataclasses import dataclass, field

from hingecoach.core.catalog import Catalog, Exercise
from hingecoach.core.catalog.schema import Implement
from hingecoach.core.engine.built import built
from hingecoach.core.engine.draft import Pick, Scheme
from hingecoach.core.engine.facts import Facts
from hingecoach.core.engine.loads import Ask, Window
from hingecoach.core.engine.pain_aware import pain_aware_causes
from hingecoach.core.engine.reasons import Reason, say, worded
from hingecoach.core.present import Units, scheme_text
from hingecoach.core.results import LoadKg, LoadLb, Option, Prescription, RangeStep

__all__ = ["Loaded", "load_facts", "load_for", "prescription", "scheme_text", "to_option"]


@dataclass(frozen=True)
class Loaded:
    """A prescription's load in both units, what it is lifted with, and why."""

    kg: LoadKg | None = None
    lb: LoadLb | None = None
    implement: str | None = None
    reasons: list[Reason] = field(default_factory=list)


def reps_for(exercise: Exercise, scheme: Scheme, catalog: Catalog) -> list[int]:
    if scheme == "default":
        return list(exercise.prescription.reps)
    return list(getattr(catalog.programme.schemes, scheme))


def start_cause(pick: Pick, exercise: Exercise, facts: Facts) -> str | None:
    """Why this load starts at the bottom of its range (None: the whole range is fine)."""
    if pick.load_mode != "range":
        return None  # a flare already says so
    if pain_aware_causes(facts):
        return "pain-aware"
    if facts.older_adult:
        return "older-adult"
    if not facts.is_mastered(exercise.id) and exercise.id not in facts.done:
        return "first-session"
    return None


def load_for(pick: Pick, exercise: Exercise, facts: Facts, steps: int = 0) -> Loaded:
    """The gym loads for a pick: a child's dowel, the bottom of the range (flare, first
    session, pain-aware path, older adult) or the whole range; ``steps`` loads up."""
    rng = getattr(exercise.loads, facts.band)
    if rng is None or exercise.loads.implement is None or pick.load_mode == "none":
        return Loaded()
    loads = facts.catalog.thresholds.loads
    if facts.child_bar(exercise):
        # A flare takes a child's bar to the dowel, never above the session that flared.
        ask = Ask(
            0,
            loads.child.bar_on_back_max_kg,
            bottom=pick.load_mode == "bottom",
            cap_kg=facts.flare_cap(exercise.id),
        )
        windows = facts.compiled.windows(ask, "barbell")
        reason = say(
            facts.catalog,
            "child-bar",
            age=facts.age,
            below=loads.child.below_age,
            max_kg=loads.child.bar_on_back_max_kg,
        )
        return _loaded(
            windows, "dowel", [reason, *_capped(ask, windows, "barbell", facts, exercise)]
        )
    cause = start_cause(pick, exercise, facts)
    bottom = pick.load_mode == "bottom" or cause is not None
    ask = Ask(
        rng.min,
        rng.max,
        bottom=bottom and not steps,
        steps=steps,
        cap_kg=facts.flare_cap(exercise.id),
    )
    windows = facts.compiled.windows(ask, exercise.loads.implement)
    reasons = [_age_load(facts, exercise.loads.implement, ask, windows)]
    if cause is not None and not steps:
        reasons.append(
            say(facts.catalog, "start-low", start=cause, exercise=exercise.id, age=facts.age)
        )
    reasons += _capped(ask, windows, exercise.loads.implement, facts, exercise)
    return _loaded(windows, exercise.loads.implement, reasons)


def _age_load(facts: Facts, implement: Implement, ask: Ask, windows: dict[Units, Window]) -> Reason:
    """Why these loads for this age: its facts follow from the age, the implement and
    the ask, which key its wording (cheaper than the repr of the loads' floats)."""
    facts.catalog.rules["age-load"]
    return Reason(
        "age-load",
        {
            "age": facts.age,
            "band": facts.band,
            "implement": implement,
            **load_facts(windows),
        },
        key=(facts.age, implement, ask),
    )


def _capped(
    ask: Ask, windows: dict[Units, Window], implement: Implement, facts: Facts, exercise: Exercise
) -> list[Reason]:
    """The flare-cap reason, when the flared session's load held this one down."""
    if ask.cap_kg is None:
        return []
    free = facts.compiled.windows(Ask(ask.low_kg, ask.high_kg, ask.bottom, ask.steps), implement)
    if free["kg"] == windows["kg"] and free["lb"] == windows["lb"]:
        return []
    return [
        say(
            facts.catalog,
            "flare-cap",
            flare=facts.flare,
            exercise=facts.flare_cap_source(exercise.id),
            logged_kg=ask.cap_kg,
        )
    ]


def load_facts(windows: dict[Units, Window]) -> dict[str, dict[str, float]]:
    """Gym loads as a reason's facts: ``load_kg`` and ``load_lb``, each a min and max."""
    return {f"load_{unit}": {"min": w.min, "max": w.max} for unit, w in windows.items()}


def _loaded(windows: dict[Units, Window], implement: str, reasons: list[Reason]) -> Loaded:
    kg, lb = windows["kg"], windows["lb"]
    return Loaded(
        built(LoadKg, min=float(kg.min), max=float(kg.max)),
        built(LoadLb, min=float(lb.min), max=float(lb.max)),
        implement,
        reasons,
    )


def prescription(
    exercise: Exercise, reps: list[int], loaded: Loaded, range_at: int | None = None
) -> Prescription:
    rx = exercise.prescription
    return built(
        Prescription,
        sets=len(reps),
        reps=list(reps),
        load_kg=loaded.kg,
        load_lb=loaded.lb,
        implement=loaded.implement,
        rest_s=rx.rest_s,
        per_side=rx.per_side,
        scheme=scheme_text(reps, rx.per_side),
        range_step=range_step(exercise, range_at),
    )


def range_step(exercise: Exercise, at: int | None) -> RangeStep | None:
    """Step ``at`` (0 = shortest) of the exercise's range steps; None without one."""
    if at is None or not exercise.range_steps:
        return None
    at = min(at, len(exercise.range_steps) - 1)
    return built(
        RangeStep, step=at + 1, of=len(exercise.range_steps), text=exercise.range_steps[at]
    )


def to_option(pick: Pick, facts: Facts) -> Option:
    catalog = facts.catalog
    exercise = catalog[pick.exercise]
    loaded = load_for(pick, exercise, facts)
    planned = reps_for(exercise, pick.scheme, catalog)
    reps = facts.flared_volume(exercise.id, planned, pick.held_to)
    range_first = bool(exercise.range_steps and pain_aware_causes(facts))
    rx = prescription(exercise, reps, loaded, 0 if range_first else None)
    reasons = pick.reasons if reps == planned else _held(pick, facts, rx.scheme)
    extra = [say(catalog, "range-first", range=exercise.range_steps[0])] if range_first else []
    logs, why = worded(catalog, [*reasons, *extra, *loaded.reasons])
    return built(
        Option,
        exercise=exercise.id,
        name=exercise.name,
        role=exercise.role,
        theme=exercise.theme,
        level=exercise.level,
        hinge=exercise.hinge,
        range=exercise.range,
        prescription=rx,
        reasons=logs,
        why=why,
    )


def _held(pick: Pick, facts: Facts, scheme: str) -> list[Reason]:
    """The pick's reasons quoting the sets and reps a flare held it to, and why."""
    held = say(
        facts.catalog,
        "flare-volume",
        flare=facts.flare,
        scheme=scheme,
        exercise=facts.volume_source(pick.exercise, pick.held_to),
    )
    return [*_quoting(pick.reasons, scheme), held]


def _quoting(reasons: list[Reason], scheme: str) -> list[Reason]:
    """Reasons that quote sets and reps, made to quote the ones prescribed (a flare can
    hold them to what the flared session did)."""
    return [
        Reason(r.rule, {**r.facts, "scheme": scheme}) if "scheme" in r.facts else r for r in reasons
    ]
