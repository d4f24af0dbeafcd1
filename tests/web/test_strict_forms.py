"""The record forms refuse what the API and the CASE refuse: a test needs an answer, a
clearance its who, a date is YYYY-MM-DD, a field is sent once, the test is never logged
as training. Each refusal names the field and saves nothing."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from django.urls import reverse

from hingecoach.web.athletes.models import Athlete, HingeTest, PainReport, TrainingSession

from .conftest import born

pytestmark = pytest.mark.django_db
TODAY = dt.date.today().isoformat()


def field_error(response, field: str) -> str:
    html = response.content.decode()
    assert f'id="id_{field}_error"' in html, html[:2000]
    return html.split(f'id="id_{field}_error"')[1].split("</p>")[0]


def record_test(client, athlete, data: dict):
    return client.post(reverse("athletes:test", args=[athlete.pk]), data)


# --- a test says its faults -------------------------------------------------------------


def test_a_test_form_sent_with_no_answer_is_refused_not_saved_as_a_pass(coach_client, athlete):
    response = record_test(coach_client, athlete, {"date": TODAY})
    assert response.status_code == 200
    html = response.content.decode()
    assert "nothing is a pass by default" in html
    assert not HingeTest.objects.exists()


def test_no_fault_seen_ticked_records_a_pass(coach_client, athlete):
    response = record_test(coach_client, athlete, {"date": TODAY, "no_fault": "on"})
    assert response.status_code == 302
    assert HingeTest.objects.get().passed


def test_no_fault_seen_with_a_fault_ticked_is_refused(coach_client, athlete):
    data = {"date": TODAY, "no_fault": "on", "faults": ["toes-lift"]}
    response = record_test(coach_client, athlete, data)
    assert "<strong>No fault seen:</strong> ticked with faults seen" in response.content.decode()
    assert not HingeTest.objects.exists()


def test_the_test_form_offers_no_fault_seen(coach_client, athlete):
    html = coach_client.get(reverse("athletes:test", args=[athlete.pk])).content.decode()
    assert 'name="no_fault"' in html and "No fault seen: the test is passed" in html


def test_a_fault_sent_twice_is_refused_naming_its_place(coach_client, athlete):
    data = {"date": TODAY, "faults": ["toes-lift", "toes-lift"]}
    response = record_test(coach_client, athlete, data)
    assert "faults[1]: &#x27;toes-lift&#x27; is listed twice" in response.content.decode()
    assert not HingeTest.objects.exists()


# --- dates are YYYY-MM-DD only ----------------------------------------------------------


@pytest.mark.parametrize("day", ["2026-11-01T00:00:00Z", "2026-11-1", "01/11/2026", "20261101"])
def test_a_record_date_not_written_yyyy_mm_dd_is_refused_quoting_it(coach_client, athlete, day):
    url = reverse("athletes:pain", args=[athlete.pk])
    response = coach_client.post(url, {"date": day, "nrs": "3"})
    assert f"&#x27;{day}&#x27; is not a date written YYYY-MM-DD" in field_error(response, "date")
    assert not PainReport.objects.exists()


def test_the_gym_page_refuses_a_date_not_written_yyyy_mm_dd(coach_client, athlete):
    body = {"key": str(uuid.uuid4()), "date": "2026-W44-7", "mastered": "kneeling-hip-hinge"}
    response = coach_client.post(
        reverse("gym:run", args=[athlete.pk]), body, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 400
    assert response.json()["errors"] == {"date": ["'2026-W44-7' is not a date written YYYY-MM-DD"]}


# --- a field is sent once ---------------------------------------------------------------


def test_a_field_sent_twice_is_refused_and_nothing_saved(coach_client, athlete):
    url = reverse("athletes:pain", args=[athlete.pk])
    response = coach_client.post(
        f"{url}", "date=" + TODAY + "&nrs=3&nrs=4", content_type="application/x-www-form-urlencoded"
    )
    assert "given twice" in field_error(response, "nrs")
    assert not PainReport.objects.exists()


# --- medical clearance needs who gave it ------------------------------------------------


def profile(**changes) -> dict:
    data = {
        "name": "Dan Fusion",
        "date_of_birth": born(58).isoformat(),
        "goal": "technique",
        "conditions": ["spinal-fusion"],
        "notes": "",
    }
    return {**data, **changes}


def test_a_clearance_ticked_without_who_gave_it_is_refused(coach_client, team):
    response = coach_client.post(reverse("athletes:create"), profile(medical_clearance="on"))
    assert "does not say who gave the medical clearance" in field_error(response, "clearance_by")
    assert not Athlete.objects.exists()


def test_a_clearance_with_who_gave_it_is_saved_dated_today(coach_client, team):
    data = profile(medical_clearance="on", clearance_by="Dr. Osei")
    assert coach_client.post(reverse("athletes:create"), data).status_code == 302
    athlete = Athlete.objects.get()
    assert (athlete.clearance_by, athlete.clearance_date) == ("Dr. Osei", dt.date.today())


# --- the test is never logged as training -----------------------------------------------


def session_post(athlete_pk: int, exercise: str) -> dict:
    return {
        "date": TODAY,
        "pain_during": "1",
        "notes": "",
        "ex-TOTAL_FORMS": "1",
        "ex-INITIAL_FORMS": "0",
        "ex-MIN_NUM_FORMS": "0",
        "ex-MAX_NUM_FORMS": "1000",
        "ex-0-done": "on",
        "ex-0-exercise": exercise,
        "ex-0-sets": "1",
        "ex-0-reps": "5",
        "ex-0-load": "60",
    }


def test_the_log_form_does_not_offer_the_test_and_refuses_it(coach_client, athlete):
    url = reverse("athletes:log", args=[athlete.pk])
    html = coach_client.get(url).content.decode()
    assert 'value="good-morning"' in html and 'value="bodyweight-hip-hinge"' not in html
    response = coach_client.post(url, session_post(athlete.pk, "bodyweight-hip-hinge"))
    assert response.status_code == 200
    assert not TrainingSession.objects.exists()
