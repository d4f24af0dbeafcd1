"""Two teams, each with a head coach, a coach and an athlete, on a real database."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from hingecoach.web.athletes import services as athletes
from hingecoach.web.teams import services as teams
from hingecoach.web.teams.models import Membership

PASSWORD = "a-long-test-passphrase-9"


@dataclass
class TeamWorld:
    team: Any
    head: Any
    coach: Any
    athlete: Any


def _team(name: str) -> TeamWorld:
    team = teams.team_create(name=name)
    head = teams.coach_create(
        team=team, username=f"{name}-head", password=PASSWORD, role=Membership.Role.HEAD
    )
    coach = teams.coach_create(team=team, username=f"{name}-coach", password=PASSWORD)
    athlete = athletes.athlete_create(
        team=team, name=f"{name} athlete", date_of_birth=dt.date(1990, 5, 1)
    )
    return TeamWorld(team, head, coach, athlete)


@pytest.fixture
def red(db) -> TeamWorld:
    return _team("red")


@pytest.fixture
def blue(db) -> TeamWorld:
    return _team("blue")


def token_client(user: Any) -> Client:
    raw = teams.api_token_create(user=user)
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


@pytest.fixture
def api(red: TeamWorld) -> Client:
    """The red coach's API client (token authentication)."""
    return token_client(red.coach)


@pytest.fixture
def url(red: TeamWorld) -> str:
    """The red athlete's API address."""
    return f"/api/athletes/{red.athlete.pk}"
