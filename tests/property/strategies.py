"""Hypothesis strategies for VALID athlete cases, built from the shipped catalog's ids."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from hingecoach.core import default_catalog

CATALOG = default_catalog()
EXERCISES = sorted(CATALOG.exercises)
FAULTS = sorted(CATALOG.faults)
RED_FLAGS = sorted(CATALOG.red_flags)
CONDITIONS = sorted(CATALOG.conditions)
GOALS = ["technique", "hamstring-load", "max-strength"]
# A plausible order in which an athlete masters the ladder, to reach its upper rungs often.
PROGRESSION = [
    "kneeling-hip-hinge",
    "kneeling-good-morning",
    "good-morning",
    "hip-bridge",
    "romanian-deadlift",
    "nordic-hip-hinge",
    "hip-thrust",
    "stiff-legged-deadlift",
    "hex-bar-deadlift",
    "glute-ham-raise",
    "sumo-deadlift",
    "deadlift",
    "single-leg-romanian-deadlift",
]
# The bottoms of the catalog's ranges, so a flare often finds work already at the bottom.
BOTTOM_LOADS = sorted(
    {
        rng.min
        for ex in CATALOG.exercises.values()
        for rng in (ex.loads.youth, ex.loads.adult)
        if rng is not None
    }
)


def _mostly(usual: st.SearchStrategy, other: st.SearchStrategy, one_in: int) -> st.SearchStrategy:
    """``other`` about once in ``one_in`` draws, ``usual`` the rest of the time."""
    return st.integers(1, one_in).flatmap(lambda n: other if n == 1 else usual)


def _rarely(strategy: st.SearchStrategy, one_in: int) -> st.SearchStrategy:
    """``strategy`` about once in ``one_in`` draws, otherwise its empty default."""
    return st.integers(1, one_in).flatmap(lambda n: strategy if n == 1 else st.just([]))


@st.composite
def athletes(draw: st.DrawFn) -> dict[str, Any]:
    athlete: dict[str, Any] = {"age": draw(st.integers(8, 90))}
    # Mostly pain-free so the ladder gets explored; the whole 0-10 scale still comes up.
    pain = draw(_mostly(st.integers(0, 2), st.integers(0, 10), one_in=5))
    if pain or draw(st.booleans()):
        athlete["pain_nrs"] = pain
    tsk = draw(st.one_of(st.none(), st.integers(11, 44)))
    if tsk is not None or draw(st.booleans()):
        athlete["tsk11"] = tsk
    conditions = [c for c in CONDITIONS if draw(st.integers(1, 10)) == 1]
    if conditions or draw(st.booleans()):
        athlete["conditions"] = conditions
    clearance = draw(st.sampled_from([None, True, True, True, False]))
    if clearance is not None:
        athlete["medical_clearance"] = clearance
    flags = draw(
        _rarely(st.lists(st.sampled_from(RED_FLAGS), min_size=1, max_size=3, unique=True), 25)
    )
    if flags or draw(st.booleans()):
        athlete["red_flags"] = flags
    return athlete


test_results = st.builds(
    lambda faults: {"faults": faults},
    st.one_of(st.just([]), st.lists(st.sampled_from(FAULTS), min_size=1, max_size=3, unique=True)),
)


@st.composite
def tests_on_record(draw: st.DrawFn) -> list[dict[str, Any]]:
    """0-3 tests on distinct dates (the latest date decides), in any order."""
    dates = draw(st.lists(st.dates(dt.date(2024, 1, 1), dt.date.today()), max_size=3, unique=True))
    return [{"date": d.isoformat(), **draw(test_results)} for d in dates]


logged_exercises = st.fixed_dictionaries(
    {"exercise": st.sampled_from(EXERCISES)},
    optional={
        "load_kg": st.one_of(
            st.none(), st.sampled_from(BOTTOM_LOADS), st.floats(0, 200, allow_nan=False)
        ),
        "sets": st.integers(1, 5),
        "reps": st.lists(st.integers(1, 12), max_size=5),
    },
)

last_sessions = st.fixed_dictionaries(
    {},
    optional={
        "date": st.dates(dt.date(2024, 1, 1), dt.date.today()).map(dt.date.isoformat),
        "pain_during": st.one_of(st.none(), st.integers(0, 10)),
        "pain_next_morning": st.one_of(st.none(), st.integers(0, 10)),
        "exercises": st.lists(logged_exercises, max_size=4, unique_by=lambda e: e["exercise"]),
    },
)


@st.composite
def cases(draw: st.DrawFn) -> dict[str, Any]:
    case: dict[str, Any] = {"athlete": draw(athletes())}
    mastered = draw(
        st.one_of(
            st.lists(st.sampled_from(EXERCISES), max_size=len(EXERCISES), unique=True),
            st.integers(0, len(PROGRESSION)).map(lambda n: PROGRESSION[:n]),
        )
    )
    if mastered or draw(st.booleans()):
        case["mastered"] = mastered
    tests = draw(tests_on_record())
    if tests:
        case["tests"] = tests
    last = draw(st.one_of(st.none(), last_sessions))
    if last is not None:
        case["last_session"] = last
    goal = draw(st.one_of(st.none(), st.sampled_from(GOALS)))
    if goal is not None:
        case["goal"] = goal
    return case


def latest_test_passed(case: dict[str, Any]) -> bool:
    tests = case.get("tests") or []
    if not tests:
        return False
    return not max(tests, key=lambda t: t["date"])["faults"]


def load_range(exercise: str, age: int):
    band = "adult" if age >= CATALOG.thresholds.age.adult_from else "youth"
    return getattr(CATALOG.exercises[exercise].loads, band)


def below(exercise_ids: set[str]) -> set[str]:
    """The ids and every step down from them, through the catalog's step_down lists."""
    found, todo = set(exercise_ids), list(exercise_ids)
    while todo:
        for lower in CATALOG.exercises[todo.pop()].step_down:
            if lower not in found:
                found.add(lower)
                todo.append(lower)
    return found


def gym_loads(implement: str, units: str) -> set[float] | None:
    """The loads a gym has for an implement (None for a stepped grid)."""
    grid = getattr(CATALOG.thresholds.loads.implements[implement], units)
    return set(grid.sizes) if grid.sizes else None


def on_grid(value: float, implement: str, units: str) -> bool:
    grid = getattr(CATALOG.thresholds.loads.implements[implement], units)
    if value == 0:
        return True
    if grid.sizes:
        return value in grid.sizes
    return abs(value / grid.step - round(value / grid.step)) < 1e-6
