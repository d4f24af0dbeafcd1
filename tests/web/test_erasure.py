"""Erasing an athlete the same way from the erase page and the API: every record, clip
and clip file goes; the audit trail keeps one entry (who and when, the athlete's number
and nothing of their data)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from hingecoach.web.athletes import services as athletes
from hingecoach.web.athletes.models import Athlete, HingeTest
from hingecoach.web.clips.models import Clip

MP4_HEAD = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"


@pytest.fixture(autouse=True)
def _uploads(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "uploads"


def _clip_with_files(athlete, settings) -> Clip:
    clip = Clip.objects.create(
        athlete=athlete, extension="mp4", original_name="hinge.mp4", exercise="bodyweight-hip-hinge"
    )
    (Path(settings.MEDIA_ROOT) / "clips").mkdir(parents=True, exist_ok=True)
    clip.video_path.write_bytes(MP4_HEAD)
    clip.frame_path(0).write_bytes(b"jpeg")
    return clip


def _erase_by_page(client, athlete):
    return client.post(reverse("athletes:erase", args=[athlete.pk]), {"confirm": athlete.name})


def _erase_by_api(client, athlete):
    return client.delete(f"/api/athletes/{athlete.pk}")


@pytest.mark.parametrize(("erase", "status"), [(_erase_by_page, 302), (_erase_by_api, 204)])
def test_the_page_and_the_api_erase_records_clips_and_files_and_keep_one_audit_entry(
    head_client, head, athlete, settings, django_capture_on_commit_callbacks, erase, status
):
    athletes.test_record(athlete=athlete, date=dt.date.today(), faults=[], by=head)
    clip = _clip_with_files(athlete, settings)
    number = athlete.pk
    with django_capture_on_commit_callbacks(execute=True):
        assert erase(head_client, athlete).status_code == status
    assert not Athlete.objects.filter(pk=number).exists()
    assert not HingeTest.objects.exists() and not Clip.objects.exists()
    assert not clip.video_path.exists() and not clip.frame_path(0).exists()
    erased = LogEntry.objects.get(additional_data__erased=number)
    assert (erased.action, erased.actor) == (LogEntry.Action.DELETE, head)
    assert not LogEntry.objects.filter(additional_data__athlete=number).exists()
    assert athlete.name not in str(list(LogEntry.objects.values()))


@pytest.mark.parametrize("erase", [_erase_by_page, _erase_by_api])
def test_a_coach_who_is_not_head_coach_erases_nothing(coach_client, athlete, settings, erase):
    clip = _clip_with_files(athlete, settings)
    assert erase(coach_client, athlete).status_code == 403
    assert Athlete.objects.filter(pk=athlete.pk).exists() and clip.video_path.exists()
