"""Who may do what: each role x each team x each action, through the API."""

from __future__ import annotations

import json

import pytest
from tests.integration.conftest import token_client

pytestmark = pytest.mark.django_db

ACTIONS = {
    "view": ("get", "", None),
    "recommendation": ("get", "/recommendation", None),
    "plan": ("get", "/plan", None),
    "record a test": ("post", "/tests", {"date": "2026-11-01", "faults": []}),
    "log a session": ("post", "/sessions", {"date": "2026-11-01", "pain_during": 1}),
    "erase": ("delete", "", None),
}
# Expected status by (role, own team?, action); anything on another team is a 404.
OWN = {
    ("head", "erase"): 204,
    ("coach", "erase"): 403,
    ("head", "record a test"): 201,
    ("coach", "record a test"): 201,
    ("head", "log a session"): 201,
    ("coach", "log a session"): 201,
}


@pytest.mark.parametrize("action", list(ACTIONS))
@pytest.mark.parametrize("role", ["head", "coach"])
@pytest.mark.parametrize("same_team", [True, False], ids=["own team", "other team"])
def test_permission_matrix(red, blue, role, same_team, action):
    actor = getattr(red, role)
    target = red.athlete if same_team else blue.athlete
    method, suffix, body = ACTIONS[action]
    client = token_client(actor)
    url = f"/api/athletes/{target.pk}{suffix}"
    kwargs = {"data": json.dumps(body), "content_type": "application/json"} if body else {}
    response = getattr(client, method)(url, **kwargs)
    expected = OWN.get((role, action), 200) if same_team else 404
    assert response.status_code == expected, response.content
    if not same_team:
        assert blue.athlete.tests.count() == 0
        assert blue.athlete.sessions.count() == 0
        assert type(target).objects.filter(pk=target.pk).exists()
