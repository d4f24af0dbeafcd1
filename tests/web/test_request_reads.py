"""What every request reads: the session (from the file cache, written through to the
database) and the coach with their team in one query. Nothing about the coach is kept
between requests, so a sign-out, a deactivation or a change of role or team counts on the
very next request."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from tests.web.conftest import PASSWORD

from hingecoach.web.teams.models import Membership

pytestmark = pytest.mark.django_db


def signed_in(username: str) -> Client:
    client = Client()
    response = client.post("/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def test_a_page_reads_the_coach_and_team_in_one_query_and_no_session_row(coach, athlete):
    client = signed_in("cole")
    client.get(reverse("athletes:list"))
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("athletes:list")).status_code == 200
    read = [query["sql"] for query in captured.captured_queries]
    assert not any("django_session" in sql for sql in read)
    assert not any(sql.startswith('SELECT "teams_') for sql in read)
    assert any('"auth_user"' in sql and '"teams_team"' in sql for sql in read)


def test_signing_out_ends_the_session_for_a_copied_cookie(coach, athlete):
    client = signed_in("cole")
    cookie = client.cookies["sessionid"].value
    assert client.post(reverse("logout")).status_code == 302
    copy = Client()
    copy.cookies["sessionid"] = cookie
    response = copy.get(reverse("athletes:detail", args=[athlete.pk]))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_head_coach_made_coach_loses_erasing_on_the_next_request(head, athlete):
    client = signed_in("hana")
    url = reverse("athletes:detail", args=[athlete.pk])
    assert "Erase with all records" in client.get(url).content.decode()
    Membership.objects.filter(user=head).update(role=Membership.Role.COACH)
    assert "Erase with all records" not in client.get(url).content.decode()
    assert client.get(reverse("athletes:erase", args=[athlete.pk])).status_code == 403


def test_a_coach_taken_off_the_team_sees_none_of_its_athletes_next(coach, athlete):
    client = signed_in("cole")
    assert client.get(reverse("athletes:detail", args=[athlete.pk])).status_code == 200
    Membership.objects.filter(user=coach).delete()
    assert client.get(reverse("athletes:detail", args=[athlete.pk])).status_code == 404
    assert "Maya Ortiz" not in client.get(reverse("athletes:list")).content.decode()
