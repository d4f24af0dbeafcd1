"""The request a signed-in view works with, for the type checker: its ``user`` is a
coach's account (the login check ran first) and ``htmx`` says whether htmx sent it
(``django_htmx``'s middleware). At run time it is Django's own request."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails


class CoachRequest(HttpRequest):
    user: User
    htmx: HtmxDetails
