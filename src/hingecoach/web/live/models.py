"""A live session: the camera pictures a coach's browser sent while an athlete lifted.

Every picture's landmarks are a row here, not a worker process's memory: the web server
answers with several processes, and the next picture of a session may reach any of
them. Only landmarks are kept (never the picture), for ``LIVE_KEEP_HOURS``; the recorded
clip, if the coach saves it, goes through the clips app like any upload.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from hingecoach.web.athletes.models import Athlete


class LiveSession(models.Model):
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    athlete = models.ForeignKey(Athlete, on_delete=models.CASCADE, related_name="live_sessions")
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    exercise = models.CharField(max_length=64)
    width = models.PositiveIntegerField(default=0)  # of the pictures, set by the first
    height = models.PositiveIntegerField(default=0)
    # Which way the lifter faces (+1 image right, -1 left), kept once a rep is finished
    # so that a stretch of unclear feet later in the set cannot turn the lifter round.
    facing = models.FloatField(null=True, blank=True)
    cued = models.PositiveIntegerField(default=0)  # reps already answered with a cue
    settled = models.PositiveIntegerField(default=0)  # frame where the last cued rep ended
    cues = models.JSONField(default=list, blank=True)  # each counted rep's RepCue, as a dict
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["created"])]

    def __str__(self) -> str:
        return f"live session {self.key}"


class LivePicture(models.Model):
    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="pictures")
    index = models.PositiveIntegerField()  # the frame of the session's track
    frame = models.JSONField(null=True, blank=True)  # video.live.frame_json; null: no one
    brightness = models.FloatField()

    class Meta:
        ordering = ["index"]
        constraints = [
            models.UniqueConstraint(fields=["session", "index"], name="live_picture_once_per_frame")
        ]

    def __str__(self) -> str:
        return f"picture {self.index} of {self.session_id}"
