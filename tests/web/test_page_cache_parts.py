"""The athlete's page also keeps what other apps show on it (the training block, clips,
recent sessions, check-in links and their share, the head and the record buttons), and
a write through any of those apps shows on the very next view: every test here first
views the page, so its parts are kept, then writes through a real entry point (a form,
the clip worker, the athlete's own link) and views it again. The forms in the kept parts
carry each viewer's own CSRF token."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from tests.web.stored_clips import MP4_HEAD, stored_clip
from tests.web.test_blocks import assign, block_card, run_week
from tests.web.test_page_cache import detail, part, session_rows

from hingecoach.web.athletes import parts
from hingecoach.web.athletes import services as athletes
from hingecoach.web.athletes.models import Athlete
from hingecoach.web.blocks.models import TrainingBlock
from hingecoach.web.clips import analysis
from hingecoach.web.clips import services as clips
from hingecoach.web.clips.models import Clip

pytestmark = pytest.mark.django_db(transaction=True)
TODAY = dt.date.today().isoformat()


@pytest.fixture(autouse=True)
def _clips_settings(settings, tmp_path):
    """Uploads in a temporary folder; queued analyses wait for the worker (called here)."""
    settings.MEDIA_ROOT = tmp_path / "uploads"
    settings.FILE_UPLOAD_TEMP_DIR = None
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    return settings


def clips_card(html: str) -> str:
    return part(html, 'id="clips"')


def checkin_card(html: str) -> str:
    return part(html, 'id="checkin-links"', "</section>")


def made_clip(athlete: Athlete, *, status: str, minutes_quiet: float = 0) -> Clip:
    return stored_clip(athlete, status=status, name="hinge-side.mp4", minutes_quiet=minutes_quiet)


# --- what a kept view reads -------------------------------------------------------------


def test_a_kept_view_reads_none_of_the_other_apps_tables(coach_client, athlete):
    detail(coach_client, athlete)
    with CaptureQueriesContext(connection) as captured:
        html = detail(coach_client, athlete)
    read = " ".join(query["sql"] for query in captured.captured_queries)
    for table in ("blocks_", "clips_", "checkins_", "athletes_trainingsession"):
        assert table not in read
    assert "No block running" in html and "No session logged yet." in html


def test_each_viewer_gets_their_own_csrf_token_in_the_kept_forms(coach, head, athlete):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.force_login(coach)
    second.force_login(head)
    detail(first, athlete)  # kept with the first coach's request
    html = detail(second, athlete)
    assert parts.CSRF_SLOT not in html
    form = html[html.index('<form method="post" action="/blocks/athlete/') :]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)
    assert token is not None
    data = {"csrfmiddlewaretoken": token.group(1), "block-weeks": "4", "block-start": TODAY}
    response = second.post(reverse("blocks:assign", args=[athlete.pk]), data)
    assert response.status_code == 302  # the token is the second coach's: accepted
    assert "Week 1 of 4" in block_card(detail(second, athlete))


def test_the_check_in_link_names_the_address_the_page_is_opened_at(coach_client, athlete):
    coach_client.post(reverse("checkins:create", args=[athlete.pk]))
    assert "http://testserver/c/" in checkin_card(detail(coach_client, athlete))
    html = coach_client.get(
        reverse("athletes:detail", args=[athlete.pk]), HTTP_HOST="localhost"
    ).content.decode()
    card = checkin_card(html)
    assert "http://localhost/c/" in card and "testserver" not in card


# --- the training block -----------------------------------------------------------------


def test_an_assigned_block_shows_on_the_next_view(coach_client, athlete):
    assert "No block running" in block_card(detail(coach_client, athlete))
    assert assign(coach_client, athlete, weeks="4").status_code == 302
    assert "Week 1 of 4" in block_card(detail(coach_client, athlete))


def test_an_ended_block_goes_on_the_next_view(coach_client, athlete):
    assign(coach_client, athlete, weeks="4")
    assert "Week 1 of 4" in block_card(detail(coach_client, athlete))
    made = TrainingBlock.objects.get()
    assert coach_client.post(reverse("blocks:end", args=[made.pk])).status_code == 302
    card = block_card(detail(coach_client, athlete))
    assert "No block running" in card and "Earlier blocks (1)" in card


def test_a_week_run_in_gym_mode_shows_done_on_the_next_view(coach_client, athlete):
    assign(coach_client, athlete, weeks="4")
    made = TrainingBlock.objects.get()
    assert "0 of 4 done" in block_card(detail(coach_client, athlete))
    data = {"s2-1-done": "1", "s2-1-reps": "10", "s2-1-load": "20"}
    assert run_week(coach_client, made, 1, data).status_code == 302
    assert "1 of 4 done" in block_card(detail(coach_client, athlete))


# --- recent sessions and check-ins ------------------------------------------------------


def test_a_logged_session_shows_in_recent_sessions_on_the_next_view(coach_client, athlete):
    assert "No session logged yet." in detail(coach_client, athlete)
    coach_client.post(reverse("athletes:log", args=[athlete.pk]), session_rows(1, load="42.5"))
    recent = part(detail(coach_client, athlete), "<h2>Recent sessions</h2>")
    assert "Good Morning: 10" in recent and "42.5 kg" in recent


def test_an_athletes_check_in_shows_in_the_latest_check_ins(coach_client, athlete):
    coach_client.post(reverse("athletes:log", args=[athlete.pk]), session_rows(1))
    raw = athletes.checkin_link_create(athlete=athlete)
    assert "No morning-after report yet." in checkin_card(detail(coach_client, athlete))
    Client().post(reverse("checkin", args=[raw]), {"pain_next_morning": "2", "felt": "easy"})
    card = checkin_card(detail(coach_client, athlete))
    assert "pain 2/10" in card and "felt easy" in card


# --- check-in links ---------------------------------------------------------------------


def test_a_shared_link_shows_with_its_qr_code_on_the_next_view(coach_client, athlete):
    assert "No active link." in checkin_card(detail(coach_client, athlete))
    coach_client.post(reverse("checkins:create", args=[athlete.pk]))
    card = checkin_card(detail(coach_client, athlete))
    assert "No active link." not in card and 'class="qr-code"' in card


def test_a_link_made_on_the_page_is_listed_on_the_next_view(coach_client, athlete):
    detail(coach_client, athlete)
    made = coach_client.post(reverse("athletes:checkin-link-create", args=[athlete.pk]))
    assert "New link: copy it now" in made.content.decode()
    card = checkin_card(detail(coach_client, athlete))
    assert "Link made " in card and "New link: copy it now" not in card


def test_a_revoked_link_goes_on_the_next_view(coach_client, athlete):
    coach_client.post(reverse("checkins:create", args=[athlete.pk]))
    assert 'class="qr-code"' in checkin_card(detail(coach_client, athlete))
    link = athlete.checkin_links.get()
    url = reverse("athletes:checkin-link-revoke", args=[athlete.pk, link.pk])
    assert coach_client.post(url).status_code == 302
    card = checkin_card(detail(coach_client, athlete))
    assert "No active link." in card and 'class="qr-code"' not in card


# --- clips ------------------------------------------------------------------------------


def test_an_uploaded_clip_shows_queued_on_the_next_view(coach_client, athlete):
    assert "hinge-side.mp4" not in clips_card(detail(coach_client, athlete))
    video = SimpleUploadedFile("hinge-side.mp4", MP4_HEAD + b"\0" * 64, content_type="video/mp4")
    response = coach_client.post(reverse("clips:upload", args=[athlete.pk]), {"file": video})
    assert response.status_code == 302
    card = clips_card(detail(coach_client, athlete))
    assert "hinge-side.mp4" in card and ">queued<" in card


def _finished(clip: Clip) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Stands in for the video adapter (tested with real footage in its own tests): the
    worker stores whatever report it returns."""
    return {"exercise": clip.exercise}, []


