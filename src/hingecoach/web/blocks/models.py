"""An athlete's training block: the engine's block as it was built, with its start date.

``plan`` is the engine's ``Block`` as JSON (``hingecoach schema block``) and ``case`` the
CASE it was built from: a snapshot, so a later catalog edit changes no week already
planned, and a test or session the block did not know of can be told from one it did.
``ended`` is empty while the block runs; an athlete has at most one block running.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from hingecoach.web.athletes.models import Athlete


class TrainingBlock(models.Model):
    athlete = models.ForeignKey(Athlete, on_delete=models.CASCADE, related_name="blocks")
    weeks = models.PositiveSmallIntegerField()
    start = models.DateField()
    case = models.JSONField()
    plan = models.JSONField()
    ended = models.DateField(null=True, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-start", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["athlete"],
                condition=models.Q(ended__isnull=True),
                name="one_running_block_per_athlete",
            )
        ]

    def __str__(self) -> str:
        return f"{self.weeks}-week block from {self.start.isoformat()}"
