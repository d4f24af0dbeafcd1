"""A session run in gym mode, and the records it saved.

``key`` is made with the page, so a phone that sends the same session twice (it lost the
answer to the first) saves it once.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from hingecoach.web.athletes.models import Athlete, HingeTest, TrainingSession


class GymRun(models.Model):
    key = models.UUIDField(default=uuid.uuid4, unique=True)
    athlete = models.ForeignKey(Athlete, on_delete=models.CASCADE, related_name="gym_runs")
    session = models.ForeignKey(
        TrainingSession, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    test = models.ForeignKey(
        HingeTest, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    mastered = models.JSONField(default=list, blank=True)
    block_week = models.PositiveSmallIntegerField(null=True, blank=True)
    block_id = models.PositiveBigIntegerField(null=True, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "-id"]
        indexes = [models.Index(fields=["athlete", "-created"])]
