"""Reads: what a coach may see. Another team's athlete is simply not found (404)."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.http import Http404

from hingecoach.core import Case, Plan, Recommendation, parse_case, plan, recommend
from hingecoach.core.engine import pain_flare
from hingecoach.core.errors import CaseError
from hingecoach.web.athletes import validators as check
from hingecoach.web.athletes.case import athlete_case, athlete_case_data
from hingecoach.web.athletes.models import (
    Athlete,
    CheckinLink,
    HingeTest,
    Mastery,
    PainReport,
    SessionExercise,
    TrainingSession,
    TskScore,
)
from hingecoach.web.catalog import catalog_key, web_catalog
from hingecoach.web.common import pagecache
from hingecoach.web.common.loads import LoggedLoad
from hingecoach.web.teams.models import ApiToken
from hingecoach.web.teams.selectors import team_of


def athletes_visible_to(user: User) -> QuerySet[Athlete]:
    team = team_of(user)
    if team is None:
        return Athlete.objects.none()
    return Athlete.objects.filter(team=team)


def athlete_list(
    *,
    user: User,
    query: str = "",
    stage: str = "",
    tested: str = "",
    pain: str = "",
    archived: bool = False,
) -> QuerySet[Athlete]:
    """The team's athletes, searched by name and filtered by stage, last test and pain."""
    athletes = athletes_visible_to(user).filter(archived=archived)
    if query:
        athletes = athletes.filter(Q(name__icontains=query) | Q(notes__icontains=query))
    if stage:
        athletes = athletes.filter(stage=stage)
    if tested == "passed":
        athletes = athletes.filter(last_test_passed=True)
    elif tested == "failed":
        athletes = athletes.filter(last_test_passed=False)
    elif tested == "none":
        athletes = athletes.filter(last_test_date__isnull=True)
    elif tested == "stale":
        athletes = athletes.filter(last_test_date__lt=dt.date.today() - dt.timedelta(weeks=4))
    if pain == "yes":
        athletes = athletes.filter(Q(pain_flag=True) | Q(refer=True))
    return athletes


def athlete_get(*, user: User, pk: int) -> Athlete:
    athlete = athletes_visible_to(user).select_related("team").filter(pk=pk).first()
    if athlete is None:
        raise Http404("No such athlete")
    return athlete


def athlete_stamp(*, athlete: Athlete, version: str | None = None) -> str:
    """What is worked out from ``athlete``'s records depends on, besides this code: the
    records' version as stored now (read afresh: the object in hand may be older than a
    write made through another; ``version`` when the caller read it in this request with
    no write since), the catalog and today's date (the athlete's age). See
    ``hingecoach.web.common.pagecache``."""
    if version is None:
        stored = Athlete.objects.filter(pk=athlete.pk).values_list("data_version", flat=True)
        version = stored.first()
    today = dt.date.today().isoformat()
    return pagecache.stamp(version, catalog_key(), today)


def athlete_recommendation(*, athlete: Athlete) -> Recommendation:
    return athlete_advice(athlete=athlete)[0]


def athlete_plan(*, athlete: Athlete) -> Plan:
    return athlete_advice(athlete=athlete)[1]


def athlete_advice(*, athlete: Athlete, stamp: str | None = None) -> tuple[Recommendation, Plan]:
    """The recommendation and today's plan, worked out once per change of the athlete's
    records (or of the catalog, or per day) and then read from the shared cache.
    ``stamp``: ``athlete_stamp`` when the caller has it already."""
    return pagecache.slot(
        f"athlete:{athlete.pk}:advice",
        stamp or athlete_stamp(athlete=athlete),
        lambda: _advice_now(athlete),
    )


def _advice_now(athlete: Athlete) -> tuple[Recommendation, Plan]:
    case = athlete_case(athlete)
    return recommend(case, web_catalog()), plan(case, web_catalog())


def athlete_advice_keep(*, athlete: Athlete, case: Case, rec: Recommendation) -> None:
    """Keep the advice a write just worked out (``services.athlete_refresh``), so the page
    after the write need not work it out again."""
    pagecache.keep(
        f"athlete:{athlete.pk}:advice",
        athlete_stamp(athlete=athlete),
        (rec, plan(case, web_catalog())),
    )


