"""The API's sentences for a person (``why[].text``) give loads in the caller's team's unit;
every number, fact and ``reasons`` line stays as the engine has it."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from tests.integration.conftest import token_client

from hingecoach.core import default_catalog, plan, recommend
from hingecoach.web.athletes import services as athletes
from hingecoach.web.teams import services as teams

CATALOG = default_catalog()
PASSED = {  # a Romanian deadlift from 30 kg (65 lb) for a 34-year-old
    "athlete": {"age": 34},
    "mastered": ["kneeling-hip-hinge", "kneeling-good-morning", "good-morning"],
    "tests": [{"date": "2026-03-16", "faults": []}],
}

pytestmark = pytest.mark.django_db


def texts(answer: Any) -> list[str]:
    """Every ``why[].text`` of an answer's JSON, in order."""
    if isinstance(answer, dict):
        if {"rule", "text", "facts"} <= set(answer):
            return [answer["text"]]
        return [text for value in answer.values() for text in texts(value)]
    if isinstance(answer, list):
        return [text for value in answer for text in texts(value)]
    return []


def without_texts(answer: Any) -> Any:
    if isinstance(answer, dict):
        return {k: without_texts(v) for k, v in answer.items() if k != "text"}
    if isinstance(answer, list):
        return [without_texts(v) for v in answer]
    return answer


def post(client, url: str, body: object):
    return client.post(url, json.dumps(body), content_type="application/json")


@pytest.fixture
def pounds(red):
    teams.team_set_unit(team=red.team, unit="lb")
    athletes.mastery_set(athlete=red.athlete, exercises=PASSED["mastered"])
    athletes.test_record(athlete=red.athlete, date=dt.date(2026, 3, 16), faults=[])
    return red


@pytest.mark.parametrize("url, engine", [("/api/recommend", recommend), ("/api/plan", plan)])
def test_a_team_in_pounds_gets_the_why_texts_of_a_case_in_pounds(pounds, url, engine):
    response = post(token_client(pounds.coach), url, PASSED)
    assert response.status_code == 200, response.content
    answer, in_kg = response.json(), engine(PASSED, CATALOG).model_dump(mode="json")
    assert without_texts(answer) == without_texts(in_kg)
    assert "65 lb, inside the adult range for age 34" in texts(answer)
    assert not any(" kg" in text for text in texts(answer))


@pytest.mark.parametrize("path", ["recommendation", "plan"])
def test_a_stored_athletes_answer_speaks_the_teams_unit(pounds, path):
    client = token_client(pounds.head)
    url = f"/api/athletes/{pounds.athlete.pk}/{path}"
    in_lb = client.get(url).json()
    assert any(" lb, inside the adult range" in text for text in texts(in_lb))
    assert not any(" kg" in text for text in texts(in_lb))
    teams.team_set_unit(team=pounds.team, unit="kg")
    in_kg = client.get(url).json()
    assert any(" kg, inside the adult range" in text for text in texts(in_kg))
    assert without_texts(in_lb) == without_texts(in_kg)


def test_a_team_in_kilograms_gets_the_engines_answer_unchanged(red):
    response = post(token_client(red.coach), "/api/recommend", PASSED)
    assert response.json() == recommend(PASSED, CATALOG).model_dump(mode="json")
