"""Clips as an upload leaves them, for tests that need one without uploading it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from hingecoach.web.clips.models import Clip

MP4_HEAD = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"  # the start of an MP4 file
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def stored_clip(
    athlete: Any,
    *,
    status: str,
    name: str = "hinge.mp4",
    exercise: str = "bodyweight-hip-hinge",
    minutes_quiet: float = 0,
    **fields: Any,
) -> Clip:
    """A clip with its video kept, written straight to the table (as a worker of an older
    version or a crash might leave it: the athlete's data version does not move), its
    progress last moved ``minutes_quiet`` ago."""
    clip = Clip.objects.create(
        athlete=athlete,
        extension="mp4",
        original_name=name,
        exercise=exercise,
        status=status,
        **fields,
    )
    clip.video_path.parent.mkdir(parents=True, exist_ok=True)
    clip.video_path.write_bytes(MP4_HEAD)
    quiet = timezone.now() - dt.timedelta(minutes=minutes_quiet)
    Clip.objects.filter(pk=clip.pk).update(progress_at=quiet)
    clip.refresh_from_db()
    return clip