def test_the_worker_taking_a_clip_shows_it_running(coach_client, athlete, monkeypatch):
    clip = made_clip(athlete, status=Clip.Status.QUEUED)
    assert ">queued<" in clips_card(detail(coach_client, athlete))
    seen: list[str] = []

    def running(clip: Clip) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        seen.append(clips_card(detail(coach_client, athlete)))
        return _finished(clip)

    monkeypatch.setattr(analysis, "_run", running)
    monkeypatch.setattr(analysis, "_finish", lambda *args: None)  # the view mid-analysis
    analysis.clip_analyse(clip_id=clip.pk, attempt=clip.attempt)
    assert ">running<" in seen[0]


def test_a_clip_the_worker_finishes_shows_done_on_the_next_view(coach_client, athlete, monkeypatch):
    clip = made_clip(athlete, status=Clip.Status.RUNNING)
    assert ">running<" in clips_card(detail(coach_client, athlete))
    monkeypatch.setattr(analysis, "_run", _finished)
    # Back in the queue behind the page's back (no new version): the worker takes it,
    # and only the version change after the analysis can make the new status show.
    Clip.objects.filter(pk=clip.pk).update(status=Clip.Status.QUEUED)
    monkeypatch.setattr(analysis, "athlete_touch", _touch_after_start(athlete))
    analysis.clip_analyse(clip_id=clip.pk, attempt=clip.attempt)
    card = clips_card(detail(coach_client, athlete))
    assert 'chip warn">to review' in card  # done, waiting for the coach


