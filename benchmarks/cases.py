"""Seeded random athlete cases built from the shipped catalog's ids."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from hingecoach.core import default_catalog


def random_case(rng: random.Random) -> dict[str, Any]:
    catalog = default_catalog()
    exercises = sorted(catalog.exercises)
    faults = sorted(catalog.faults)
    athlete: dict[str, Any] = {
        "age": rng.randint(10, 80),
        "pain_nrs": rng.choice([0, 0, 0, 1, 2, 3, 4, 7]),
        "conditions": rng.sample(sorted(catalog.conditions), rng.choice([0, 0, 0, 1])),
        "medical_clearance": rng.random() < 0.7,
        "red_flags": rng.sample(sorted(catalog.red_flags), 1) if rng.random() < 0.05 else [],
    }
    if rng.random() < 0.5:
        athlete["tsk11"] = rng.randint(11, 44)
    tests = [
        {
            "date": (dt.date(2026, 1, 1) + dt.timedelta(days=rng.randint(0, 300))).isoformat(),
            "faults": rng.sample(faults, rng.choice([0, 0, 1, 2])),
        }
        for _ in range(rng.randint(0, 3))
    ]
    case: dict[str, Any] = {
        "athlete": athlete,
        "mastered": rng.sample(exercises, rng.randint(0, 8)),
        "tests": tests,
        "goal": rng.choice(["technique", "hamstring-load", "max-strength"]),
    }
    if rng.random() < 0.4:
        case["last_session"] = {
            "pain_during": rng.randint(0, 8),
            "pain_next_morning": rng.randint(0, 4),
        }
    return case


def random_cases(count: int, seed: int = 2026) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    return [random_case(rng) for _ in range(count)]
