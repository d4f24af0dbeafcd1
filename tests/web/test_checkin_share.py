"""A check-in link the coach can show again: the address, a copy button and a QR code."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client
from django.urls import reverse

from hingecoach.web.athletes import services as athletes
from hingecoach.web.athletes.models import CheckinLink

from .conftest import born

pytestmark = pytest.mark.django_db


def detail(client, athlete) -> str:
    return client.get(reverse("athletes:detail", args=[athlete.pk])).content.decode()


def shown_url(html: str) -> str:
    found = re.search(r'id="checkin-url" class="token" type="text" readonly value="([^"]+)"', html)
    return found.group(1) if found else ""


def test_a_new_link_stays_visible_with_copy_and_a_qr_code(coach_client, athlete):
    response = coach_client.post(reverse("checkins:create", args=[athlete.pk]))
    assert response.status_code == 302  # reloading the page makes no other link
    html = detail(coach_client, athlete)
    url = shown_url(html)
    assert url.startswith("http://testserver/c/")
    assert shown_url(detail(coach_client, athlete)) == url
    assert 'data-copy="checkin-url"' in html and '<svg viewBox="0 0 ' in html
    assert 'class="qr-code"' in html and "hingecoach/share.js" in html
    link = CheckinLink.objects.get(athlete=athlete)
    token = url.rstrip("/").rsplit("/", 1)[1]
    assert token not in link.digest and token not in str(link.share.salt)
    opened = Client().get(url.removeprefix("http://testserver"))
    assert opened.status_code == 200 and "Hi Maya" in opened.content.decode()


def test_an_address_only_this_computer_opens_is_flagged(coach_client, athlete, settings):
    coach_client.post(reverse("checkins:create", args=[athlete.pk]))
    assert "opens only on this computer" not in detail(coach_client, athlete)
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    html = coach_client.get(
        reverse("athletes:detail", args=[athlete.pk]), HTTP_HOST="127.0.0.1:8000"
    ).content.decode()
    assert shown_url(html).startswith("http://127.0.0.1:8000/c/")
    assert "opens only on this computer" in html and "--host 0.0.0.0" in html


def test_the_newest_link_is_shown_and_a_revoked_one_never(coach_client, athlete):
    coach_client.post(reverse("checkins:create", args=[athlete.pk]))
    first = shown_url(detail(coach_client, athlete))
    coach_client.post(reverse("checkins:create", args=[athlete.pk]))
    second = shown_url(detail(coach_client, athlete))
    assert second and second != first
    newest = CheckinLink.objects.filter(athlete=athlete).order_by("-id").first()
    coach_client.post(reverse("athletes:checkin-link-revoke", args=[athlete.pk, newest.pk]))
    assert shown_url(detail(coach_client, athlete)) == first


def test_a_new_secret_key_makes_the_shown_address_stale_and_says_so(
    coach_client, athlete, settings
):
    coach_client.post(reverse("checkins:create", args=[athlete.pk]))
    settings.SECRET_KEY = "another-secret-key-for-this-test-only-0123456789"
    coach_client.force_login(athlete.team.memberships.first().user)
    html = detail(coach_client, athlete)
    assert shown_url(html) == "" and "can no longer be shown" in html


def test_an_older_link_without_a_share_can_only_be_revoked(coach_client, athlete):
    athletes.checkin_link_create(athlete=athlete)
    html = detail(coach_client, athlete)
    assert shown_url(html) == "" and "can only be revoked" in html and "Revoke" in html


def test_another_teams_athlete_gets_no_link(head_client, stranger):
    assert head_client.post(reverse("checkins:create", args=[stranger.pk])).status_code == 404
    assert not CheckinLink.objects.filter(athlete=stranger).exists()


def test_making_a_link_needs_a_post(coach_client, athlete):
    assert coach_client.get(reverse("checkins:create", args=[athlete.pk])).status_code == 405


def test_the_pain_widget_is_not_titled_check_in(coach_client, athlete):
    html = detail(coach_client, athlete)
    assert "<h2>Check-in</h2>" not in html and "Pain now and TSK-11" in html


def test_a_per_side_scheme_says_each_side_once(coach_client, team):
    """High fear puts step-ups (worked one side at a time) first on the pain-aware path."""
    fearful = athletes.athlete_create(team=team, name="Sol Side", date_of_birth=born(30))
    athletes.tsk_record(athlete=fearful, date=dt.date.today(), total=40)
    page = detail(coach_client, fearful)
    url = reverse("checkin", args=[athletes.checkin_link_create(athlete=fearful)])
    checkin = Client().get(url).content.decode()
    assert "each side" in page and "each side" in checkin
    assert "each side each side" not in page + checkin
    assert "each side <small>each side" not in page
