"""The JSON API through Django's test client, on a real database."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.test import Client
from tests.integration.conftest import token_client

from hingecoach.core import default_catalog, plan, recommend

CATALOG = default_catalog()

pytestmark = pytest.mark.django_db

NOVICE = {"athlete": {"age": 34}, "mastered": ["kneeling-hip-hinge"]}
FAILED = {"athlete": {"age": 34}, "tests": [{"date": "2026-11-01", "faults": ["lumbar-flexion"]}]}


def post(client: Client, url: str, body: object):
    return client.post(url, json.dumps(body), content_type="application/json")


def test_recommend_answers_exactly_what_the_engine_answers(red):
    response = post(token_client(red.coach), "/api/recommend", FAILED)
    assert response.status_code == 200
    assert response.json() == recommend(FAILED, CATALOG).model_dump(mode="json")


def test_plan_answers_exactly_what_the_planner_answers(red):
    response = post(token_client(red.coach), "/api/plan", NOVICE)
    assert response.status_code == 200
    assert response.json() == plan(NOVICE, CATALOG).model_dump(mode="json")


def test_without_a_token_the_api_says_401_and_names_the_header(db):
    response = post(Client(), "/api/recommend", NOVICE)
    assert response.status_code == 401
    assert response.json()["field"] == "Authorization"


def test_a_wrong_token_is_refused(db):
    client = Client(HTTP_AUTHORIZATION="Bearer hc_not-a-real-token")
    assert post(client, "/api/recommend", NOVICE).status_code == 401


def test_a_signed_in_browser_session_may_use_the_api(red):
    client = Client(enforce_csrf_checks=False)
    client.force_login(red.coach)
    assert post(client, "/api/recommend", NOVICE).status_code == 200


@pytest.mark.parametrize(
    ("body", "field", "words"),
    [
        ({"athlete": {}}, "athlete.age", "required"),
        (
            {"athlete": {"age": 30}, "mastered": ["kneeling-squat-dance"]},
            "mastered[0]",
            "unknown exercise 'kneeling-squat-dance'",
        ),
        ({"athlete": {"age": 30, "pain_nrs": 11}}, "athlete.pain_nrs", "11"),
        (
            {"athlete": {"age": 30}, "tests": [{"date": "2026-11-01", "faults": ["wobble"]}]},
            "tests[0].faults[0]",
            "unknown fault 'wobble'",
        ),
        (
            {"athlete": {"age": 30, "red_flags": ["itchy"]}},
            "athlete.red_flags[0]",
            "unknown red flag 'itchy'",
        ),
        ({"athlte": {"age": 30}}, "athlte", 'unknown field (value {"age": 30})'),
        ({"athlete": {"age": True}}, "athlete.age", "input should be a valid integer (got true)"),
        ({"athlete": {"age": None}}, "athlete.age", "input should be a valid integer (got null)"),
    ],
)
def test_a_bad_case_is_a_422_naming_the_field(red, body, field, words):
    response = post(token_client(red.coach), "/api/recommend", body)
    assert response.status_code == 422
    error = response.json()
    assert error["field"] == field
    assert words in error["message"]


def test_invalid_json_is_a_4xx_not_a_server_error(red):
    response = token_client(red.coach).post(
        "/api/recommend", "{not json", content_type="application/json"
    )
    assert 400 <= response.status_code < 500


def test_a_stored_athletes_recommendation_follows_their_records(red):
    client = token_client(red.coach)
    url = f"/api/athletes/{red.athlete.pk}"
    assert client.get(f"{url}/recommendation").json()["stage"] == "corrective"
    created = post(client, f"{url}/tests", {"date": "2026-11-01", "faults": []})
    assert created.status_code == 201
    assert client.get(f"{url}/recommendation").json()["stage"] == "fundamental"
    session = client.get(f"{url}/plan").json()["session"]
    assert session[0]["exercise"] == "bodyweight-hip-hinge"


def test_another_teams_athlete_is_a_404_on_every_endpoint(red, blue):
    client = token_client(red.coach)
    url = f"/api/athletes/{blue.athlete.pk}"
    for path in (url, f"{url}/recommendation", f"{url}/plan"):
        assert client.get(path).status_code == 404
    assert post(client, f"{url}/tests", {"date": "2026-11-01", "faults": []}).status_code == 404
    assert blue.athlete.tests.count() == 0


def test_the_athlete_list_holds_only_the_coachs_team(red, blue):
    names = [a["name"] for a in token_client(red.head).get("/api/athletes").json()["items"]]
    assert names == ["red athlete"]


def test_a_rejected_test_record_changes_nothing(red):
    client = token_client(red.coach)
    response = post(
        client,
        f"/api/athletes/{red.athlete.pk}/tests",
        {"date": "2026-11-01", "faults": ["lumbar-flexion", "hunchback"]},
    )
    assert response.status_code == 422
    assert response.json() == {**response.json(), "field": "faults[1]"}
    assert "hunchback" in response.json()["message"]
    assert red.athlete.tests.count() == 0


def test_a_future_test_date_is_refused(red):
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    response = post(
        token_client(red.coach), f"/api/athletes/{red.athlete.pk}/tests", {"date": tomorrow}
    )
    assert response.status_code == 422
    assert response.json()["field"] == "date"


def test_a_logged_session_with_a_flare_holds_progression(red):
    client = token_client(red.coach)
    url = f"/api/athletes/{red.athlete.pk}"
    post(client, f"{url}/tests", {"date": "2026-11-01", "faults": []})
    body = {
        "date": "2026-11-02",
        "pain_during": 7,
        "exercises": [{"exercise": "good-morning", "reps": [10, 10, 10], "load_kg": 30}],
    }
    assert post(client, f"{url}/sessions", body).status_code == 201
    rec = client.get(f"{url}/recommendation").json()
    assert any("pain-flare" in w for w in rec["warnings"])
    good_morning = next(o for o in rec["options"] if o["exercise"] == "good-morning")
    assert good_morning["prescription"]["load_kg"] == {"min": 20.0, "max": 20.0}


def test_the_openapi_document_lists_the_contract_endpoints(db):
    document = Client().get("/api/openapi.json").json()
    for path in (
        "/api/recommend",
        "/api/plan",
        "/api/athletes/{athlete_id}/recommendation",
        "/api/athletes/{athlete_id}/plan",
    ):
        assert path in document["paths"]


def test_a_nul_character_is_refused_with_the_field_not_a_server_error(red):
    client = token_client(red.coach)
    listed = client.get("/api/athletes", {"q": "ab\x00c"})
    assert listed.status_code == 422 and listed.json()["field"] == "q"
    created = post(client, "/api/athletes", {"name": "Nul\x00", "date_of_birth": "1990-01-01"})
    assert created.status_code == 422 and created.json()["field"] == "name"
    tested = post(
        client,
        f"/api/athletes/{red.athlete.pk}/tests",
        {"date": "2026-11-01", "faults": [], "notes": "\x00"},
    )
    assert tested.status_code == 422 and tested.json()["field"] == "notes"
    assert red.athlete.tests.count() == 0
