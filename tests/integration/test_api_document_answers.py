"""The OpenAPI document tells the truth about answers too: ids in a response are the
catalog's enums, numbers carry their ranges, and what the server really answers
validates against the document (checked with jsonschema, the document as the root)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from django.test import Client
from tests.integration.conftest import token_client

from hingecoach.core import default_catalog
from hingecoach.core.kinematics import analyze_track
from hingecoach.synthetic import ClipSpec, generate_clip
from hingecoach.web.clips import services as clips
from hingecoach.web.clips.models import Clip

CATALOG = default_catalog()
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ANSWER_IDS = {
    ("Option", "exercise"): list(CATALOG.exercises),
    ("SessionItem", "exercise"): list(CATALOG.exercises),
    ("Avoid", "exercise"): list(CATALOG.exercises),
    ("Why", "rule"): list(CATALOG.rules),
    ("MasteredOut", "exercise"): list(CATALOG.exercises),
    ("LoggedExerciseOut", "exercise"): list(CATALOG.exercises),
    ("ClipOut", "exercise"): list(CATALOG.exercises),
    ("AnalysisReport", "exercise"): list(CATALOG.exercises),
    ("TestOut", "faults"): list(CATALOG.faults),
    ("AthleteOut", "conditions"): list(CATALOG.conditions),
    ("AthleteOut", "red_flags"): list(CATALOG.red_flags),
    ("AthleteOut", "stage"): [
        "corrective",
        "fundamental",
        "challenge",
        "mastery",
        "pain-aware",
        "refer",
    ],
    ("AthleteOut", "goal"): ["technique", "hamstring-load", "max-strength"],
}
RANGES = {
    ("Option", "level"): (1, 10),
    ("SessionItem", "level"): (1, 10),
    ("PainOut", "nrs"): (0, 10),
    ("SessionOut", "pain_during"): (0, 10),
    ("TskOut", "total"): (11, 44),
    ("LoggedExerciseOut", "sets"): (1, 20),
    ("LoggedExerciseOut", "reps"): (1, 100),
    ("LoggedExerciseOut", "load_kg"): (0, 500),
    ("TestOut", "id"): (1, None),
    ("AthleteOut", "age"): (5, None),
}

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def document(django_db_blocker) -> dict[str, Any]:
    with django_db_blocker.unblock():
        return Client().get("/api/openapi.json").json()


def prop(document: dict[str, Any], name: str, field: str) -> dict[str, Any]:
    """A component's property, through a list's items and a nullable's non-null option."""
    node = document["components"]["schemas"][name]["properties"][field]
    node = node.get("items", node)
    options = [o for o in node.get("anyOf", [node]) if o.get("type") != "null"]
    return options[0].get("items", options[0])


@pytest.mark.parametrize(("name", "field"), list(ANSWER_IDS))
def test_every_id_in_an_answer_is_an_enum_of_the_catalogs_ids(document, name, field):
    assert prop(document, name, field).get("enum") == ANSWER_IDS[name, field]


@pytest.mark.parametrize(("name", "field"), list(RANGES))
def test_numbers_in_answers_carry_their_ranges(document, name, field):
    node, (low, high) = prop(document, name, field), RANGES[name, field]
    assert node.get("minimum") == low
    assert node.get("maximum") == high


def validate(document: dict[str, Any], path: str, method: str, response) -> None:
    """``response`` against what the document says ``method path`` answers with its status."""
    answer = document["paths"][path][method]["responses"][str(response.status_code)]
    schema = answer["content"]["application/json"]["schema"]
    jsonschema.Draft202012Validator({**document, **schema}).validate(response.json())


def post(client: Client, url: str, body: object):
    return client.post(url, json.dumps(body), content_type="application/json")


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.json")))
def test_every_examples_answers_validate_against_the_document(document, red, example):
    client, body = token_client(red.coach), json.loads((EXAMPLES / example).read_text())
    for path in ("/api/recommend", "/api/plan"):
        response = post(client, path, body)
        assert response.status_code == 200, response.content
        validate(document, path, "post", response)


def test_a_stored_athletes_records_and_answers_validate_against_the_document(document, red):
    client, pk = token_client(red.head), red.athlete.pk
    day = (dt.date.today() - dt.timedelta(days=1)).isoformat()
    base = f"/api/athletes/{pk}"
    writes = [
        ("put", "/mastered", {"exercises": ["kneeling-hip-hinge", "good-morning"]}),
        ("post", "/tests", {"date": day, "faults": ["lumbar-flexion", "toes-lift"]}),
        ("post", "/pain", {"date": day, "nrs": 2}),
        ("post", "/tsk11", {"date": day, "total": 30}),
        (
            "post",
            "/sessions",
            {
                "date": day,
                "pain_during": 1,
                "exercises": [{"exercise": "good-morning", "reps": [10, 8, 6], "load_kg": 22.5}],
            },
        ),
    ]
    for method, tail, body in writes:
        sent = getattr(client, method)(
            base + tail, json.dumps(body), content_type="application/json"
        )
        assert sent.status_code in (200, 201), sent.content
        validate(document, "/api/athletes/{athlete_id}" + tail, method, sent)
    for tail in ("", "/recommendation", "/plan", "/tests", "/pain", "/tsk11", "/mastered"):
        validate(document, "/api/athletes/{athlete_id}" + tail, "get", client.get(base + tail))
    validate(document, "/api/athletes", "get", client.get("/api/athletes"))


def test_an_answer_naming_an_id_the_catalog_lacks_would_not_validate(document, red):
    """The enums bite: the same answer with one exercise id changed is refused."""
    response = post(token_client(red.coach), "/api/recommend", {"athlete": {"age": 30}})
    answer = response.json()
    answer["options"][0]["exercise"] = "kneeling-squat-dance"
    schema = document["paths"]["/api/recommend"]["post"]["responses"]["200"]["content"]
    with pytest.raises(jsonschema.ValidationError, match="kneeling-squat-dance"):
        jsonschema.validate(answer, {**document, **schema["application/json"]["schema"]})


def test_a_clips_answers_reviewed_or_not_validate_against_the_document(document, red):
    client = token_client(red.coach)
    track, _ = generate_clip(ClipSpec(seed=5))
    report = analyze_track(track, catalog=CATALOG).model_dump(mode="json")
    fresh, seen = (
        Clip.objects.create(
            athlete=red.athlete,
            extension="mp4",
            exercise="bodyweight-hip-hinge",
            status=Clip.Status.DONE,
            report=report,
        )
        for _ in range(2)
    )
    clips.clip_mark_reviewed(clip=seen, by=red.head)
    for clip in (fresh, seen):
        validate(document, "/api/clips/{clip_id}", "get", client.get(f"/api/clips/{clip.pk}"))
    listed = client.get(f"/api/athletes/{red.athlete.pk}/clips")
    validate(document, "/api/athletes/{athlete_id}/clips", "get", listed)
    assert {item["reviewed_by"] for item in listed.json()["items"]} == {None, "red-head"}


@pytest.mark.parametrize("field", ["reviewed_at", "reviewed_by"])
def test_the_document_says_what_the_review_fields_mean_and_that_they_may_be_null(document, field):
    for name in ("ClipOut", "ClipReportOut"):
        node = document["components"]["schemas"][name]["properties"][field]
        assert "reviewed" in node["description"]
        assert {"type": "null"} in node["anyOf"]
        assert field in document["components"]["schemas"][name]["required"]
