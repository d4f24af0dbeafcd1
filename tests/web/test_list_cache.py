"""The athlete list keeps its rendered rows on the team's shelf in the page cache, one value
per filter and page, stamped by the page's athletes (id and data version) and the date.
Every test views the list first, so its rows are kept, then writes through a real entry
point (a form, htmx, the API, the athlete's own link, an erasure) and views it again."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.test import Client
from django.urls import reverse
from tests.web.conftest import born
from tests.web.test_page_cache import session_rows

from hingecoach.web.athletes import listing
from hingecoach.web.athletes import services as athletes
from hingecoach.web.athletes.models import Athlete
from hingecoach.web.common import pagecache
from hingecoach.web.erasure.services import athlete_erase

pytestmark = pytest.mark.django_db(transaction=True)  # erasure forgets on commit
TODAY = dt.date.today().isoformat()
MAYA = "<strong>Maya Ortiz</strong>"  # her row (a message may name her too)


def listed(client: Client, query: str = "") -> str:
    response = client.get(reverse("athletes:list") + query)
    assert response.status_code == 200
    return response.content.decode()


def row(html: str, name: str) -> str:
    start = html.index(f"<strong>{name}</strong>")
    return html[start : html.index("</a>", start)]


def test_a_second_view_reads_the_rows_from_the_teams_shelf(coach_client, team, athlete):
    listed(coach_client)
    shelf = pagecache.held(listing.shelf_name(team.pk))
    assert shelf is not None and len(shelf) == 1
    (_stamp, rows), *_ = shelf.values()
    assert "Maya Ortiz" in rows
    assert "Maya Ortiz" in listed(coach_client)


def test_an_athlete_added_by_the_form_shows_on_the_next_view(coach_client, athlete):
    assert "Ada Quinn" not in listed(coach_client)
    data = {"name": "Ada Quinn", "date_of_birth": born(29).isoformat(), "goal": "technique"}
    assert coach_client.post(reverse("athletes:create"), data).status_code == 302
    assert "Ada Quinn" in listed(coach_client)


def test_an_edited_profile_shows_on_the_next_view(coach_client, athlete):
    assert "goal technique" in row(listed(coach_client), "Maya Ortiz")
    data = {"name": "Maya Lind", "date_of_birth": born(34).isoformat(), "goal": "max-strength"}
    assert coach_client.post(reverse("athletes:edit", args=[athlete.pk]), data).status_code == 302
    html = listed(coach_client)
    assert "Maya Ortiz" not in html and "goal maximal strength" in row(html, "Maya Lind")


def test_a_test_sent_through_the_api_shows_on_the_next_view(coach, coach_client, athlete):
    from hingecoach.web.teams.services import api_token_create

    assert "not tested" in row(listed(coach_client), "Maya Ortiz")
    response = Client().post(
        f"/api/athletes/{athlete.pk}/tests",
        json.dumps({"date": TODAY, "faults": []}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {api_token_create(user=coach)}",
    )
    assert response.status_code in (200, 201), response.content
    html = row(listed(coach_client), "Maya Ortiz")
    assert "test passed" in html and "stage-fundamental" in html


def test_pain_now_sent_by_htmx_flags_the_row_on_the_next_view(coach_client, athlete):
    assert "pain flag" not in row(listed(coach_client), "Maya Ortiz")
    coach_client.post(
        reverse("athletes:pain", args=[athlete.pk]),
        {"date": TODAY, "nrs": "7"},
        HTTP_HX_REQUEST="true",
    )
    assert "is-refer" in listed(coach_client)


def test_an_athletes_own_check_in_flags_the_row_on_the_next_view(coach_client, athlete):
    coach_client.post(reverse("athletes:log", args=[athlete.pk]), session_rows(1))
    assert "pain flag" not in row(listed(coach_client), "Maya Ortiz")
    link = reverse("checkin", args=[athletes.checkin_link_create(athlete=athlete)])
    Client().post(link, {"pain_next_morning": "6", "felt": "hard", "note": ""})
    assert "pain flag" in row(listed(coach_client), "Maya Ortiz")


def test_an_archived_athlete_leaves_the_list_and_joins_the_archive(coach_client, athlete):
    assert MAYA not in listed(coach_client, "?archived=on")
    assert MAYA in listed(coach_client)
    url = reverse("athletes:archive", args=[athlete.pk])
    assert coach_client.post(url, {"archived": "1"}).status_code == 302
    assert MAYA not in listed(coach_client)
    assert MAYA in listed(coach_client, "?archived=on")


def test_each_filter_and_page_keeps_its_own_rows(coach_client, team, athlete):
    athletes.athlete_create(team=team, name="Ben Tested", date_of_birth=born(40))
    ben = Athlete.objects.get(name="Ben Tested")
    athletes.test_record(athlete=ben, date=dt.date.today(), faults=[])
    everyone, passed = listed(coach_client), listed(coach_client, "?tested=passed")
    assert "Maya Ortiz" in everyone and "Ben Tested" in everyone
    assert "Maya Ortiz" not in passed and "Ben Tested" in passed
    assert 'value="passed" selected' in passed and 'value="passed" selected' not in everyone


def test_a_new_day_shows_the_new_ages(coach_client, athlete, monkeypatch):
    assert "34 y" in row(listed(coach_client), "Maya Ortiz")
    a_year_on = dt.date.today() + dt.timedelta(days=366)

    class YearOn(dt.date):
        @classmethod
        def today(cls) -> dt.date:
            return a_year_on

    monkeypatch.setattr("hingecoach.web.athletes.listing.dt.date", YearOn)
    assert "35 y" in row(listed(coach_client), "Maya Ortiz")


def test_a_search_is_rendered_afresh_and_not_kept(coach_client, team, athlete):
    assert "Maya Ortiz" in listed(coach_client, "?q=maya")
    assert pagecache.held(listing.shelf_name(team.pk)) is None


def test_erasing_an_athlete_empties_the_teams_shelf(head_client, head, team, athlete):
    assert "Maya Ortiz" in listed(head_client)
    athlete_erase(athlete=athlete, by=head)
    assert pagecache.held(listing.shelf_name(team.pk)) is None
    assert "Maya Ortiz" not in listed(head_client)


def test_another_team_never_reads_this_teams_rows(coach_client, athlete, stranger):
    assert "Zed Outsider" not in listed(coach_client)
    other = Client()
    other.force_login(_coach_of(stranger))
    html = listed(other)
    assert "Zed Outsider" in html and "Maya Ortiz" not in html


def _coach_of(athlete: Athlete):
    from hingecoach.web.teams import services as teams

    return teams.coach_create(team=athlete.team, username="otto", password="a-long-pass-2026-x")
