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
