"""One set of rules: no form saves an impossible record, and each refusal names the field."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from tests.web.test_pages import profile, session_rows

from hingecoach.web.athletes.models import HingeTest, PainReport, TrainingSession

pytestmark = pytest.mark.django_db
TODAY = dt.date.today().isoformat()


def _error(response, field: str) -> str:
    html = response.content.decode()
    assert f'id="id_{field}_error"' in html, html[-3000:]
    return html.split(f'id="id_{field}_error"')[1].split("</p>")[0]


def test_a_test_dated_before_the_athletes_birth_is_refused(coach_client, athlete):
    before = (athlete.date_of_birth - dt.timedelta(days=1)).isoformat()
    response = coach_client.post(
        reverse("athletes:test", args=[athlete.pk]), {"date": before, "no_fault": "on"}
    )
    assert "is before the athlete&#x27;s date of birth" in _error(response, "date")
    assert not HingeTest.objects.exists()


def test_a_pain_report_dated_tomorrow_is_refused(coach_client, athlete):
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    response = coach_client.post(
        reverse("athletes:pain", args=[athlete.pk]), {"date": tomorrow, "nrs": "3"}
    )
    assert "is in the future" in response.content.decode()
    assert not PainReport.objects.exists()


def test_a_clearance_dated_2099_is_refused(coach_client, athlete):
    response = coach_client.post(
        reverse("athletes:edit", args=[athlete.pk]),
        profile(medical_clearance="on", clearance_date="2099-01-01"),
    )
    assert "2099-01-01 is in the future" in _error(response, "clearance_date")
    athlete.refresh_from_db()
    assert athlete.clearance_date is None


def test_a_session_of_three_sets_of_zero_reps_is_refused(coach_client, athlete):
    row = {"done": "on", "exercise": "good-morning", "sets": "3", "reps": "0", "load": "30"}
    response = coach_client.post(reverse("athletes:log", args=[athlete.pk]), session_rows(row))
    assert "a set of 0 was not done" in response.content.decode()
    assert not TrainingSession.objects.exists()


@pytest.mark.parametrize("url_name", ["athletes:test", "athletes:edit"])
def test_notes_longer_than_2000_characters_are_refused(coach_client, athlete, url_name):
    data = (
        profile(notes="x" * 100_000)
        if url_name == "athletes:edit"
        else {"date": TODAY, "notes": "x" * 100_000}
    )
    response = coach_client.post(reverse(url_name, args=[athlete.pk]), data)
    assert "at most 2000 characters" in _error(response, "notes")
    athlete.refresh_from_db()
    assert athlete.notes == "" and not HingeTest.objects.exists()
