"""Translate an athlete's stored records into the core's Case, at the edge."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hingecoach.core import Case, parse_case
from hingecoach.web.athletes.models import Athlete, SessionExercise, TrainingSession
from hingecoach.web.catalog import web_catalog


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
        "tests": [
            {"date": t.date.isoformat(), "faults": list(t.faults)}
            for t in athlete.tests.order_by("date", "id")
        ],
        "goal": athlete.goal,
    }
    last = athlete.sessions.order_by("-date", "-id").prefetch_related("exercises").first()
    if last is not None:
        data["last_session"] = _last_session(last)
        earlier = _done_before(athlete, last)
        if earlier:
            data["done_before"] = earlier
    return data


def _done_before(athlete: Athlete, last: TrainingSession) -> list[str]:
    """The exercises of every session before ``last`` that the catalog in use knows."""
    logged = (
        SessionExercise.objects.filter(session__athlete=athlete)
        .exclude(session=last)
        .values_list("exercise", flat=True)
        .distinct()
    )
    known = web_catalog().exercises
    return sorted(e for e in set(logged) if e in known)


def _last_session(session: TrainingSession) -> dict[str, Any]:
    return {
        "date": session.date.isoformat(),
        "pain_during": session.pain_during,
        "pain_next_morning": session.pain_next_morning,
        "exercises": _one_entry_each(session.exercises.all()),
    }


def _one_entry_each(rows: Any) -> list[dict[str, Any]]:
    """The session's rows as the CASE lists them: one entry per exercise (a session may
    log an exercise twice, as the teaching flow and again as loaded work), the row with
    its heaviest load (the first when none is heavier): what a flare is capped by."""
    kept: dict[str, Any] = {}
    for row in rows:
        best = kept.get(row.exercise)
        if best is None or _kg(row) > _kg(best):
            kept[row.exercise] = row
    return [
        {
            "exercise": r.exercise,
            "sets": r.sets,
            "reps": list(r.reps),
            "load_kg": float(r.load_kg) if r.load_kg is not None else None,
        }
        for r in kept.values()
    ]


def _kg(row: Any) -> float:
    return float(row.load_kg) if row.load_kg is not None else -1.0


def athlete_case(athlete: Athlete, *, today: dt.date | None = None) -> Case:
    return parse_case(athlete_case_data(athlete, today=today), web_catalog())
