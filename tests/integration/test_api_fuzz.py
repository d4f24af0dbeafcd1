"""Fuzz the API against its own OpenAPI document (schemathesis), signed in and not.

Signed in, every built-in check runs (as ``schemathesis run --checks all``) on data the
document declares valid and on data it declares invalid: the server must accept the
first, refuse the second with a 4xx, never fail, and answer as the document says.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import CHECKS, load_all_checks

from hingecoach.web.teams import services as teams
from hingecoach.web.wsgi import application

pytestmark = pytest.mark.django_db

SCHEMA = schemathesis.openapi.from_wsgi("/api/openapi.json", application)
OPERATIONS = {op.ok().label: op.ok() for op in SCHEMA.get_all_operations()}
FUZZ = settings(
    max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), database=None
)
load_all_checks()
ALL_CHECKS = CHECKS.get_all()
# The document says a clip is a binary file, in words which bytes make a video; no schema
# can say it, so the bytes generated as "valid" are refused with a 415. For that upload
# the acceptance check is replaced by "a 201, or a 415 naming the file"; a real video's
# upload is accepted in test_api_clips.py. Every other check runs there as everywhere.
VIDEO_BYTES = {"POST /api/athletes/{athlete_id}/clips"}
NOT_FOR_VIDEO_BYTES = [c for c in ALL_CHECKS if c.__name__ != "positive_data_acceptance"]


def checks_for(label: str, mode: GenerationMode) -> list:
    return (
        NOT_FOR_VIDEO_BYTES
        if label in VIDEO_BYTES and mode == GenerationMode.POSITIVE
        else ALL_CHECKS
    )


def assert_a_video_or_refused_as_not_one(label: str, mode: GenerationMode, response) -> None:
    if label in VIDEO_BYTES and mode == GenerationMode.POSITIVE:
        assert response.status_code in (201, 415), response.text
        assert response.status_code == 201 or response.json()["field"] == "file"


@pytest.fixture(autouse=True)
def _keep_the_test_connection(db):
    # As Django's test client does: keep the test's connection (and its transaction)
    # open across in-process WSGI requests.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def assert_no_server_error_and_rejections_name_a_field(response) -> None:
    assert response.status_code < 500, response.text
    if 400 <= response.status_code < 500:
        body = response.json()
        assert body.get("field"), f"a {response.status_code} without a field: {body}"
        assert body.get("message")


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
@pytest.mark.parametrize("label", sorted(OPERATIONS))
def test_signed_in_every_check_passes(label, mode, red):
    token = teams.api_token_create(user=red.head)

    @given(
        case=OPERATIONS[label].as_strategy(
            generation_mode=mode,
            path_parameters={"athlete_id": red.athlete.pk} if "{athlete_id}" in label else None,
        )
    )
    @FUZZ
    def run(case):
        response = case.call(headers={"Authorization": f"Bearer {token}"})
        assert_no_server_error_and_rejections_name_a_field(response)
        assert_a_video_or_refused_as_not_one(label, mode, response)
        case.validate_response(
            response, checks=checks_for(label, mode), headers={"Authorization": f"Bearer {token}"}
        )

    run()


@pytest.mark.parametrize("label", sorted(OPERATIONS))
def test_signed_out_every_operation_is_refused_with_401(label):
    @given(case=OPERATIONS[label].as_strategy())
    @FUZZ
    def run(case):
        response = case.call()
        assert_no_server_error_and_rejections_name_a_field(response)
        # 401 with no credentials; 403 when a (fake) session cookie comes without CSRF.
        assert response.status_code in (401, 403)

    run()
