"""Whatever is sent under /api/, the answer is JSON ``{"field", "message"}`` with a 4xx
status (DOMAIN.md section 6): never an HTML page, never a server error."""

from __future__ import annotations

import json

import pytest
from tests.integration.conftest import token_client

pytestmark = pytest.mark.django_db

DEEP_LIST = "[" * 100_000 + "]" * 100_000
DEEP_OBJECT = '{"a":' * 50_000 + "1" + "}" * 50_000
LONG_NUMBER = "9" * 6_000  # past Python's 4,300-digit limit on reading an integer
TOO_BIG = "a" * 3_000_000  # over DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB)
NRS_TWICE = '{"date": "2026-11-01", "nrs": 3, "nrs": 4}'
AGE_TWICE = '{"athlete": {"age": 30, "age": 31}}'
MANY_FIELDS = "&".join(f"f{n}=1" for n in range(2_000))  # over Django's 1,000 fields

JSON = "application/json"
FORM = "application/x-www-form-urlencoded"

# (what is sent, method, path, body, content type, the status and field answered)
REQUESTS = [
    ("unknown path", "get", "/api/nope", None, None, 404, "path"),
    ("unknown path under an athlete", "get", "/api/athletes/1/nope/x", None, None, 404, "path"),
    ("a trailing slash", "get", "/api/athletes/", None, None, 404, "path"),
    ("wrong method", "put", "/api/athletes", "{}", JSON, 405, "method"),
    ("OPTIONS", "options", "/api/recommend", None, None, 405, "method"),
    ("an id that is not a number", "get", "/api/athletes/abc", None, None, 422, "athlete_id"),
    ("a limit that is not a number", "get", "/api/athletes?limit=abc", None, None, 422, "limit"),
    # Unreadable JSON is a 400 naming the body on every endpoint, the CASE's included.
    ("broken JSON, a CASE", "post", "/api/recommend", '{"athlete":', JSON, 400, "body"),
    ("broken JSON, a plan's CASE", "post", "/api/plan", "{bad", JSON, 400, "body"),
    ("broken JSON, a record", "post", "/api/athletes", '{"name":', JSON, 400, "body"),
    ("not UTF-8", "post", "/api/athletes", b"\xff\xfe{", JSON, 400, "body"),
    ("not UTF-8, a CASE", "post", "/api/recommend", b'{"athlete": "\xff"}', JSON, 400, "body"),
    ("deep nesting, a CASE", "post", "/api/plan", DEEP_LIST, JSON, 400, "body"),
    ("deep nesting, a record", "post", "/api/athletes", DEEP_LIST, JSON, 400, "body"),
    ("deep nesting, a patch", "patch", "/api/athletes/{id}", DEEP_OBJECT, JSON, 400, "body"),
    (
        "a number too long to read, a CASE",
        "post",
        "/api/recommend",
        '{"athlete": {"age": ' + LONG_NUMBER + "}}",
        JSON,
        400,
        "body",
    ),
    (
        "a number too long to read, a record",
        "post",
        "/api/athletes/{id}/pain",
        '{"nrs": ' + LONG_NUMBER + "}",
        JSON,
        400,
        "body",
    ),
    # A key given twice is read, and refused by name, as the CLI refuses it in a CASE.
    ("a key given twice, a record", "post", "/api/athletes/{id}/pain", NRS_TWICE, JSON, 422, "nrs"),
    ("a key given twice, a CASE", "post", "/api/recommend", AGE_TWICE, JSON, 422, "athlete.age"),
    ("a body over the limit, a CASE", "post", "/api/recommend", TOO_BIG, JSON, 413, "body"),
    ("a body over the limit, a record", "post", "/api/athletes", TOO_BIG, JSON, 413, "body"),
    ("too many form fields", "post", "/api/athletes", MANY_FIELDS, FORM, 400, "body"),
    ("plain text", "post", "/api/athletes", "hello", "text/plain", 400, "body"),
    (
        "multipart without a boundary",
        "post",
        "/api/athletes/{id}/clips",
        "x",
        "multipart/form-data",
        400,
        "request",
    ),
]


@pytest.mark.parametrize(
    ("sent", "method", "path", "body", "content_type", "status", "field"),
    REQUESTS,
    ids=[r[0] for r in REQUESTS],
)
def test_every_bad_request_gets_a_json_error_naming_the_field(
    red, sent, method, path, body, content_type, status, field
):
    client = token_client(red.coach)
    send = getattr(client, method)
    url = path.format(id=red.athlete.pk)
    extra = {} if body is None else {"data": body, "content_type": content_type}
    response = send(url, **extra)
    assert response.status_code == status, (sent, response.content[:300])
    assert response["Content-Type"].startswith("application/json"), sent
    answer = json.loads(response.content)
    assert answer["field"] == field and answer["message"], (sent, answer)


def test_a_host_the_app_does_not_serve_gets_a_json_error(red):
    response = token_client(red.coach).get("/api/athletes", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert response.json()["field"] == "request"
