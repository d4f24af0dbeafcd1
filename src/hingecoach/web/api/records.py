"""An athlete's records through the API: tests, sessions, pain, TSK-11 and mastered.

Every operation starts with ``selectors.athlete_get``, so another team's athlete is a 404;
writes go through the services, which apply the same rules as the forms.
"""

from __future__ import annotations

from typing import Any

from ninja import Router, Status
from ninja.pagination import LimitOffsetPagination, paginate

from hingecoach.web.api.schemas import (
    ErrorOut,
    MasteredIn,
    MasteredOut,
    PainIn,
    PainOut,
    SessionIn,
    SessionOut,
    TestIn,
    TestOut,
    TskIn,
    TskOut,
)
from hingecoach.web.athletes import selectors, services
from hingecoach.web.athletes.models import HingeTest, TrainingSession
from hingecoach.web.requests import CoachRequest

router = Router(tags=["records"])
ERRORS = {400: ErrorOut, 401: ErrorOut, 404: ErrorOut, 409: ErrorOut, 413: ErrorOut, 422: ErrorOut}


def _test_out(test: HingeTest) -> dict[str, Any]:
    return {
        "id": test.pk,
        "date": test.date,
        "faults": test.faults,
        "passed": test.passed,
        "notes": test.notes,
        "from_clip": test.from_clip,
    }


def _session_out(session: TrainingSession) -> dict[str, Any]:
    rows = [
        {
            "exercise": e.exercise,
            "sets": e.sets,
            "reps": e.reps,
            "load_kg": None if e.load_kg is None else float(e.load_kg),
        }
        for e in session.exercises.all()
    ]
    return {
        "id": session.pk,
        "date": session.date,
        "pain_during": session.pain_during,
        "pain_next_morning": session.pain_next_morning,
        "felt": session.felt,
        "notes": session.notes,
        "exercises": rows,
    }


@router.get("/{athlete_id}/tests", response={200: list[TestOut], **ERRORS})
@paginate(LimitOffsetPagination)
def list_tests(request: CoachRequest, athlete_id: int):
    """The athlete's hinge tests, newest first."""
    athlete = selectors.athlete_get(user=request.user, pk=athlete_id)
    return [_test_out(t) for t in selectors.athlete_tests(athlete=athlete)]


@router.post("/{athlete_id}/tests", response={201: TestOut, **ERRORS})
def create_test(request: CoachRequest, athlete_id: int, payload: TestIn):
    """Record a bodyweight hip hinge test: no fault means passed."""
    athlete = selectors.athlete_get(user=request.user, pk=athlete_id)
    test = services.test_record(athlete=athlete, by=request.user, **payload.model_dump())
    return Status(201, _test_out(test))


@router.get("/{athlete_id}/sessions", response={200: list[SessionOut], **ERRORS})
@paginate(LimitOffsetPagination)
def list_sessions(request: CoachRequest, athlete_id: int):
    """The athlete's logged sessions, newest first, with what was done."""
    athlete = selectors.athlete_get(user=request.user, pk=athlete_id)
    return [_session_out(s) for s in selectors.athlete_sessions(athlete=athlete)]


@router.post("/{athlete_id}/sessions", response={201: SessionOut, **ERRORS})
def create_session(request: CoachRequest, athlete_id: int, payload: SessionIn):
    """Log a session; loads in kilograms."""
    athlete = selectors.athlete_get(user=request.user, pk=athlete_id)
    data = payload.model_dump()
    data["exercises"] = [{**row, "sets": len(row["reps"])} for row in data["exercises"]]
    session = services.session_log(athlete=athlete, by=request.user, **data)
    return Status(201, _session_out(session))


@router.get("/{athlete_id}/pain", response={200: list[PainOut], **ERRORS})
@paginate(LimitOffsetPagination)
def list_pain(request: CoachRequest, athlete_id: int):
    """Pain-now reports (0-10), newest first."""
    athlete = selectors.athlete_get(user=request.user, pk=athlete_id)
    return [
        {"id": p.pk, "date": p.date, "nrs": p.nrs}
        for p in selectors.athlete_pain_reports(athlete=athlete)
    ]


@router.post("/{athlete_id}/pain", response={201: PainOut, **ERRORS})
def create_pain(request: CoachRequest, athlete_id: int, payload: PainIn):
    """Record pain now (0-10)."""
    athlete = selectors.athlete_get(user=request.user, pk=athlete_id)
    report = services.pain_record(athlete=athlete, **payload.model_dump())
    return Status(201, {"id": report.pk, "date": report.date, "nrs": report.nrs})


@router.get("/{athlete_id}/tsk11", response={200: list[TskOut], **ERRORS})
@paginate(LimitOffsetPagination)
def list_tsk11(request: CoachRequest, athlete_id: int):
    """TSK-11 totals (11-44), newest first, with item scores where they were entered."""
    athlete = selectors.athlete_get(user=request.user, pk=athlete_id)
    return [
        {"id": s.pk, "date": s.date, "total": s.total, "items": s.items}
        for s in selectors.athlete_tsk_scores(athlete=athlete)
    ]


@router.post("/{athlete_id}/tsk11", response={201: TskOut, **ERRORS})
def create_tsk11(request: CoachRequest, athlete_id: int, payload: TskIn):
    """Record a TSK-11 total."""
    athlete = selectors.athlete_get(user=request.user, pk=athlete_id)
    score = services.tsk_record(athlete=athlete, **payload.model_dump())
    return Status(
        201, {"id": score.pk, "date": score.date, "total": score.total, "items": score.items}
    )


@router.get("/{athlete_id}/mastered", response={200: list[MasteredOut], **ERRORS})
@paginate(LimitOffsetPagination)
def list_mastered(request: CoachRequest, athlete_id: int):
    """The exercises the athlete has mastered, and since when."""
    athlete = selectors.athlete_get(user=request.user, pk=athlete_id)
    return [
        {"exercise": m.exercise, "since": m.since}
        for m in selectors.athlete_masteries(athlete=athlete)
    ]


@router.put("/{athlete_id}/mastered", response={200: list[MasteredOut], **ERRORS})
def set_mastered(request: CoachRequest, athlete_id: int, payload: MasteredIn):
    """Replace the mastered list (earlier dates are kept for exercises still on it)."""
    athlete = selectors.athlete_get(user=request.user, pk=athlete_id)
    services.mastery_set(athlete=athlete, exercises=payload.exercises)
    return [
        {"exercise": m.exercise, "since": m.since}
        for m in selectors.athlete_masteries(athlete=athlete)
    ]
