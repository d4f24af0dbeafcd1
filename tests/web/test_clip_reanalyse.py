"""A finished clip analysed again as another exercise: the athlete picked the wrong one, or
the upload kept the default. A new attempt is queued with the new exercise and the old
report goes; a clip saved as a test, one still being analysed, one whose video is gone,
the same exercise again or an unknown one are refused with a message and change nothing.
Real SQLite file, real django-tasks-db rows (no worker runs them here)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from tests.web.stored_clips import DB_TASKS, stored_clip

from hingecoach.core.kinematics.analyze import not_assessable
from hingecoach.core.kinematics.report import ClipSummary
from hingecoach.web.athletes import services as athletes
from hingecoach.web.clips.models import Clip

# A report as the worker stores it: a clip in which nobody could be followed.
REPORT = not_assessable(
    {"clip": ClipSummary(fps=15, frames=3, duration_s=0.2, width=64, height=64), "exercise": "x"},
    "no person was found in the clip",
    frames=3,
    fps=15,
).model_dump(mode="json")


@pytest.fixture(autouse=True)
def _clips_settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "uploads"
    settings.TASKS = DB_TASKS
    return settings


def _clip(athlete, *, status=Clip.Status.DONE, exercise="bodyweight-hip-hinge", **fields) -> Clip:
    report = REPORT if status == Clip.Status.DONE else None
    return stored_clip(
        athlete, status=status, name="set.mp4", exercise=exercise, report=report, **fields
    )


def _reanalyse(client: Client, clip: Clip, exercise: str) -> str:
    """POST the form, follow the redirect to the clip's page, return that page."""
    url = reverse("clips:reanalyse", args=[clip.pk])
    response = client.post(url, {"exercise": exercise}, follow=True)
    assert response.redirect_chain == [(reverse("clips:detail", args=[clip.pk]), 302)]
    return response.content.decode()


def _unchanged(clip: Clip) -> None:
    before = (clip.exercise, clip.status, clip.attempt, clip.report)
    clip.refresh_from_db()
    assert (clip.exercise, clip.status, clip.attempt, clip.report) == before
    assert not DBTaskResult.objects.exists()


def test_a_finished_clip_is_queued_again_as_the_chosen_exercise(coach_client, athlete):
    clip = _clip(athlete)
    attempt = clip.attempt
    page = coach_client.get(reverse("clips:detail", args=[clip.pk])).content.decode()
    assert 'id="analyse-as"' in page and reverse("clips:reanalyse", args=[clip.pk]) in page

    page = _reanalyse(coach_client, clip, "romanian-deadlift")

    assert "queued for analysis as Romanian Deadlift" in page
    clip.refresh_from_db()
    assert clip.exercise == "romanian-deadlift"
    assert clip.status == Clip.Status.QUEUED and clip.attempt == attempt + 1
    assert clip.report is None and clip.frames == []
    task = DBTaskResult.objects.get()
    assert task.args_kwargs["args"] == [clip.pk, attempt + 1]
    assert clip.task_id == str(task.id)


def test_a_failed_clip_can_be_analysed_as_another_exercise(coach_client, athlete):
    clip = _clip(athlete, status=Clip.Status.FAILED, error="no hinge found")
    _reanalyse(coach_client, clip, "deadlift")
    clip.refresh_from_db()
    assert (clip.exercise, clip.status, clip.error) == ("deadlift", Clip.Status.QUEUED, "")


def test_a_clip_saved_as_a_test_keeps_its_report(coach_client, athlete):
    test = athletes.test_record(athlete=athlete, date=dt.date.today(), faults=[])
    clip = _clip(athlete, test=test)
    page = coach_client.get(reverse("clips:detail", args=[clip.pk])).content.decode()
    assert 'id="analyse-as"' not in page

    page = _reanalyse(coach_client, clip, "deadlift")

    assert "saved as a test, so its report stays as it is" in page
    _unchanged(clip)


@pytest.mark.parametrize("status", [Clip.Status.QUEUED, Clip.Status.RUNNING])
def test_a_clip_being_analysed_is_not_queued_twice(coach_client, athlete, status):
    clip = _clip(athlete, status=status)
    assert "still being analysed" in _reanalyse(coach_client, clip, "deadlift")
    _unchanged(clip)


def test_the_same_exercise_again_is_refused(coach_client, athlete):
    clip = _clip(athlete, exercise="deadlift")
    assert "already analysed as this exercise" in _reanalyse(coach_client, clip, "deadlift")
    _unchanged(clip)


def test_an_unknown_exercise_names_the_field(coach_client, athlete):
    clip = _clip(athlete)
    page = _reanalyse(coach_client, clip, "moon-walk")
    assert "Exercise: Select a valid choice" in page
    _unchanged(clip)


def test_a_clip_whose_video_is_gone_says_to_upload_it_again(coach_client, athlete):
    clip = _clip(athlete)
    clip.video_path.unlink()
    page = coach_client.get(reverse("clips:detail", args=[clip.pk])).content.decode()
    assert 'id="analyse-as"' not in page
    assert "no longer kept" in _reanalyse(coach_client, clip, "deadlift")
    _unchanged(clip)


def test_only_a_post_from_the_athletes_team_analyses_again(coach_client, athlete, stranger):
    mine, theirs = _clip(athlete), _clip(stranger)
    assert coach_client.get(reverse("clips:reanalyse", args=[mine.pk])).status_code == 405
    url = reverse("clips:reanalyse", args=[theirs.pk])
    assert coach_client.post(url, {"exercise": "deadlift"}).status_code == 404
    _unchanged(mine)
    _unchanged(theirs)
