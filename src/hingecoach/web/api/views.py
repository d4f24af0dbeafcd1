"""The JSON API: the same recommend / plan shapes as the CLI (DOMAIN.md sections 4 and 6)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest
from ninja import Status
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from hingecoach.core import CaseError, Plan, Recommendation, case_from_json, plan, recommend
from hingecoach.core.validation import describe
from hingecoach.web.api.auth import BrowserSession, CoachToken
from hingecoach.web.api.openapi import CASE_BODY, ContractAPI
from hingecoach.web.api.schemas import (
    AthleteIn,
    AthleteOut,
    ErrorOut,
    SessionIn,
    SessionOut,
    TestIn,
    TestOut,
)
from hingecoach.web.athletes import selectors, services
from hingecoach.web.athletes.models import Athlete
from hingecoach.web.teams.selectors import is_head_coach, team_of

api = ContractAPI(
    title="hingecoach API",
    version="1",
    description="Recommendations, plans and athlete records for a coaching team. "
                "Authenticate with a coach's token (Authorization: Bearer <token>), made on "
                "the coach's settings page.",
    auth=[CoachToken(), BrowserSession()],
    urls_namespace="api",
    docs_url="/docs",
    openapi_url="/openapi.json",
)
ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


def _error(request: HttpRequest, status: int, field: str, message: str, detail=None):
    body = {"field": field, "message": message, "detail": detail or []}
    return api.create_response(request, body, status=status)


@api.exception_handler(NinjaValidationError)
def _invalid(request: HttpRequest, exc: NinjaValidationError):
    errors = [dict(e) for e in exc.errors]
    first = dict(errors[0]) if errors else {"loc": (), "msg": "invalid input", "type": ""}
    loc = [p for p in first.get("loc", ()) if p not in ("body", "payload", "case", "path", "query")]
    first.setdefault("input", None)
    field, message = describe({**first, "loc": tuple(loc)})  # type: ignore[arg-type]
    return _error(request, 422, field or "body", message, [{"loc": list(e.get("loc", ())),
                                                            "msg": e.get("msg")} for e in errors])


@api.exception_handler(CaseError)
def _bad_case(request: HttpRequest, exc: CaseError):
    return _error(request, 422, exc.field, exc.message)


@api.exception_handler(DjangoValidationError)
def _bad_record(request: HttpRequest, exc: DjangoValidationError):
    field, messages = next(iter(exc.message_dict.items())) if hasattr(exc, "error_dict") \
        else ("body", exc.messages)
    return _error(request, 422, field, "; ".join(messages))


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404):
    return _error(request, 404, "id", "no such athlete in your team")


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError):
    field = "X-CSRFToken" if "CSRF" in str(exc) else "request"
    return _error(request, exc.status_code, field, str(exc))


@api.exception_handler(AuthenticationError)
def _unauthenticated(request: HttpRequest, exc: AuthenticationError):
    return _error(request, 401, "Authorization", "sign in or send a coach's API token")


def _case(request: HttpRequest):
    """The CASE in the body, validated by the core so messages match the CLI's."""
    return case_from_json(request.body.decode("utf-8", errors="replace"))


@api.post("/recommend", response={200: Recommendation, **ERRORS}, tags=["engine"],
          openapi_extra=CASE_BODY)
def recommend_case(request: HttpRequest):
    """The recommendation for a CASE (DOMAIN.md section 4)."""
    return recommend(_case(request))


@api.post("/plan", response={200: Plan, **ERRORS}, tags=["engine"], openapi_extra=CASE_BODY)
def plan_case(request: HttpRequest):
    """Today's session for a CASE."""
    return plan(_case(request))


def _athlete_out(athlete: Athlete) -> dict[str, Any]:
    return {
        "id": athlete.pk, "name": athlete.name, "age": athlete.age_on(dt.date.today()),
        "stage": athlete.stage, "refer": athlete.refer, "pain_flag": athlete.pain_flag,
        "last_test_date": athlete.last_test_date, "last_test_passed": athlete.last_test_passed,
        "goal": athlete.goal, "archived": athlete.archived,
    }


@api.get("/athletes", response={200: list[AthleteOut], **ERRORS}, tags=["athletes"])
def athletes(request: HttpRequest, q: str = "", stage: str = "", archived: bool = False):
    """The team's athletes, searched by name and filtered by stage."""
    for name, value in (("q", q), ("stage", stage)):
        if "\x00" in value:
            raise DjangoValidationError({name: "must not contain NUL characters"})
    found = selectors.athlete_list(user=request.user, query=q[:100], stage=stage[:20],
                                   archived=archived)
    return [_athlete_out(a) for a in found[:500]]


@api.post("/athletes", response={201: AthleteOut, **ERRORS}, tags=["athletes"])
def athlete_create(request: HttpRequest, payload: AthleteIn):
    team = team_of(request.user)
    if team is None:
        raise Http404
    athlete = services.athlete_create(team=team, **payload.model_dump())
    return Status(201, _athlete_out(athlete))


@api.get("/athletes/{athlete_id}", response={200: AthleteOut, **ERRORS}, tags=["athletes"])
def athlete_detail(request: HttpRequest, athlete_id: int):
    return _athlete_out(selectors.athlete_get(user=request.user, pk=athlete_id))


@api.get("/athletes/{athlete_id}/recommendation", response={200: Recommendation, **ERRORS},
         tags=["athletes"])
def athlete_recommendation(request: HttpRequest, athlete_id: int):
    athlete = selectors.athlete_get(user=request.user, pk=athlete_id)
    return selectors.athlete_recommendation(athlete=athlete)


@api.get("/athletes/{athlete_id}/plan", response={200: Plan, **ERRORS}, tags=["athletes"])
def athlete_plan(request: HttpRequest, athlete_id: int):
    athlete = selectors.athlete_get(user=request.user, pk=athlete_id)
    return selectors.athlete_plan(athlete=athlete)


@api.post("/athletes/{athlete_id}/tests", response={201: TestOut, **ERRORS}, tags=["athletes"])
def test_create(request: HttpRequest, athlete_id: int, payload: TestIn):
    athlete = selectors.athlete_get(user=request.user, pk=athlete_id)
    test = services.test_record(athlete=athlete, by=request.user, **payload.model_dump())
    return Status(201, {"id": test.pk, "date": test.date, "faults": test.faults,
                        "passed": test.passed})


@api.post("/athletes/{athlete_id}/sessions", response={201: SessionOut, **ERRORS},
          tags=["athletes"])
def session_create(request: HttpRequest, athlete_id: int, payload: SessionIn):
    athlete = selectors.athlete_get(user=request.user, pk=athlete_id)
    data = payload.model_dump()
    session = services.session_log(athlete=athlete, by=request.user, **data)
    return Status(201, {"id": session.pk, "date": session.date, "pain_during": session.pain_during,
                 "pain_next_morning": session.pain_next_morning})


@api.delete("/athletes/{athlete_id}", response={204: None, **ERRORS}, tags=["athletes"])
def athlete_erase(request: HttpRequest, athlete_id: int):
    """Erase the athlete and every record (head coach only)."""
    athlete = selectors.athlete_get(user=request.user, pk=athlete_id)
    if not is_head_coach(request.user):
        return Status(403, {"field": "role", "message": "only a head coach can erase an athlete",
                            "detail": []})
    services.athlete_erase(athlete=athlete, by=request.user)
    return Status(204, None)
