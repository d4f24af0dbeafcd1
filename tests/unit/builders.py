"""Small builders for athlete cases and readers for the engine's answers.

Cases are plain dicts shaped like the CASE of DOMAIN.md section 4, so each test shows
exactly what the coach typed in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from hingecoach.core import Plan, Recommendation, default_catalog

TEST = "bodyweight-hip-hinge"
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
