"""The JSON API: the same recommend / plan shapes as the CLI (DOMAIN.md sections 4 and 6),
and every record of a team's athletes, read and written through the services."""

import datetime as dt
from typing import Annotated, Any, TypeVar, cast

from django.http import Http404, HttpRequest
from ninja import Field, Status
from ninja.pagination import LimitOffsetPagination, paginate

from hingecoach.core import Plan, Recommendation, case_from_json, plan, recommend
from hingecoach.web.api import errors
from hingecoach.web.api.auth import BrowserSession, CoachToken
from hingecoach.web.api.body import BODY, BodyParser, body_text
from hingecoach.web.api.clips import router as clips
from hingecoach.web.api.docs import ReadableDocs
from hingecoach.web.api.openapi import CASE_BODY, ContractAPI
from hingecoach.web.api.records import router as records
from hingecoach.web.api.schemas import (
    NO_NUL,
    AthleteIn,
    AthleteOut,
    AthletePatch,
    ErrorOut,
    Stage,
)
from hingecoach.web.athletes import selectors, services
from hingecoach.web.athletes.models import Athlete
from hingecoach.web.catalog import web_catalog
from hingecoach.web.common.display import answer_in_units
from hingecoach.web.erasure import services as erasure
from hingecoach.web.requests import CoachRequest
from hingecoach.web.teams.selectors import is_head_coach, team_of

DESCRIPTION = """\
Recommendations, plans and the records of a coaching team's athletes.

**Authentication.** Send a coach's API token as `Authorization: Bearer <token>`; a coach
makes tokens on their Settings page. A token acts as that coach: it reaches their own
team's athletes and every record of theirs, and nothing of another team (another team's
athlete is a 404). Erasing an athlete needs a head coach's token. A deactivated coach's
tokens stop working. A signed-in browser session works too, with the `X-CSRFToken` header.

**Errors.** Every failure is JSON `{"field", "message"}` with a 4xx status: 400 unreadable
JSON on any endpoint (not UTF-8, not JSON, or nested deeper than 8 levels; the field is
`body`), 401 no or a wrong token, 403 not allowed for this coach, 404 no such endpoint or
record in your team, 409 a record that contradicts one stored (dated before the athlete's
birth, or a medical clearance left without who gave it), 413 a body over 2.5 MB (a clip:
over the clip size limit), 415 a clip that is not a video this app reads, 422 a value the
document does not allow, or a key given twice in one object (`nrs: given twice`).

**Units.** Loads are numbers in both units (`load_kg`, `load_lb`); the sentences for a
person (`why[].text`) give them in your team's unit, kilograms or pounds (Settings).

**Clips** are uploaded as `multipart/form-data` and analysed in the background: read the
clip until its `status` is `done` (its `report` is then filled) or `failed` (`error`).

**Lists** are paged: `limit` (1-100, default 50) and `offset`; the answer holds `items`
and `count`.
"""

api = ContractAPI(
    title="hingecoach API",
    version="1",
    description=DESCRIPTION,
    auth=[CoachToken(), BrowserSession()],
    urls_namespace="api",
    docs=ReadableDocs(),
    docs_url="/docs",
    openapi_url="/openapi.json",
    parser=BodyParser(),
)
errors.install(api)
ERRORS = {
    400: ErrorOut,
    401: ErrorOut,
    403: ErrorOut,
    404: ErrorOut,
    409: ErrorOut,
    413: ErrorOut,
    422: ErrorOut,
}
SearchText = Annotated[str, Field(max_length=100, pattern=NO_NUL)]
Answer = TypeVar("Answer", Recommendation, Plan)


def _case(request: HttpRequest):
    """The CASE in the body, read and validated by the core so messages match the CLI's
    (unreadable JSON names the ``body``, as on every endpoint)."""
    return case_from_json(body_text(request), web_catalog(), source=BODY)


@api.post(
    "/recommend", response={200: Recommendation, **ERRORS}, tags=["engine"], openapi_extra=CASE_BODY
)
def recommend_case(request: HttpRequest):
    """The recommendation for a CASE (DOMAIN.md section 4)."""
    return _for_caller(request, recommend(_case(request), web_catalog()))


