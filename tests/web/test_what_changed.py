"""After a record is saved, the athlete's page leads with what it changed."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def detail(client, athlete) -> str:
    return client.get(reverse("athletes:detail", args=[athlete.pk])).content.decode()


def changed_panel(html: str) -> str:
    start = html.find('id="what-changed"')
    return "" if start < 0 else html[start : html.index("</section>", start)]


def test_a_passed_test_leads_the_page_with_stage_first_option_and_plan(coach_client, athlete):
    response = coach_client.post(
        reverse("athletes:test", args=[athlete.pk]),
        {"date": dt.date.today().isoformat(), "no_fault": "on"},
    )
    assert response.status_code == 302
    html = detail(coach_client, athlete)
    panel = changed_panel(html)
    assert "What the test changed" in panel
    assert panel.index("Corrective") < panel.index("Fundamental")
    assert "First option" in panel and "new</span>" in panel
    assert html.index('id="what-changed"') < html.index('id="actions"')


def test_the_change_is_shown_once(coach_client, athlete):
    coach_client.post(
        reverse("athletes:test", args=[athlete.pk]),
        {"date": dt.date.today().isoformat(), "faults": ["toes-lift"]},
    )
    assert "What the test changed" in changed_panel(detail(coach_client, athlete))
    assert changed_panel(detail(coach_client, athlete)) == ""


def test_a_record_that_changes_nothing_says_so(coach_client, athlete):
    coach_client.post(
        reverse("athletes:pain", args=[athlete.pk]),
        {"date": dt.date.today().isoformat(), "nrs": "1"},
    )
    panel = changed_panel(detail(coach_client, athlete))
    assert "What the pain report changed" in panel and "No change" in panel


def test_a_refused_record_leaves_no_change_to_show(coach_client, athlete):
    future = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    response = coach_client.post(
        reverse("athletes:test", args=[athlete.pk]), {"date": future, "no_fault": "on"}
    )
    assert response.status_code == 200
    assert changed_panel(detail(coach_client, athlete)) == ""


def test_the_recommendation_and_todays_session_come_before_pain_and_clips(coach_client, athlete):
    html = detail(coach_client, athlete)
    assert html.index("<h2>Recommendation</h2>") < html.index("<h2>Today's session</h2>")
    assert html.index("<h2>Today's session</h2>") < html.index("Pain now and TSK-11")
    assert html.index("Pain now and TSK-11") < html.index("Analyse a clip")


def test_another_teams_athlete_is_not_found_for_a_record(coach_client, stranger):
    response = coach_client.post(
        reverse("athletes:test", args=[stranger.pk]), {"date": dt.date.today().isoformat()}
    )
    assert response.status_code == 404
