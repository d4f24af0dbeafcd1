"""Coach accounts: change a password, one-time links from the head coach, deactivation."""

from __future__ import annotations

import re

import pytest
from auditlog.models import LogEntry
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from tests.web.conftest import PASSWORD

from hingecoach.web.accounts import services as accounts
from hingecoach.web.teams import services as teams

pytestmark = pytest.mark.django_db
User = get_user_model()
NEW = "a-brand-new-passphrase-31"


def _link(response) -> str:
    """The one-time link shown on the page, as a path."""
    html = response.content.decode()
    found = re.search(r'id="one-time-link"[^>]*value="http://testserver([^"]+)"', html)
    assert found, html
    return found.group(1)


def _choose(client: Client, link: str, password: str):
    """Open a one-time link and submit a password on the page it leads to."""
    form_page = client.get(link, follow=True)
    return client.post(
        form_page.request["PATH_INFO"], {"new_password1": password, "new_password2": password}
    )


def _signs_in(username: str, password: str) -> bool:
    client = Client()
    client.post("/login/", {"username": username, "password": password})
    return "_auth_user_id" in client.session


def test_a_coach_changes_their_own_password(coach_client, coach):
    url = reverse("accounts:password-change")
    wrong = coach_client.post(
        url, {"old_password": "not-it", "new_password1": NEW, "new_password2": NEW}
    )
    assert "Your old password was entered incorrectly" in wrong.content.decode()
    response = coach_client.post(
        url, {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW}
    )
    assert response.status_code == 302
    assert _signs_in("cole", NEW) and not _signs_in("cole", PASSWORD)
    assert coach_client.get(reverse("teams:settings")).status_code == 200  # still signed in


def test_a_head_coach_invites_a_coach_who_chooses_their_own_password(head_client, team):
    response = head_client.post(
        reverse("accounts:invite"), {"username": "newbie", "role": "coach", "email": ""}
    )
    assert "this app sends no email" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    newbie = User.objects.get(username="newbie")
    assert newbie.membership.team == team and not newbie.has_usable_password()
    link = _link(response)
    weak = _choose(Client(), link, "123")
    assert "This password is too short" in weak.content.decode()
    assert _choose(Client(), link, NEW).status_code == 302
    assert _signs_in("newbie", NEW)
    used = Client().get(link, follow=True)
    assert "This link no longer works" in used.content.decode()


def test_a_password_set_from_a_link_is_in_the_trail_by_its_coach_and_shows_no_hash(
    head_client, coach
):
    _choose(Client(), _link(head_client.post(reverse("accounts:reset", args=[coach.pk]))), NEW)
    entry = LogEntry.objects.get_for_object(coach).filter(changes__has_key="password").first()
    assert entry is not None and entry.actor == coach
    assert entry.changes["password"] == ["********", "********"]


def test_an_invitation_for_a_taken_username_names_the_field(head_client, coach):
    response = head_client.post(reverse("accounts:invite"), {"username": "COLE", "role": "coach"})
    assert "&#x27;COLE&#x27; is already taken" in response.content.decode()


def test_a_head_coach_resets_a_coach_password_by_a_one_time_link(head_client, coach):
    response = head_client.post(reverse("accounts:reset", args=[coach.pk]))
    link = _link(response)
    coach.refresh_from_db()
    assert coach.check_password(PASSWORD)  # the old password works until a new one is set
    _choose(Client(), link, NEW)
    assert _signs_in("cole", NEW) and not _signs_in("cole", PASSWORD)
    again = _choose(Client(), link, "another-passphrase-77")
    assert "This link no longer works" in again.content.decode()


def test_a_reset_link_lifts_a_lock_out(head_client, coach):
    client = Client()
    for _ in range(5):
        client.post("/login/", {"username": "cole", "password": "wrong"}, REMOTE_ADDR="10.0.0.9")
    locked = client.post(
        "/login/", {"username": "cole", "password": PASSWORD}, REMOTE_ADDR="10.0.0.9"
    )
    assert "ask your head coach for a\n     password link" in locked.content.decode()
    _choose(Client(), _link(head_client.post(reverse("accounts:reset", args=[coach.pk]))), NEW)
    client.post("/login/", {"username": "cole", "password": NEW}, REMOTE_ADDR="10.0.0.9")
    assert "_auth_user_id" in client.session


def test_a_deactivated_coach_cannot_sign_in_and_the_athletes_stay(
    head_client, coach_client, coach, athlete
):
    token = teams.api_token_create(user=coach)
    response = head_client.post(reverse("accounts:active", args=[coach.pk]), {"active": "0"})
    assert response.status_code == 302
    assert not _signs_in("cole", PASSWORD)
    assert coach_client.get(reverse("athletes:list")).status_code == 302  # signed out
    api = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    assert api.get("/api/athletes").status_code == 401
    assert head_client.get(reverse("athletes:detail", args=[athlete.pk])).status_code == 200
    head_client.post(reverse("accounts:active", args=[coach.pk]), {"active": "1"})
    assert _signs_in("cole", PASSWORD)


def test_a_link_made_before_deactivation_stops_working(head_client, coach):
    link = _link(head_client.post(reverse("accounts:reset", args=[coach.pk])))
    head_client.post(reverse("accounts:active", args=[coach.pk]), {"active": "0"})
    assert "This link no longer works" in Client().get(link, follow=True).content.decode()


def test_a_head_coach_cannot_deactivate_themselves(head_client, head):
    response = head_client.post(
        reverse("accounts:active", args=[head.pk]), {"active": "0"}, follow=True
    )
    assert "you cannot deactivate your own account" in response.content.decode()
    head.refresh_from_db()
    assert head.is_active


@pytest.mark.parametrize(
    "name, args", [("accounts:reset", True), ("accounts:active", True), ("accounts:invite", False)]
)
def test_a_coach_cannot_manage_coaches(coach_client, head, name, args):
    url = reverse(name, args=[head.pk] if args else [])
    assert coach_client.post(url, {"username": "x", "active": "0"}).status_code == 403


def test_another_team_coach_is_not_found(head_client, stranger):
    other = teams.coach_create(team=stranger.team, username="zoe", password=PASSWORD)
    assert head_client.post(reverse("accounts:reset", args=[other.pk])).status_code == 404
    assert head_client.post(reverse("accounts:active", args=[other.pk])).status_code == 404


def test_password_set_refuses_a_weak_password_and_names_the_field(coach):
    with pytest.raises(Exception) as refused:
        accounts.password_set(user=coach, password="password")
    assert "password" in refused.value.message_dict


@pytest.mark.parametrize("name", ["bad name!!", "two words", "semi;colon"])
def test_an_invited_username_follows_djangos_rule_with_a_clear_error(head_client, name):
    response = head_client.post(reverse("accounts:invite"), {"username": name, "role": "coach"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Enter a valid username" in html
    assert not User.objects.filter(username=name).exists()


def test_making_a_reset_link_is_in_the_trail_without_the_link(head_client, head, coach):
    response = head_client.post(reverse("accounts:reset", args=[coach.pk]))
    link = _link(response)
    entry = LogEntry.objects.filter(additional_data__password_link=True).get()
    assert entry.actor == head and entry.object_pk == str(coach.pk)
    assert link.split("/")[-2] not in str(entry.__dict__)  # the token is not kept
    trail = head_client.get(reverse("audit:list")).content.decode()
    assert "coach cole: a password reset link made" in trail
