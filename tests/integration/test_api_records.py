"""The API beyond the engine: every record read and written, pages, and JSON errors."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def post(client: Client, url: str, body: object, method: str = "post"):
    return getattr(client, method)(url, json.dumps(body), content_type="application/json")


def test_each_record_written_is_read_back(api, url):
    assert post(api, f"{url}/pain", {"date": "2026-11-01", "nrs": 3}).status_code == 201
    assert post(api, f"{url}/tsk11", {"date": "2026-11-01", "total": 30}).status_code == 201
    assert post(api, f"{url}/tests", {"date": "2026-11-02", "faults": []}).status_code == 201
    session = post(
        api,
        f"{url}/sessions",
        {
            "date": "2026-11-03",
            "exercises": [{"exercise": "good-morning", "reps": [10, 8, 6], "load_kg": 30}],
        },
    )
    assert session.json()["exercises"] == [
        {"exercise": "good-morning", "sets": 3, "reps": [10, 8, 6], "load_kg": 30.0}
    ]
    mastered = post(api, f"{url}/mastered", {"exercises": ["good-morning"]}, method="put")
    assert [m["exercise"] for m in mastered.json()] == ["good-morning"]
    assert api.get(f"{url}/pain").json()["items"][0]["nrs"] == 3
    assert api.get(f"{url}/tsk11").json()["items"][0]["total"] == 30
    assert api.get(f"{url}/tests").json()["items"][0]["passed"] is True
    assert api.get(f"{url}/sessions").json()["count"] == 1
    assert api.get(f"{url}/mastered").json()["items"][0]["exercise"] == "good-morning"


def test_patch_changes_only_the_fields_sent(api, url, red):
    response = post(api, url, {"notes": "left knee", "archived": True}, method="patch")
    assert response.status_code == 200
    body = response.json()
    assert (body["notes"], body["archived"], body["name"]) == ("left knee", True, "red athlete")


def test_a_record_dated_before_birth_is_a_conflict(api, url):
    response = post(api, f"{url}/pain", {"date": "1950-01-01", "nrs": 2})
    assert response.status_code == 409
    assert response.json()["field"] == "date"
    assert "before the athlete's date of birth (1990-05-01)" in response.json()["message"]


def test_lists_are_paged(api, red):
    from hingecoach.web.athletes import services

    for number in range(3):
        services.athlete_create(
            team=red.team, name=f"extra {number}", date_of_birth=dt.date(1991, 1, 1)
        )
    page = api.get("/api/athletes", {"limit": 2, "offset": 1}).json()
    assert page["count"] == 4 and len(page["items"]) == 2
    too_many = api.get("/api/athletes", {"limit": 101})
    assert too_many.status_code == 422 and too_many.json()["field"] == "limit"


@pytest.mark.parametrize(
    ("request_", "status", "field"),
    [
        (("get", "/api/no-such-thing"), 404, "path"),
        (("delete", "/api/recommend"), 405, "method"),
        (("get", "/api/athletes/999999"), 404, "id"),
        (("post", "/api/recommend", "{not json"), 400, "body"),
        (("post", "/api/athletes/{id}/pain", "{not json"), 400, "body"),
        (("post", "/api/recommend", "[" * 100_000 + "]" * 100_000), 400, "body"),
        (("post", "/api/athletes/{id}/pain", "[" * 100_000 + "]" * 100_000), 400, "body"),
        (("post", "/api/athletes/{id}/pain", "x" * 3_000_000), 413, "body"),
    ],
)
def test_every_failure_is_json_naming_a_field(api, red, request_, status, field):
    method, path, *body = request_
    path = path.replace("{id}", str(red.athlete.pk))
    response = getattr(api, method)(path, *(body or []), content_type="application/json")
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["field"] == field and response.json()["message"]


def test_operation_ids_read_as_actions_and_ids_are_enums(db):
    document = Client().get("/api/openapi.json").json()
    ids = {op["operationId"] for path in document["paths"].values() for op in path.values()}
    assert {"recommend_case", "list_athletes", "update_athlete", "create_pain"} <= ids
    fault = document["components"]["schemas"]["TestIn"]["properties"]["faults"]["items"]
    assert "lumbar-flexion" in fault["enum"]
    assert (
        "lumbar-flexion"
        in document["components"]["schemas"]["TestResult"]["properties"]["faults"]["items"]["enum"]
    )
    assert "Bearer" in document["info"]["description"]


def test_the_docs_page_loads_nothing_from_another_host(db):
    html = Client().get("/api/docs").content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources and all(s.startswith(("/", "#")) and not s.startswith("//") for s in sources), (
        sources
    )


def test_the_docs_page_documents_every_operation_and_schema(db):
    html = Client().get("/api/docs").content.decode()
    document = Client().get("/api/openapi.json").json()
    for path, methods in document["paths"].items():
        for method, op in methods.items():
            assert f'id="op-{op["operationId"]}"' in html, (method, path)
    for name in document["components"]["schemas"]:
        assert f'id="schema-{name}"' in html, name
    assert "one of &#x27;lumbar-flexion&#x27;" in html  # an id list's enum, in words
