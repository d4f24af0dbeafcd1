"""An address that only takes a form's POST, opened in the browser, answers a short page in
the site's layout (what it is for, a link back) instead of an empty 405; the API keeps its
JSON."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("path", "does", "back"),
    [
        ("/team/data.json", "downloads the team&#x27;s data", "/team/settings/"),
        ("/account/coaches/{coach}/reset/", "password reset link", "/team/settings/"),
        ("/athletes/{athlete}/archive/", "archives an athlete", "/athletes/{athlete}/"),
    ],
)
def test_a_post_only_address_opened_in_the_browser_says_what_it_is_for(
    head_client, coach, athlete, path, does, back
):
    ids = {"coach": coach.pk, "athlete": athlete.pk}
    response = head_client.get(path.format(**ids))
    body = response.content.decode()
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert "<h1>Not a page to open</h1>" in body
    assert does in body
    assert f'href="{back.format(**ids)}"' in body
    assert '<nav class="nav" aria-label="Main">' in body  # the site's layout


def test_the_api_keeps_its_json_for_a_method_it_does_not_take(coach_client):
    response = coach_client.delete("/api/recommend")
    assert response.status_code == 405
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["field"]
