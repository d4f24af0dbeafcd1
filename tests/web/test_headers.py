"""Headers and logs: a Content-Security-Policy on every page, refusals on one line."""

from __future__ import annotations

import logging
import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_pages_allow_scripts_only_from_the_app_itself(head_client, athlete):
    for url in (
        reverse("athletes:list"),
        reverse("athletes:detail", args=[athlete.pk]),
        reverse("teams:settings"),
        "/api/docs",
        reverse("login"),
    ):
        response = head_client.get(url)
        policy = response["Content-Security-Policy"]
        assert "script-src 'self';" in policy and "frame-ancestors 'none'" in policy
        html = response.content.decode()
        inline = [
            s
            for s in re.findall(r"<script([^>]*)>", html)
            if "src=" not in s and "application/json" not in s
        ]
        assert not inline, (url, inline)
        assert not re.search(r"\son[a-z]+=\"", html), url


def test_a_refused_request_is_logged_on_one_line(client, caplog):
    caplog.set_level(logging.WARNING)
    response = client.post(
        reverse("login"), "x=" + "a" * 3_000_000, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400
    handler = next(
        h
        for h in logging.getLogger().handlers
        if any(type(f).__name__ == "RefusalsOnOneLine" for f in h.filters)
    )
    refused = [r for r in caplog.records if getattr(r, "status_code", 0) == 400]
    assert refused
    for record in refused:
        assert handler.filter(record)
        assert "\n" not in handler.format(record)
