"""Reads: what a coach may see. Another team's athlete is simply not found (404)."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q, QuerySet
from django.http import Http404

from hingecoach.core import Plan, Recommendation, parse_case, plan, recommend
from hingecoach.web.athletes.case import athlete_case, athlete_case_data
from hingecoach.web.athletes.models import (
    Athlete,
    HingeTest,
    PainReport,
    TrainingSession,
    TskScore,
)
from hingecoach.web.teams.selectors import team_of


def athletes_visible_to(user: AbstractBaseUser) -> QuerySet[Athlete]:
    team = team_of(user)
    if team is None:
        return Athlete.objects.none()
    return Athlete.objects.filter(team=team)


def athlete_list(*, user: AbstractBaseUser, query: str = "", stage: str = "",
                 tested: str = "", pain: str = "", archived: bool = False) -> QuerySet[Athlete]:
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


def athlete_get(*, user: AbstractBaseUser, pk: int) -> Athlete:
    athlete = athletes_visible_to(user).filter(pk=pk).first()
    if athlete is None:
        raise Http404("No such athlete")
    return athlete


def athlete_recommendation(*, athlete: Athlete) -> Recommendation:
    return recommend(athlete_case(athlete))


def athlete_plan(*, athlete: Athlete) -> Plan:
    return plan(athlete_case(athlete))


def athlete_recommendation_preview(*, athlete: Athlete, test_faults: list[str],
                                   test_date: dt.date | None = None) -> Recommendation:
    """The recommendation as it would be with one more test on record; saves nothing."""
    data = athlete_case_data(athlete)
    day = (test_date or dt.date.today()).isoformat()
    data["tests"] = [*data["tests"], {"date": day, "faults": list(test_faults)}]
    return recommend(parse_case(data))


def athlete_sessions(*, athlete: Athlete) -> QuerySet[TrainingSession]:
    """The athlete's sessions, newest first, with what was done in each."""
    return athlete.sessions.order_by("-date", "-id").prefetch_related("exercises")


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
