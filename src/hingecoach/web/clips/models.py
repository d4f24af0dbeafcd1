"""An uploaded clip of an athlete and what the background analysis made of it.

The video file, its annotated key frames and annotated video live under
``MEDIA_ROOT/clips/`` (in the data folder, never in the code folder), named by the clip's
random ``key``: ``<key>.<ext>``, ``<key>-<n>.jpg`` and ``<key>-annotated.webm``. Each
analysis run is an ``attempt``: a worker writes to the row only while its attempt is
the clip's current one, so a worker thought dead that wakes up changes nothing. The
report is the analysis report's JSON (DOMAIN.md section 5); nothing here touches the
athlete's records until a coach saves the clip as a test. A coach may instead mark an
analysed clip reviewed (``reviewed_at``, ``reviewed_by``): it leaves Today's clips to
review and stays viewable until it is purged.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils import timezone

from hingecoach.web.athletes.models import Athlete, HingeTest

CLIPS_FOLDER = "clips"


def clips_dir() -> Path:
    return Path(settings.MEDIA_ROOT) / CLIPS_FOLDER


class Clip(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "queued"
        RUNNING = "running", "running"
        DONE = "done", "done"
        FAILED = "failed", "failed"

    athlete = models.ForeignKey(Athlete, on_delete=models.CASCADE, related_name="clips")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    extension = models.CharField(max_length=8)
    original_name = models.CharField(max_length=255, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    exercise = models.CharField(max_length=64)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    # When the analysis last showed it was alive (queued, started, progress moved).
    progress_at = models.DateTimeField(default=timezone.now)
    attempt = models.PositiveIntegerField(default=0)
    task_id = models.CharField(max_length=64, blank=True)  # the attempt's task result
    report = models.JSONField(null=True, blank=True)
    error = models.TextField(blank=True)
    frames = models.JSONField(default=list, blank=True)  # [{"label": ..., "t_s": ...}]
    annotated = models.BooleanField(default=False)  # the annotated video was written
    test = models.ForeignKey(
        HingeTest, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # A coach looked at the clip and cleared it from Today without saving a test; who, when.
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    analysed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created", "-id"]
        indexes = [
            models.Index(fields=["athlete", "-created"]),
            models.Index(fields=["created"]),
            models.Index(fields=["status", "progress_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.original_name or self.key} ({self.status})"

    @property
    def video_path(self) -> Path:
        return clips_dir() / f"{self.key}.{self.extension}"

    def frame_path(self, n: int) -> Path:
        return clips_dir() / f"{self.key}-{n}.jpg"

    @property
    def annotated_path(self) -> Path:
        return clips_dir() / f"{self.key}-annotated.webm"

    def file_paths(self) -> list[Path]:
        """Every file of this clip on disk: the video, key frames, temporary files."""
        folder = clips_dir()
        return [*folder.glob(f"{self.key}*"), *folder.glob(f".{self.key}*")]

    @property
    def finished(self) -> bool:
        return self.status in {self.Status.DONE, self.Status.FAILED}

    @property
    def to_review(self) -> bool:
        """Analysed, neither saved as a test nor marked reviewed: waiting for the coach."""
        return self.status == self.Status.DONE and self.test_id is None and not self.reviewed_at

    @property
    def retryable(self) -> bool:
        """Failed, with the uploaded video still kept (a worker stopped, not a bad file)."""
        return self.status == self.Status.FAILED and self.video_path.is_file()
