"""A check-in link the coach can show again.

The link's token is never stored: it is an HMAC of a random salt under the app's secret
key, so the coach's page can make it again while the database alone does not reveal it
(the athletes app keeps only the token's digest, as for every link). A new secret key
makes the shown address stale; the page then says so and offers a new link.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from hingecoach.web.athletes.models import CheckinLink


class CheckinShare(models.Model):
    link = models.OneToOneField(CheckinLink, on_delete=models.CASCADE, related_name="share")
    salt = models.CharField(max_length=48, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
