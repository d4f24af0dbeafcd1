"""Translate an athlete's stored records into the core's Case, at the edge."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hingecoach.core import Case, parse_case
from hingecoach.web.athletes.models import Athlete, TrainingSession


def athlete_case_data(athlete: Athlete, *, today: dt.date | None = None) -> dict[str, Any]:
    """The CASE of DOMAIN.md section 4 for a stored athlete (plain JSON-ready data)."""
    today = today or dt.date.today()
    pain = athlete.pain_reports.order_by("-date", "-id").first()
    tsk = athlete.tsk_scores.order_by("-date", "-id").first()
    data: dict[str, Any] = {
        "athlete": {
            "age": athlete.age_on(today),
            "pain_nrs": pain.nrs if pain else 0,
            "tsk11": tsk.total if tsk else None,
            "conditions": list(athlete.conditions),
            "medical_clearance": athlete.medical_clearance,
            "red_flags": list(athlete.red_flags),
        },
        "mastered": sorted(athlete.masteries.values_list("exercise", flat=True)),
        "tests": [{"date": t.date.isoformat(), "faults": list(t.faults)}
                  for t in athlete.tests.order_by("date", "id")],
        "goal": athlete.goal,
    }
    last = athlete.sessions.order_by("-date", "-id").prefetch_related("exercises").first()
    if last is not None:
        data["last_session"] = _last_session(last)
    return data


def _last_session(session: TrainingSession) -> dict[str, Any]:
    return {
        "date": session.date.isoformat(),
        "pain_during": session.pain_during,
        "pain_next_morning": session.pain_next_morning,
        "exercises": _one_entry_each(session.exercises.all()),
    }


def _one_entry_each(rows: Any) -> list[dict[str, Any]]:
    """The session's rows as the CASE lists them: one entry per exercise (a session may
    log an exercise twice, as the teaching flow and again as loaded work), its sets
    added up, its reps in order and its heaviest load."""
    merged: dict[str, dict[str, Any]] = {}
    for row in rows:
        load = float(row.load_kg) if row.load_kg is not None else None
        entry = merged.setdefault(row.exercise, {"exercise": row.exercise, "sets": 0,
                                                 "reps": [], "load_kg": None})
        entry["sets"] += row.sets
        entry["reps"] += list(row.reps)
        if load is not None and (entry["load_kg"] is None or load > entry["load_kg"]):
            entry["load_kg"] = load
    return list(merged.values())


def athlete_case(athlete: Athlete, *, today: dt.date | None = None) -> Case:
    return parse_case(athlete_case_data(athlete, today=today))