def athlete_recommendation_preview(
    *, athlete: Athlete, test_faults: list[str], test_date: dt.date | None = None
) -> Recommendation:
    """The recommendation as it would be with one more test on record; saves nothing.
    Refuses what the save refuses, with the same field and words (``ValidationError``)."""
    day = test_date or dt.date.today()
    check.record_date("date", day, athlete.date_of_birth)
    faults = check.known_ids("faults", test_faults, "faults")
    data = athlete_case_data(athlete)
    data["tests"] = [*data["tests"], {"date": day.isoformat(), "faults": faults}]
    try:
        case = parse_case(data, web_catalog())
    except CaseError as exc:  # a record the checks above let by: still the field and why
        raise ValidationError(str(exc)) from None
    return recommend(case, web_catalog())


def athlete_sessions(*, athlete: Athlete) -> QuerySet[TrainingSession]:
    """The athlete's sessions, newest first, with what was done in each."""
    return athlete.sessions.order_by("-date", "-id").prefetch_related("exercises")


def athlete_last_loads(*, athlete: Athlete, exercises: list[str]) -> dict[str, LoggedLoad]:
    """Each of ``exercises``' load, as logged, in the newest session that logged one."""
    rows = SessionExercise.objects.filter(
        session__athlete=athlete, exercise__in=exercises, load_kg__isnull=False
    ).order_by("-session__date", "-session__id", "-id")
    last: dict[str, LoggedLoad] = {}
    for row in rows.only("exercise", "load_kg", "load_logged", "load_unit"):
        load = LoggedLoad.of(row)
        if load is not None and row.exercise not in last:
            last[row.exercise] = load
    return last


def athlete_session_get(*, athlete: Athlete, pk: int) -> TrainingSession:
    session = athlete.sessions.filter(pk=pk).first()
    if session is None:
        raise Http404("No such session")
    return session


def athlete_tests(*, athlete: Athlete) -> QuerySet[HingeTest]:
    return athlete.tests.order_by("-date", "-id")


def athlete_pain_reports(*, athlete: Athlete) -> QuerySet[PainReport]:
    return athlete.pain_reports.order_by("-date", "-id")


def athlete_latest_tsk(*, athlete: Athlete) -> TskScore | None:
    return athlete.tsk_scores.order_by("-date", "-id").first()


def athlete_mastered(*, athlete: Athlete) -> list[str]:
    return sorted(athlete.masteries.values_list("exercise", flat=True))


def athlete_masteries(*, athlete: Athlete) -> QuerySet[Mastery]:
    """What the athlete has mastered and since when, by exercise id."""
    return athlete.masteries.order_by("exercise")


def athlete_tsk_scores(*, athlete: Athlete) -> QuerySet[TskScore]:
    return athlete.tsk_scores.order_by("-date", "-id")


def athlete_last_session(*, athlete: Athlete) -> TrainingSession | None:
    """The session the engine reads as ``last_session`` (newest date, then newest entry)."""
    return athlete.sessions.order_by("-date", "-id").first()


def athlete_checkins(*, athlete: Athlete) -> QuerySet[TrainingSession]:
    """Sessions with a morning-after report (from the athlete's link or a coach), newest first."""
    return athlete.sessions.filter(pain_next_morning__isnull=False).order_by("-date", "-id")


def athlete_pain_flare(*, athlete: Athlete) -> str | None:
    """Why the last session counts as a pain flare, or None."""
    return pain_flare(athlete_case(athlete), web_catalog())


# --- private check-in links -------------------------------------------------------------


def checkin_links_active(*, athlete: Athlete) -> QuerySet[CheckinLink]:
    return athlete.checkin_links.filter(revoked__isnull=True).order_by("-created", "-id")


def checkin_link_get(*, athlete: Athlete, pk: int) -> CheckinLink:
    """One of ``athlete``'s links; any other athlete's is not found."""
    link = athlete.checkin_links.filter(pk=pk).first()
    if link is None:
        raise Http404("No such check-in link")
    return link


def checkin_athlete_for_token(*, token: str) -> Athlete | None:
    """The athlete behind an active check-in token; None when unknown, revoked or archived."""
    link = (
        CheckinLink.objects.select_related("athlete__team")
        .filter(digest=ApiToken.digest_of(token), revoked__isnull=True, athlete__archived=False)
        .first()
    )
    return link.athlete if link else None
