"""Signing in: a wrong password is refused on the login page itself."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .pages import CHROMIUM, COACH, NO_CHROMIUM, shoot, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM)]


def test_a_wrong_password_shows_an_error_and_stays_on_the_login_page(browsing):
    page = browsing.page()

    sign_in(page, COACH, "not-the-password")

    expect(page).to_have_url(re.compile(r"/login/$"))
    expect(page.get_by_role("alert")).to_contain_text(
        "Please enter a correct username and password"
    )
    expect(page.get_by_label("Username")).to_have_value(COACH)
    expect(page.get_by_label("Password")).to_have_value("")
    expect(page.get_by_role("navigation", name="Main")).to_have_count(0)
    shoot(page, "login-wrong-password")
