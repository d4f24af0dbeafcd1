"""Small things a new coach trips on: a date of birth in the future, "an 8-week block", one
heading per section of the profile form, and a one-time link for a coach that can be
copied and warns when its address opens on this computer only (as the check-in link
does, through the same component)."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
from django.test import Client
from django.urls import reverse

from hingecoach.web.athletes.models import Athlete

pytestmark = pytest.mark.django_db
TODAY = dt.date.today()
LOCAL_ONLY = "This address opens only on this computer"


def _text(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def test_a_date_of_birth_in_the_future_is_said_to_be_in_the_future(coach_client):
    tomorrow = TODAY + dt.timedelta(days=1)
    data = {"name": "Ava Novak", "date_of_birth": tomorrow.isoformat(), "goal": "technique"}
    response = coach_client.post(reverse("athletes:create"), data)
    page = _text(response.content.decode())
    assert f"{tomorrow.isoformat()} is in the future" in page
    assert "age of -1" not in page
    assert not Athlete.objects.exists()


def test_an_8_week_block_that_is_over_reads_an_8_week_block(coach_client, athlete):
    start = TODAY - dt.timedelta(weeks=8)
    data = {"block-weeks": "8", "block-start": start.isoformat()}
    response = coach_client.post(reverse("blocks:assign", args=[athlete.pk]), data)
    page = _text(response.content.decode())
    assert "is too early: an 8-week block from then ended on" in page
    assert "a 8-week" not in page


def test_the_red_flag_screen_heading_is_shown_once(coach_client):
    page = _text(coach_client.get(reverse("athletes:create")).content.decode())
    assert page.count("Red-flag screen") == 1


def _link_page(client: Client, url: str, host: str, **data: str) -> str:
    response = client.post(url, data, HTTP_HOST=host)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("kind", ["invite", "reset"])
@pytest.mark.parametrize(
    ("host", "warned"), [("127.0.0.1:8000", True), ("localhost:8000", True), ("gym.lan", False)]
)
def test_a_one_time_link_has_copy_and_warns_when_only_this_computer_opens_it(
    head_client, coach, settings, kind, host, warned
):
    settings.ALLOWED_HOSTS = ["127.0.0.1", "localhost", "gym.lan"]
    if kind == "invite":
        page = _link_page(
            head_client, reverse("accounts:invite"), host, username="newbie", role="coach"
        )
        who = "newbie"
    else:
        page = _link_page(head_client, reverse("accounts:reset", args=[coach.pk]), host)
        who = "cole"
    assert '<button class="button" type="button" data-copy="one-time-link"' in page
    assert f'data-copied="Copied: paste it into a message to {who}."' in page
    assert "hingecoach/share.js" in page
    text = _text(page)
    assert (LOCAL_ONLY in text) is warned
    if warned:
        assert f"not on {who}'s phone or computer" in text
        assert "make a new link there" in text


def test_the_check_in_link_uses_the_same_copy_and_warning(coach_client, athlete):
    coach_client.post(reverse("checkins:create", args=[athlete.pk]), HTTP_HOST="127.0.0.1:8000")
    page = coach_client.get(
        reverse("athletes:detail", args=[athlete.pk]), HTTP_HOST="127.0.0.1:8000"
    ).content.decode()
    assert '<button class="button" type="button" data-copy="checkin-url"' in page
    assert 'data-copied="Copied: paste it into a message to the athlete."' in page
    text = _text(page)
    assert f"Check-in link for {athlete.name} made " in text
    assert f"{LOCAL_ONLY}, not on an athlete's phone" in text
    assert "the link and QR code will use it" in text
