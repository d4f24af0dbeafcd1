"""A clip the coach has looked at leaves Today's clips to review without becoming a test:
marked reviewed (and undone), with who and when in the audit trail; the clip stays
viewable. A clip that could judge nothing says plainly what the coach can do. Analysing a
clip again as another exercise is in the audit trail too. Real SQLite file, the Django
test client, real django-tasks-db rows (no worker runs them here)."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
from auditlog.models import LogEntry
from django.test import Client
from django.urls import reverse
from tests.web.stored_clips import DB_TASKS, stored_clip

from hingecoach.core.kinematics import FAULT_IDS
from hingecoach.web.clips.models import Clip

WHY = "could not be measured in any rep: the legs could not be followed"


def _rep(start: float) -> dict:
    """A rep found by the trunk alone, no fault measured in it (legs behind plates)."""
    return {
        "start_s": start,
        "bottom_s": start + 1,
        "end_s": start + 2,
        "hip_rom_deg": 100.0,
        "max_trunk_deg": 80.0,
        "tempo": {"down_s": 1.0, "up_s": 1.0},
        "measures": {},
        "faults": [],
    }


# As the worker stored it for the real four-rep deadlift clip filmed as the test: reps
# counted, every fault not assessed.
NOTHING_JUDGED = {
    "clip": {"fps": 15.0, "frames": 60, "duration_s": 4.0, "width": 720, "height": 1280},
    "exercise": "bodyweight-hip-hinge",
    "assessable": True,
    "reason": None,
    "side": "left",
    "series": {
        "t_s": [],
        "hip_deg": [],
        "knee_deg": [],
        "trunk_deg": [],
        "shin_deg": [],
        "hip_back_leg": [],
        "weight_foot": [],
    },
    "reps": [_rep(0.0), _rep(2.0)],
    "faults": [],
    "not_assessed": [{"fault": fault, "why": WHY} for fault in FAULT_IDS],
}


@pytest.fixture(autouse=True)
def _clips_settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "uploads"
    settings.TASKS = DB_TASKS
    return settings


def _clip(athlete, *, status=Clip.Status.DONE, **fields) -> Clip:
    report = NOTHING_JUDGED if status == Clip.Status.DONE else None
    return stored_clip(athlete, status=status, name="deadlift.mp4", report=report, **fields)


def _page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _clip_page(client: Client, clip: Clip) -> str:
    return _page(client, reverse("clips:detail", args=[clip.pk]))


def _mark(client: Client, clip: Clip, reviewed: str = "yes") -> str:
    url = reverse("clips:reviewed", args=[clip.pk])
    response = client.post(url, {"reviewed": reviewed}, follow=True)
    assert response.redirect_chain == [(reverse("clips:detail", args=[clip.pk]), 302)]
    return response.content.decode()


def _today(client: Client) -> str:
    return _page(client, reverse("today:page"))


def _clip_list(client: Client, athlete) -> str:
    html = _page(client, reverse("athletes:detail", args=[athlete.pk]))
    start = html.index('id="clips"')
    return html[start : html.index("</section>", start)]


def _text(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def _audit(client: Client) -> str:
    return _text(_page(client, reverse("audit:list")))


def test_a_clip_marked_reviewed_leaves_today_and_stays_viewable(coach_client, athlete):
    clip = _clip(athlete)
    assert "1 clip to review" in _today(coach_client)
    assert "to review" in _clip_list(coach_client, athlete)

    page = _text(_mark(coach_client, clip))

    assert "Marked reviewed: the clip is off Today's list" in page
    assert "Marked reviewed by cole on" in page and "Undo: back to review" in page
    kept = (clip.created + dt.timedelta(days=90)).date()
    assert f"stays viewable here until {kept.day} {kept:%b %Y}" in page
    clip.refresh_from_db()
    assert clip.reviewed_at is not None and clip.reviewed_by.get_username() == "cole"
    assert clip.test_id is None
    assert "clip to review" not in _today(coach_client)
    listed = _text(_clip_list(coach_client, athlete))
    assert "reviewed" in listed and "to review" not in listed
    assert "Clip analysis" in _clip_page(coach_client, clip)
    assert coach_client.get(reverse("clips:video", args=[clip.pk])).status_code == 404  # none


def test_undo_puts_the_clip_back_on_today(coach_client, athlete):
    clip = _clip(athlete)
    _mark(coach_client, clip)

    page = _text(_mark(coach_client, clip, "no"))

    assert "No longer marked reviewed: the clip waits on Today again." in page
    assert "Mark reviewed" in page
    clip.refresh_from_db()
    assert clip.reviewed_at is None and clip.reviewed_by is None
    assert "1 clip to review" in _today(coach_client)
    assert "to review" in _clip_list(coach_client, athlete)


def test_marking_and_undoing_are_in_the_audit_trail_with_who_and_when(
    coach_client, head_client, athlete
):
    clip = _clip(athlete)
    _mark(coach_client, clip)
    _mark(coach_client, clip, "no")

    entries = list(
        LogEntry.objects.filter(
            content_type__model="clip", object_pk=str(clip.pk), action=LogEntry.Action.UPDATE
        ).order_by("id")
    )
    assert [entry.actor.get_username() for entry in entries] == ["cole", "cole"]
    marked, undone = (entry.changes for entry in entries)
    assert set(marked) == {"reviewed_at", "reviewed_by"} and marked["reviewed_at"][0] == "None"
    assert undone["reviewed_at"][1] == "None"
    assert entries[0].additional_data == {"team": athlete.team_id, "athlete": athlete.pk}
    trail = _audit(head_client)
    assert "clip deadlift.mp4 for Maya Ortiz" in trail
    assert "reviewed by : – → cole" in trail and "reviewed by : cole → –" in trail


def test_only_an_analysed_clip_waiting_for_review_can_be_marked(coach_client, athlete):
    queued = _clip(athlete, status=Clip.Status.QUEUED)
    page = _text(_mark(coach_client, queued))
    assert "only an analysed clip can be marked reviewed" in page
    queued.refresh_from_db()
    assert queued.reviewed_at is None

    url = reverse("clips:reviewed", args=[queued.pk])
    assert coach_client.get(url).status_code == 405
    assert not LogEntry.objects.filter(
        content_type__model="clip", action=LogEntry.Action.UPDATE
    ).exists()


def test_another_teams_clip_cannot_be_marked(coach_client, stranger):
    clip = _clip(stranger)
    response = coach_client.post(reverse("clips:reviewed", args=[clip.pk]), {"reviewed": "yes"})
    assert response.status_code == 404
    clip.refresh_from_db()
    assert clip.reviewed_at is None


def test_a_clip_that_judged_nothing_says_what_the_coach_can_do(coach_client, athlete):
    clip = _clip(athlete)

    page = _clip_page(coach_client, clip)

    what = _text(
        page[
            page.index('id="clip-what-now"') : page.index(
                "</section>", page.index('id="clip-what-now"')
            )
        ]
    )
    assert "Nothing in this clip could be judged" in what
    assert "record the test by eye" in what and "open the test form" in what
    assert (
        "Film it again so it can be: plates or a bar hid the legs and hips, so film a "
        "bodyweight test, or a light set with small plates. Upload the new clip"
    ) in what
    assert "mark it reviewed" in what
    assert reverse("athletes:test", args=[athlete.pk]) in page
    assert reverse("clips:upload", args=[athlete.pk]) in page


# As the worker stored the real clip analysed as a deadlift: the feet seldom seen too.
FEET = "feet not clearly visible: the left heel and toe are seen in only 20% of the frames"


def test_a_deadlift_that_judged_nothing_says_how_to_film_it_again(coach_client, athlete):
    unseen = {"weight-forward": FEET, "toes-lift": FEET}
    report = {
        **NOTHING_JUDGED,
        "exercise": "deadlift",
        "not_assessed": [{"fault": f, "why": unseen.get(f, WHY)} for f in FAULT_IDS],
    }
    clip = stored_clip(athlete, status=Clip.Status.DONE, exercise="deadlift", report=report)

    what = _what_now(_clip_page(coach_client, clip))

    assert "coach from what you see" in what
    assert (
        "Film it again so it can be: plates or a bar hid the legs and hips, so film a "
        "bodyweight test, or a light set with small plates; the feet were not seen, so keep "
        "both feet in the frame and in good light, with nothing in front of them."
    ) in what


def test_a_clip_with_no_rep_keeps_the_general_way_to_film(coach_client, athlete):
    report = {**NOTHING_JUDGED, "reps": []}
    clip = stored_clip(athlete, status=Clip.Status.DONE, report=report)
    what = _what_now(_clip_page(coach_client, clip))
    assert "Film again from the side" in what and "in front of the feet" in what
    assert "Film it again so it can be" not in what


def _what_now(page: str) -> str:
    start = page.index('id="clip-what-now"')
    return _text(page[start : page.index("</section>", start)])


def test_a_clip_with_verdicts_does_not_say_nothing_was_judged(coach_client, athlete):
    judged = {**NOTHING_JUDGED, "not_assessed": []}
    judged["reps"] = [{**_rep(0.0), "measures": {fault: -1.0 for fault in FAULT_IDS}}]
    clip = stored_clip(athlete, status=Clip.Status.DONE, report=judged)
    page = _clip_page(coach_client, clip)
    assert 'id="clip-what-now"' not in page and 'id="clip-review"' in page


def test_analysing_again_as_another_exercise_is_in_the_audit_trail(
    coach_client, head_client, athlete
):
    clip = _clip(athlete)
    url = reverse("clips:reanalyse", args=[clip.pk])

    coach_client.post(url, {"exercise": "romanian-deadlift"})

    clip.refresh_from_db()
    assert clip.exercise == "romanian-deadlift" and clip.status == Clip.Status.QUEUED
    entry = LogEntry.objects.filter(content_type__model="clip").latest("id")
    assert entry.actor.get_username() == "cole"
    assert entry.changes["exercise"] == ["bodyweight-hip-hinge", "romanian-deadlift"]
    assert entry.additional_data == {"team": athlete.team_id, "athlete": athlete.pk}
    trail = _audit(head_client)
    assert "exercise : Bodyweight Standing Hip Hinge → Romanian Deadlift" in trail


def test_analysing_again_puts_a_reviewed_clip_back_to_review(coach_client, coach, athlete):
    clip = _clip(athlete)
    _mark(coach_client, clip)
    coach_client.post(reverse("clips:reanalyse", args=[clip.pk]), {"exercise": "deadlift"})
    clip.refresh_from_db()
    assert clip.status == Clip.Status.QUEUED and clip.reviewed_at is None
    entry = LogEntry.objects.filter(content_type__model="clip").latest("id")
    assert entry.changes["reviewed_by"] == [str(coach.pk), "None"]


def test_a_clip_whose_video_is_not_here_does_not_say_watch_it_below(coach_client, athlete):
    """As after an import: the report came, the annotated video did not."""
    clip = _clip(athlete, annotated=True)
    assert not clip.annotated_path.exists()
    page = _text(_clip_page(coach_client, clip))
    assert "The video is not in this data folder" in page
    assert "Watch the clip below" not in page
    assert "Bring the clip's video into this data folder (see below), watch it, and record" in page
    clip.annotated_path.write_bytes(b"webm")
    for number in range(len(clip.frames)):
        clip.frame_path(number).write_bytes(b"jpeg")
    page = _text(_clip_page(coach_client, clip))
    assert "Watch the clip below and record the test by eye" in page
