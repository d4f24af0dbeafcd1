"""Turn a pick into a contract Option: the catalog's facts, a prescription and its load."""

from __future__ import annotations

import math

from hingecoach.core.catalog import Catalog, Exercise
from hingecoach.core.catalog.schema import AgeBand, LoadRange
from hingecoach.core.engine.draft import LoadMode, Pick, Scheme
from hingecoach.core.engine.reasons import say
from hingecoach.core.results import LoadKg, Option, Prescription


def scheme_text(reps: list[int], per_side: bool = False) -> str:
    text = f"{len(reps)}x{reps[0]}" if len(set(reps)) == 1 else "/".join(map(str, reps))
    return text + " each side" if per_side else text


def load_window(rng: LoadRange, mode: LoadMode, step: float) -> LoadKg:
    """The part of the catalog's range a pick is loaded in; never outside the range."""
    if mode == "bottom":
        return LoadKg(min=rng.min, max=rng.min)
    if mode == "lower-half":
        top = math.floor((rng.min + (rng.max - rng.min) / 2) / step) * step
        return LoadKg(min=rng.min, max=max(rng.min, top))
    return LoadKg(min=rng.min, max=rng.max)


def reps_for(exercise: Exercise, scheme: Scheme, catalog: Catalog) -> list[int]:
    if scheme == "default":
        return list(exercise.prescription.reps)
    return list(getattr(catalog.programme.schemes, scheme))


def prescription(exercise: Exercise, pick: Pick, band: AgeBand, catalog: Catalog) -> Prescription:
    reps = reps_for(exercise, pick.scheme, catalog)
    rng: LoadRange | None = getattr(exercise.loads, band)
    step = catalog.thresholds.loads.round_to_kg
    return Prescription(
        sets=len(reps),
        reps=reps,
        load_kg=load_window(rng, pick.load_mode, step) if rng else None,
        rest_s=exercise.prescription.rest_s,
        per_side=exercise.prescription.per_side,
        scheme=scheme_text(reps, exercise.prescription.per_side),
    )


def to_option(pick: Pick, age: int, catalog: Catalog) -> Option:
    exercise = catalog[pick.exercise]
    band = catalog.age_band(age)
    rx = prescription(exercise, pick, band, catalog)
    reasons = list(pick.reasons)
    if rx.load_kg is not None:
        low, high = _kg(rx.load_kg.min), _kg(rx.load_kg.max)
        load = low if low == high else f"{low}-{high}"
        reasons.append(say(catalog, "age-load", age=age, band=band, load=load))
    return Option(
        exercise=exercise.id, name=exercise.name, role=exercise.role, theme=exercise.theme,
        level=exercise.level, hinge=exercise.hinge, range=exercise.range,
        prescription=rx, reasons=reasons,
    )


def _kg(value: float) -> str:
    return f"{value:g}"