@api.post("/plan", response={200: Plan, **ERRORS}, tags=["engine"], openapi_extra=CASE_BODY)
def plan_case(request: HttpRequest):
    """Today's session for a CASE."""
    return _for_caller(request, plan(_case(request), web_catalog()))


def _for_caller(request: HttpRequest, answer: Answer) -> Answer:
    """The answer as the caller reads it: why texts in their team's unit (DOMAIN.md 4)."""
    team = team_of(cast(CoachRequest, request).user)  # the API's auth ran: a coach
    return answer_in_units(answer, team.unit if team else "kg")


def athlete_out(athlete: Athlete) -> dict[str, Any]:
    fields = (
        "name",
        "date_of_birth",
        "stage",
        "refer",
        "pain_flag",
        "last_test_date",
        "last_test_passed",
        "goal",
        "conditions",
        "red_flags",
        "medical_clearance",
        "clearance_date",
        "clearance_by",
        "notes",
        "archived",
    )
    return {
        "id": athlete.pk,
        "age": athlete.age_on(dt.date.today()),
        **{name: getattr(athlete, name) for name in fields},
    }


@api.get("/athletes", response={200: list[AthleteOut], **ERRORS}, tags=["athletes"])
@paginate(LimitOffsetPagination)
def list_athletes(
    request: CoachRequest, q: SearchText = "", stage: Stage | None = None, archived: bool = False
):
    """The team's athletes by name, searched by name or notes and filtered by stage."""
    found = selectors.athlete_list(user=request.user, query=q, stage=stage or "", archived=archived)
    return [athlete_out(a) for a in found]


@api.post("/athletes", response={201: AthleteOut, **ERRORS}, tags=["athletes"])
def create_athlete(request: CoachRequest, payload: AthleteIn):
    """Add an athlete to the team."""
    team = team_of(request.user)
    if team is None:
        raise Http404("no team")
    athlete = services.athlete_create(team=team, **payload.model_dump())
    return Status(201, athlete_out(athlete))


@api.get("/athletes/{athlete_id}", response={200: AthleteOut, **ERRORS}, tags=["athletes"])
def get_athlete(request: CoachRequest, athlete_id: int):
    """One athlete of the team."""
    return athlete_out(selectors.athlete_get(user=request.user, pk=athlete_id))


@api.patch("/athletes/{athlete_id}", response={200: AthleteOut, **ERRORS}, tags=["athletes"])
def update_athlete(request: CoachRequest, athlete_id: int, payload: AthletePatch):
    """Change the fields sent; the others stay as they are."""
    athlete = selectors.athlete_get(user=request.user, pk=athlete_id)
    changes = payload.model_dump(exclude_unset=True)
    archived = changes.pop("archived", None)
    if changes:
        athlete = services.athlete_update(athlete=athlete, **changes)
    if archived is not None:
        athlete = services.athlete_archive(athlete=athlete, archived=archived)
    return athlete_out(athlete)


@api.delete("/athletes/{athlete_id}", response={204: None, **ERRORS}, tags=["athletes"])
def erase_athlete(request: CoachRequest, athlete_id: int):
    """Erase the athlete with every record and clip (a head coach's token only); the audit
    trail keeps who erased and when, nothing of the athlete."""
    athlete = selectors.athlete_get(user=request.user, pk=athlete_id)
    if not is_head_coach(request.user):
        return Status(403, errors.error_body("role", "only a head coach can erase an athlete"))
    erasure.athlete_erase(athlete=athlete, by=request.user)
    return Status(204, None)


@api.get(
    "/athletes/{athlete_id}/recommendation",
    response={200: Recommendation, **ERRORS},
    tags=["athletes"],
)
def get_recommendation(request: CoachRequest, athlete_id: int):
    """The recommendation from the athlete's stored records."""
    athlete = selectors.athlete_get(user=request.user, pk=athlete_id)
    return _for_caller(request, selectors.athlete_recommendation(athlete=athlete))


@api.get("/athletes/{athlete_id}/plan", response={200: Plan, **ERRORS}, tags=["athletes"])
def get_plan(request: CoachRequest, athlete_id: int):
    """Today's session from the athlete's stored records."""
    athlete = selectors.athlete_get(user=request.user, pk=athlete_id)
    return _for_caller(request, selectors.athlete_plan(athlete=athlete))


api.add_router("/athletes", records)
api.add_router("/", clips)
