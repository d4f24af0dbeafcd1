"""Fixtures for the web pages: two teams in a real SQLite database, and signed-in clients.

Run with ``DJANGO_SETTINGS_MODULE=hingecoach.web.settings`` (pytest-django). Static files
are served by plain storage here, so no ``collectstatic`` manifest is needed.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from hingecoach.web.athletes import services as athletes
from hingecoach.web.teams import services as teams
from hingecoach.web.teams.models import Membership

PASSWORD = "a-long-test-password-2026"


@pytest.fixture
def team(db):
    return teams.team_create(name="Riverside Barbell")


@pytest.fixture
def head(team):
    return teams.coach_create(
        team=team, username="hana", password=PASSWORD, role=Membership.Role.HEAD, first_name="Hana"
    )


@pytest.fixture
def coach(team):
    return teams.coach_create(team=team, username="cole", password=PASSWORD)


@pytest.fixture
def head_client(head) -> Client:
    client = Client()
    client.force_login(head)
    return client


@pytest.fixture
def coach_client(coach) -> Client:
    client = Client()
    client.force_login(coach)
    return client


def born(age: int) -> dt.date:
    today = dt.date.today()
    return (
        dt.date(today.year - age - 1, 6, 1)
        if (today.month, today.day) < (6, 1)
        else dt.date(today.year - age, 6, 1)
    )


@pytest.fixture
def athlete(team):
    """An adult who has mastered the corrective series and not yet been tested."""
    person = athletes.athlete_create(team=team, name="Maya Ortiz", date_of_birth=born(34))
    athletes.mastery_set(
        athlete=person, exercises=["kneeling-hip-hinge", "kneeling-good-morning", "good-morning"]
    )
    return person


@pytest.fixture
def stranger(db):
    """An athlete of another team."""
    other = teams.team_create(name="Other Gym")
    return athletes.athlete_create(team=other, name="Zed Outsider", date_of_birth=born(40))
