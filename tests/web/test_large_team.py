"""A team with many athletes: the list is paged, and charts are drawn once per change."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from hingecoach.web.athletes import charts
from hingecoach.web.athletes import services as athletes
from hingecoach.web.athletes.models import Athlete

pytestmark = pytest.mark.django_db


def test_the_list_shows_fifty_athletes_a_page_with_a_link_to_the_next(team, coach_client):
    Athlete.objects.bulk_create(
        Athlete(
            team=team,
            name=f"Athlete {n:03d}",
            date_of_birth=dt.date(1990, 1, 1),
            stage="corrective",
        )
        for n in range(60)
    )
    first = coach_client.get(reverse("athletes:list")).content.decode()
    assert "60 athletes" in first and "page 1 of 2" in first
    assert "Athlete 049" in first and "Athlete 050" not in first
    second = coach_client.get(reverse("athletes:list") + "?stage=corrective&page=2")
    html = second.content.decode()
    assert "Athlete 050" in html and "Athlete 059" in html and "← Previous" in html
    assert "stage=corrective&amp;page=1" in html


def test_a_chart_is_drawn_once_and_again_only_when_its_data_changes(
    team, coach_client, monkeypatch
):
    from django.core.cache import cache

    cache.clear()
    athlete = athletes.athlete_create(team=team, name="Kai", date_of_birth=dt.date(1990, 1, 1))
    athletes.test_record(athlete=athlete, date=dt.date(2026, 11, 1), faults=["toes-lift"])
    drawn = []
    real = charts.test_timeline
    monkeypatch.setattr(charts, "test_timeline", lambda tests: drawn.append(1) or real(tests))
    url = reverse("athletes:charts", args=[athlete.pk])
    coach_client.get(reverse("athletes:detail", args=[athlete.pk]))
    assert drawn == []  # the athlete's page does not wait for its charts
    coach_client.get(url, HTTP_HX_REQUEST="true")
    coach_client.get(url)
    assert len(drawn) == 1
    athletes.test_record(athlete=athlete, date=dt.date(2026, 11, 8), faults=[])
    assert "Test-retest timeline" in coach_client.get(url).content.decode()
    assert len(drawn) == 2


def test_another_teams_charts_are_not_found(team, coach_client):
    from hingecoach.web.teams import services as teams

    other = teams.team_create(name="Elsewhere")
    stranger = athletes.athlete_create(team=other, name="Lee", date_of_birth=dt.date(1990, 1, 1))
    response = coach_client.get(reverse("athletes:charts", args=[stranger.pk]))
    assert response.status_code == 404
