"""The records API refuses what the CASE refuses, naming the field and quoting the value,
and saves nothing it refused (DOMAIN.md sections 4 to 6)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.test import Client

from hingecoach.web.athletes import services

pytestmark = pytest.mark.django_db

DATETIME = "2026-11-01T00:00:00Z"


def send(client: Client, url: str, body: object, method: str = "post"):
    text = body if isinstance(body, str) else json.dumps(body)
    return getattr(client, method)(url, text, content_type="application/json")


def refusal(response, status: int = 422) -> tuple[str, str]:
    assert response.status_code == status, response.content[:300]
    return response.json()["field"], response.json()["message"]


# --- a test says its faults -------------------------------------------------------------


def test_a_test_without_a_faults_list_is_refused_naming_faults(api, url, red):
    assert refusal(send(api, f"{url}/tests", {"date": "2026-11-01"})) == ("faults", "is required")
    assert red.athlete.tests.count() == 0


def test_an_empty_faults_list_is_an_explicit_pass(api, url):
    saved = send(api, f"{url}/tests", {"date": "2026-11-01", "faults": []})
    assert saved.status_code == 201 and saved.json()["passed"] is True


def test_the_document_requires_a_tests_faults(api):
    test_in = api.get("/api/openapi.json").json()["components"]["schemas"]["TestIn"]
    assert set(test_in["required"]) == {"date", "faults"}
    assert test_in["properties"]["faults"]["uniqueItems"] is True


# --- medical clearance needs who gave it ------------------------------------------------

FUSION = {"name": "Audit Six", "date_of_birth": "1985-03-04", "conditions": ["spinal-fusion"]}


def test_a_clearance_without_who_gave_it_is_refused_on_create(api, red):
    for body in (
        {**FUSION, "medical_clearance": True},
        {**FUSION, "medical_clearance": True, "clearance_by": "  "},
    ):
        field, message = refusal(send(api, "/api/athletes", body))
        assert field == "clearance_by"
        assert "does not say who gave the medical clearance" in message
    assert not red.team.athletes.filter(name="Audit Six").exists()


def test_a_clearance_with_who_gave_it_is_stored_with_todays_date(api):
    created = send(
        api, "/api/athletes", {**FUSION, "medical_clearance": True, "clearance_by": "Dr. Osei"}
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert (body["clearance_by"], body["clearance_date"], body["refer"]) == (
        "Dr. Osei",
        dt.date.today().isoformat(),
        False,
    )


def test_a_patch_giving_clearance_without_who_is_refused_and_changes_nothing(api, url, red):
    field, _ = refusal(send(api, url, {"medical_clearance": True}, method="patch"))
    assert field == "clearance_by"
    red.athlete.refresh_from_db()
    assert red.athlete.medical_clearance is False


def test_blanking_who_gave_a_clearance_on_record_is_a_conflict(api, url):
    given = {"medical_clearance": True, "clearance_by": "Dr. Osei", "clearance_date": "2026-10-01"}
    assert send(api, url, given, method="patch").status_code == 200
    field, message = refusal(send(api, url, {"clearance_by": ""}, method="patch"), 409)
    assert (field, message) == ("clearance_by", "'' does not say who gave the medical clearance")


def test_giving_a_clearance_again_keeps_the_date_on_record(api, url):
    given = {"medical_clearance": True, "clearance_by": "Dr. Osei", "clearance_date": "2026-10-01"}
    assert send(api, url, given, method="patch").status_code == 200
    again = send(api, url, {"medical_clearance": True, "clearance_by": "Dr. Osei"}, method="patch")
    assert again.json()["clearance_date"] == "2026-10-01"


def test_an_athlete_stored_cleared_without_who_can_still_be_edited(api, url, red):
    # stored before who gave a clearance was required: nothing of it is lost or refused
    red.athlete.medical_clearance, red.athlete.clearance_date = True, dt.date(2026, 1, 5)
    red.athlete.save()
    edited = send(api, url, {"notes": "left knee"}, method="patch")
    assert edited.status_code == 200
    assert (edited.json()["medical_clearance"], edited.json()["clearance_date"]) == (
        True,
        "2026-01-05",
    )


# --- dates are YYYY-MM-DD only ----------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/pain", {"date": DATETIME, "nrs": 3}),
        ("/tsk11", {"date": DATETIME, "total": 20}),
        ("/tests", {"date": DATETIME, "faults": []}),
        ("/sessions", {"date": DATETIME, "exercises": []}),
        ("/pain", {"date": "20261101", "nrs": 3}),
        ("/pain", {"date": "2026-W44-7", "nrs": 3}),
    ],
)
def test_a_record_date_with_more_than_the_day_is_refused_quoting_it(api, url, red, path, body):
    field, message = refusal(send(api, f"{url}{path}", body))
    assert (field, message) == ("date", f"'{body['date']}' is not a date written YYYY-MM-DD")
    assert red.athlete.pain_reports.count() == 0


def test_a_datetime_in_a_case_sent_to_the_api_is_refused_quoting_it(api):
    case = {"athlete": {"age": 30}, "tests": [{"date": DATETIME, "faults": []}]}
    for path in ("/api/recommend", "/api/plan"):
        assert refusal(send(api, path, case)) == (
            "tests[0].date",
            f"'{DATETIME}' is not a date written YYYY-MM-DD",
        )


def test_a_date_of_birth_or_clearance_date_with_a_time_is_refused(api, url):
    born = send(api, "/api/athletes", {"name": "T", "date_of_birth": "1990-01-01T00:00:00"})
    assert refusal(born)[0] == "date_of_birth"
    cleared = {"medical_clearance": True, "clearance_by": "Dr. O", "clearance_date": DATETIME}
    assert refusal(send(api, url, cleared, method="patch"))[0] == "clearance_date"


# --- the records refuse what the CASE refuses -------------------------------------------


def test_a_fault_listed_twice_is_refused_naming_its_place(api, url, red):
    body = {"date": "2026-11-01", "faults": ["lumbar-flexion", "lumbar-flexion"]}
    assert refusal(send(api, f"{url}/tests", body)) == (
        "faults[1]",
        "'lumbar-flexion' is listed twice",
    )
    assert red.athlete.tests.count() == 0


def test_a_mastered_exercise_listed_twice_is_refused(api, url, red):
    body = {"exercises": ["good-morning", "hip-bridge", "good-morning"]}
    assert refusal(send(api, f"{url}/mastered", body, method="put")) == (
        "exercises[2]",
        "'good-morning' is listed twice",
    )
    assert red.athlete.masteries.count() == 0


def test_a_condition_listed_twice_is_refused(api, url):
    body = {"conditions": ["low-back-pain", "low-back-pain"]}
    assert refusal(send(api, url, body, method="patch")) == (
        "conditions[1]",
        "'low-back-pain' is listed twice",
    )


@pytest.mark.parametrize(
    ("path", "text", "field"),
    [
        ("/pain", '{"date": "2026-11-01", "nrs": 3, "nrs": 4}', "nrs"),
        ("/tests", '{"date": "2026-11-01", "faults": [], "date": "2026-11-02"}', "date"),
        (
            "/sessions",
            '{"date": "2026-11-01", "exercises": [{"exercise": "step-up", '
            '"reps": [5], "reps": [6]}]}',
            "exercises[0].reps",
        ),
    ],
)
def test_a_key_given_twice_is_refused_and_nothing_saved(api, url, red, path, text, field):
    assert refusal(send(api, f"{url}{path}", text)) == (field, "given twice")
    assert red.athlete.pain_reports.count() == red.athlete.tests.count() == 0
    assert red.athlete.sessions.count() == 0


def test_a_key_given_twice_when_creating_an_athlete_is_refused(api, red):
    text = '{"name": "A", "name": "B", "date_of_birth": "1990-01-01"}'
    assert refusal(send(api, "/api/athletes", text)) == ("name", "given twice")


def test_a_session_logging_the_test_as_training_is_refused(api, url, red):
    body = {
        "date": "2026-11-01",
        "exercises": [
            {"exercise": "good-morning", "reps": [10], "load_kg": 20},
            {"exercise": "bodyweight-hip-hinge", "reps": [5], "load_kg": 60},
        ],
    }
    assert refusal(send(api, f"{url}/sessions", body)) == (
        "exercises[1].exercise",
        "'bodyweight-hip-hinge' is a test, never trained: record it as a test, not in a session",
    )
    assert red.athlete.sessions.count() == 0


def test_the_document_leaves_the_test_out_of_a_sessions_exercises(api):
    schemas = api.get("/api/openapi.json").json()["components"]["schemas"]
    logged = schemas["LoggedExerciseIn"]["properties"]["exercise"]
    assert "good-morning" in logged["enum"] and "bodyweight-hip-hinge" not in logged["enum"]


def test_the_service_refuses_the_test_as_training_for_every_caller(red):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        services.session_log(
            athlete=red.athlete,
            date=dt.date(2026, 11, 1),
            exercises=[{"exercise": "bodyweight-hip-hinge", "sets": 1, "reps": [5]}],
        )
    assert list(refused.value.message_dict) == ["exercises[0].exercise"]


def test_a_query_parameter_given_twice_is_refused(api, url):
    listed = api.get(f"{url}/mastered?limit=5&limit=14")
    assert refusal(listed) == ("limit", "given twice")


def test_an_empty_name_given_twice_is_still_named(api, url):
    assert refusal(api.get(f"{url}/mastered?=1&=2")) == ('""', "given twice")
    assert refusal(send(api, f"{url}/pain", '{"": 1, "": 2}')) == ('""', "given twice")
