"""Signing in: passwords are hashed, and repeated failures lock the username out."""

from __future__ import annotations

import pytest
from django.test import Client
from tests.web.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def _login(client: Client, password: str):
    return client.post(
        "/login/", {"username": "cole", "password": password}, REMOTE_ADDR="10.0.0.7"
    )


def test_a_coach_signs_in_with_the_right_password(coach):
    response = _login(Client(), PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/today/"


def test_the_password_is_stored_hashed(coach):
    assert coach.password != PASSWORD
    assert coach.check_password(PASSWORD)


def test_a_wrong_password_says_so_and_signs_nobody_in(coach):
    response = _login(Client(), "not-the-password")
    assert response.status_code == 200
    assert b"Please enter a correct username and password" in response.content


def test_five_failures_lock_the_username_out_even_with_the_right_password(coach):
    client = Client()
    for _ in range(5):
        _login(client, "wrong-guess")
    response = _login(client, PASSWORD)
    assert response.status_code == 429
    assert b"Too many sign-in attempts" in response.content
    assert "_auth_user_id" not in client.session


def test_a_deactivated_coach_with_the_right_password_is_told_to_ask_the_head_coach(coach):
    coach.is_active = False
    coach.save()
    response = _login(Client(), PASSWORD)
    assert response.status_code == 200
    assert b"This account is deactivated. Ask your head coach to reactivate it." in response.content
    wrong = _login(Client(), "not-the-password")
    assert b"Please enter a correct username and password" in wrong.content
    assert b"deactivated" not in wrong.content


def test_a_locked_out_deactivated_coach_learns_nothing_from_the_right_password(coach):
    coach.is_active = False
    coach.save()
    client = Client()
    for _ in range(5):
        _login(client, "wrong-guess")
    response = _login(client, PASSWORD)
    assert response.status_code == 429
    assert b"deactivated" not in response.content