def _touch_after_start(athlete: Athlete) -> Any:
    """``athlete_touch`` that skips its first call (the worker taking the clip), so only
    the one after the analysis can make the new status show."""
    calls = []

    def touch(*, athlete_id: int) -> None:
        calls.append(athlete_id)
        if len(calls) > 1:
            athletes.athlete_touch(athlete_id=athlete_id)

    return touch


def test_a_clip_the_worker_fails_shows_failed_on_the_next_view(coach_client, athlete, monkeypatch):
    clip = made_clip(athlete, status=Clip.Status.QUEUED)
    assert ">queued<" in clips_card(detail(coach_client, athlete))

    def broken(clip: Clip) -> Any:
        raise ValueError("no frames")

    monkeypatch.setattr(analysis, "_run", broken)
    monkeypatch.setattr(analysis, "athlete_touch", _touch_after_start(athlete))
    analysis.clip_analyse(clip_id=clip.pk, attempt=clip.attempt)
    assert 'chip bad">failed' in clips_card(detail(coach_client, athlete))


def test_a_stalled_clip_found_failed_shows_failed_on_the_next_view(coach_client, athlete):
    stuck = made_clip(athlete, status=Clip.Status.RUNNING, minutes_quiet=60)
    assert ">running<" in clips_card(detail(coach_client, athlete))
    clips.clips_fail_stalled()
    assert Clip.objects.get(pk=stuck.pk).status == Clip.Status.FAILED
    assert 'chip bad">failed' in clips_card(detail(coach_client, athlete))


def test_a_clip_tried_again_shows_queued_on_the_next_view(coach_client, athlete):
    clip = made_clip(athlete, status=Clip.Status.FAILED)
    assert 'chip bad">failed' in clips_card(detail(coach_client, athlete))
    assert coach_client.post(reverse("clips:retry", args=[clip.pk])).status_code == 302
    assert ">queued<" in clips_card(detail(coach_client, athlete))


def test_a_clip_analysed_again_as_another_exercise_shows_queued_on_the_next_view(
    coach_client, athlete
):
    clip = made_clip(athlete, status=Clip.Status.FAILED)
    assert 'chip bad">failed' in clips_card(detail(coach_client, athlete))
    url = reverse("clips:reanalyse", args=[clip.pk])
    assert coach_client.post(url, {"exercise": "deadlift"}).status_code == 302
    assert ">queued<" in clips_card(detail(coach_client, athlete))


def test_a_purged_clip_goes_on_the_next_view(coach_client, athlete):
    clip = made_clip(athlete, status=Clip.Status.DONE)
    assert "hinge-side.mp4" in clips_card(detail(coach_client, athlete))
    Clip.objects.filter(pk=clip.pk).update(created=timezone.now() - dt.timedelta(days=91))
    assert clips.clips_purge(older_than_days=90).clips == 1
    assert "hinge-side.mp4" not in clips_card(detail(coach_client, athlete))
