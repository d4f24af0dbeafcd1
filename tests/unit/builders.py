"""Small builders for athlete cases and readers for the engine's answers.

Cases are plain dicts shaped like the CASE of DOMAIN.md section 4, so each test shows
exactly what the coach typed in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from hingecoach.core import Plan, Recommendation, default_catalog
from hingecoach.core.present import LB_PER_KG

TEST = "bodyweight-hip-hinge"
CATALOG_FOR_CAPS = default_catalog()
SERIES = ("kneeling-hip-hinge", "kneeling-good-morning", "good-morning")
KNEELING = ("kneeling-hip-hinge", "kneeling-good-morning", "nordic-hip-hinge")
KNEE_BENDING = ("hex-bar-deadlift", "sumo-deadlift", "deadlift")
RED_FLAGS = (
    "saddle-anaesthesia",
    "bladder-bowel-dysfunction",
    "progressive-neurological-deficit",
    "unexplained-weight-loss",
    "fever",
    "major-trauma",
    "night-pain",
    "cancer-history",
)
FAULTS = (
    "lumbar-flexion",
    "lumbar-extension",
    "no-counterbalance",
    "weight-forward",
    "toes-lift",
    "knee-dominant",
)
DAY = "2026-11-01"

_RULE = re.compile(r"\(rule: ([a-z0-9]+(?:-[a-z0-9]+)*)\)$")


def case(
    age: int = 34,
    *,
    mastered: Iterable[str] = (),
    tests: Iterable[dict] = (),
    last_session: dict | None = None,
    goal: str | None = None,
    **athlete: Any,
) -> dict[str, Any]:
    """A CASE as a coach would write it; only the keys given are present."""
    built: dict[str, Any] = {"athlete": {"age": age, **athlete}}
    if mastered:
        built["mastered"] = list(mastered)
    if tests:
        built["tests"] = list(tests)
    if last_session is not None:
        built["last_session"] = last_session
    if goal is not None:
        built["goal"] = goal
    return built


def passed(on: str = DAY) -> dict[str, Any]:
    return {"date": on, "faults": []}


def failed(*faults: str, on: str = DAY) -> dict[str, Any]:
    return {"date": on, "faults": list(faults or ("lumbar-flexion",))}


def options(rec: Recommendation) -> list[str]:
    return [o.exercise for o in rec.options]


def option(rec: Recommendation, exercise: str):
    found = [o for o in rec.options if o.exercise == exercise]
    assert found, f"{exercise} is not among the options {options(rec)}"
    return found[0]


def avoided(rec: Recommendation) -> dict[str, list[str]]:
    return {a.exercise: a.reasons for a in rec.avoid}


def session(plan: Plan) -> list[str]:
    return [item.exercise for item in plan.session]


def rule_of(reason: str) -> str | None:
    """The rule id a reason ends with, or None when it names none."""
    match = _RULE.search(reason)
    return match.group(1) if match else None


def rules(reasons: Iterable[str]) -> set[str]:
    return {rule_of(r) for r in reasons}


def band(age: int) -> str:
    return "adult" if age >= default_catalog().thresholds.age.adult_from else "youth"


def catalog_range(exercise: str, age: int):
    """The catalog's load range for an exercise in the athlete's age band (None: unloaded)."""
    return getattr(default_catalog().exercises[exercise].loads, band(age))


def hinge_beyond_corrective(exercise: str) -> bool:
    ex = default_catalog().exercises[exercise]
    return ex.hinge and ex.theme != "corrective"


def pound_cap(cap_kg: float, implement: str) -> float:
    """A flared session's logged load as a pound gym had it on the bar: a kilogram bell
    is its own pound bell; otherwise the nearest load of the pound grid (the lighter of two
    as close), a bell only within the catalog's tolerance above it, else the bell under."""
    loads = CATALOG_FOR_CAPS.thresholds.loads
    grids = loads.implements["barbell" if implement == "dowel" else implement]
    bells = grids.pound_bells()
    if cap_kg in bells:
        return bells[cap_kg]
    lb = cap_kg * LB_PER_KG
    if grids.lb.step is not None:
        step = grids.lb.step
        low = step * int(lb // step + 1e-9)
        return low if lb - low <= low + step - lb + 1e-9 else low + step
    sizes = grids.lb.sizes or []
    under = max((s for s in sizes if s <= lb + 1e-9), default=0.0)
    over = min((s for s in sizes if s >= lb - 1e-9), default=None)
    if over is not None and over - lb < lb - under and over <= lb * (1 + loads.tolerance):
        return over
    return under
