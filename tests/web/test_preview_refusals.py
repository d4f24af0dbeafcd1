"""The test form's preview answers bad input as the save does, naming the field and why,
in the panel the page swaps in: never a server error, never the old preview kept."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from hingecoach.web.athletes.models import HingeTest

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def preview(client, athlete, **params):
    url = reverse("athletes:test-preview", args=[athlete.pk])
    return client.get(url, params, **HTMX)


def test_a_future_date_is_refused_as_the_save_refuses_it(coach_client, athlete):
    future = (dt.date.today() + dt.timedelta(days=400)).isoformat()
    response = preview(coach_client, athlete, date=future, faults=["lumbar-flexion"])
    html = response.content.decode()
    assert response.status_code == 200  # htmx swaps only a success into the panel
    assert f"<strong>Date:</strong> {future} is in the future" in html
    assert "If you save this test" in html and "stage-" not in html
    saved = coach_client.post(
        reverse("athletes:test", args=[athlete.pk]), {"date": future, "faults": "lumbar-flexion"}
    )
    assert f"{future} is in the future" in saved.content.decode()
    assert not HingeTest.objects.exists()


def test_a_date_before_birth_is_refused_with_the_field(coach_client, athlete):
    response = preview(coach_client, athlete, date="1900-01-01")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<strong>Date:</strong> 1900-01-01 is before the athlete&#x27;s date of birth" in html


def test_an_unreadable_date_and_an_unknown_fault_are_named(coach_client, athlete):
    response = preview(coach_client, athlete, date="2026-13-40", faults=["kneeling-squat-dance"])
    html = response.content.decode()
    assert response.status_code == 200
    assert "<strong>Date:</strong>" in html and "<strong>Faults:</strong>" in html
    assert "kneeling-squat-dance" in html


def test_nothing_ticked_yet_still_previews_a_pass(coach_client, athlete):
    html = preview(coach_client, athlete, date=dt.date.today().isoformat()).content.decode()
    assert "stage-" in html and 'class="error"' not in html
