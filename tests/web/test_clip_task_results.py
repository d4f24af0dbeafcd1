"""``clips_purge`` also prunes django-tasks-db's result rows: those that finished before
the clips' retention go, unfinished ones and recent ones stay. Real SQLite file, the
real management command."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from hingecoach.web.clips.tasks import analyse_clip

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture(autouse=True)
def _db_tasks(settings, tmp_path, db):
    settings.MEDIA_ROOT = tmp_path / "uploads"
    settings.TASKS = DB_TASKS
    settings.CLIP_KEEP_DAYS = 90


def _task(status: str, *, days_ago: float) -> DBTaskResult:
    """A task result row as the worker leaves it, ``days_ago`` old."""
    row = DBTaskResult.objects.get(id=analyse_clip.enqueue(1, 0).id)
    when = timezone.now() - dt.timedelta(days=days_ago)
    finished = when if status in {"SUCCESSFUL", "FAILED"} else None
    started = when if status != "READY" else None
    DBTaskResult.objects.filter(id=row.id).update(
        status=status, enqueued_at=when, started_at=started, finished_at=finished
    )
    return row


def _purge(*args: str) -> str:
    out = io.StringIO()
    call_command("clips_purge", *args, stdout=out)
    return out.getvalue()


def test_finished_task_results_past_the_retention_are_pruned_with_the_clips():
    gone = [_task("SUCCESSFUL", days_ago=91), _task("FAILED", days_ago=200)]
    kept = [
        _task("SUCCESSFUL", days_ago=89),
        _task("FAILED", days_ago=1),
        _task("RUNNING", days_ago=91),
        _task("READY", days_ago=91),
    ]
    assert _purge() == "0 clip(s) older than 90 days deleted, 2 finished task result(s) pruned\n"
    assert set(DBTaskResult.objects.values_list("id", flat=True)) == {t.id for t in kept}
    assert not DBTaskResult.objects.filter(id__in=[t.id for t in gone]).exists()


def test_days_sets_the_age_for_task_results_too():
    _task("SUCCESSFUL", days_ago=8)
    _task("SUCCESSFUL", days_ago=6)
    assert "1 finished task result(s) pruned" in _purge("--days", "7")
    assert DBTaskResult.objects.count() == 1


def test_an_upload_prunes_them_on_the_way(coach_client, athlete):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    _task("SUCCESSFUL", days_ago=91)
    head = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"
    upload = SimpleUploadedFile("new.mp4", head + b"\0" * 64, content_type="video/mp4")
    coach_client.post(reverse("clips:upload", args=[athlete.pk]), {"file": upload})
    assert list(DBTaskResult.objects.values_list("status", flat=True)) == ["READY"]
