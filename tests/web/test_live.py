"""Live mode's pages and JSON endpoints through Django's test client: team-scoped, CSRF
checked, every refusal JSON naming its field, each picture's landmarks kept in the
database (never a worker's memory), the set's reps and cues from the core's rules."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from pathlib import Path

import cv2
import numpy as np
import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from hingecoach.core.kinematics.live import RepCue
from hingecoach.web.live import services
from hingecoach.web.live.models import LivePicture, LiveSession
from hingecoach.web.teams import services as teams

SHARED_CLIP = (
    Path(__file__).resolve().parents[2].parent / "shared" / "video" / "deadlift-4reps-portrait.mp4"
)


def jpeg(width: int = 180, height: int = 320, image: np.ndarray | None = None) -> bytes:
    picture = np.full((height, width, 3), 128, np.uint8) if image is None else image
    ok, data = cv2.imencode(".jpg", picture, [cv2.IMWRITE_JPEG_QUALITY, 70])
    assert ok
    return data.tobytes()


def start(client: Client, athlete) -> str:
    response = client.post(reverse("live:start", args=[athlete.pk]))
    assert response.status_code == 201, response.content
    return response.json()["session"]


def send(client: Client, athlete, key: str, data: bytes, t_ms: object = 0, **extra):
    url = reverse("live:picture", args=[athlete.pk, key])
    return client.post(f"{url}?t_ms={t_ms}", data=data, content_type="image/jpeg", **extra)


def test_the_athlete_page_offers_filming_and_live_mode(coach_client, athlete):
    page = coach_client.get(reverse("athletes:detail", args=[athlete.pk])).content.decode()
    assert reverse("live:film", args=[athlete.pk]) in page
    assert reverse("live:page", args=[athlete.pk]) in page


def test_the_film_page_opens_the_rear_camera_into_the_ordinary_upload(coach_client, athlete):
    page = coach_client.get(reverse("live:film", args=[athlete.pk])).content.decode()
    assert 'capture="environment"' in page and 'accept="video/*"' in page
    assert f'action="{reverse("clips:upload", args=[athlete.pk])}"' in page
    assert "Side-on" in page and "Whole body" in page and "Phone still" in page


def test_a_picture_without_anyone_is_kept_as_an_empty_frame(coach_client, athlete):
    key = start(coach_client, athlete)
    answer = send(coach_client, athlete, key, jpeg(), t_ms=0)
    assert answer.status_code == 200, answer.content
    body = answer.json()
    assert body["points"] is None and body["reps"] == 0 and body["cues"] == []
    stored = LivePicture.objects.get(session__key=key)
    assert stored.index == 0 and stored.frame is None


def test_each_picture_lands_on_its_frame_of_the_track(coach_client, athlete):
    key = start(coach_client, athlete)
    for t_ms in (0, 120, 390):
        assert send(coach_client, athlete, key, jpeg(), t_ms=t_ms).status_code == 200
    indices = list(LivePicture.objects.filter(session__key=key).values_list("index", flat=True))
    assert indices == [0, 1, 4]  # 10 frames a second


@pytest.mark.parametrize(
    ("data", "t_ms", "field"),
    [
        (b"not a picture", 0, "frame"),
        (jpeg(), "soon", "t_ms"),
        (jpeg(), "", "t_ms"),
        (jpeg(), -5, "t_ms"),
        (jpeg(), 10**9, "t_ms"),
        (jpeg(width=700, height=400), 0, "frame"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(coach_client, athlete, data, t_ms, field):
    key = start(coach_client, athlete)
    answer = send(coach_client, athlete, key, data, t_ms=t_ms)
    assert answer.status_code == 400
    assert answer.json()["field"] == field
    assert answer.json()["message"]
    assert not LivePicture.objects.filter(session__key=key).exists()


def test_a_picture_sent_twice_or_of_another_size_is_refused(coach_client, athlete):
    key = start(coach_client, athlete)
    assert send(coach_client, athlete, key, jpeg(), t_ms=100).status_code == 200
    again = send(coach_client, athlete, key, jpeg(), t_ms=100)
    assert (again.status_code, again.json()["field"]) == (400, "t_ms")
    other = send(coach_client, athlete, key, jpeg(width=320, height=180), t_ms=300)
    assert (other.status_code, other.json()["field"]) == (400, "frame")
    assert "180x320" in other.json()["message"]


def test_a_picture_over_the_size_limit_is_refused_unread(coach_client, athlete):
    key = start(coach_client, athlete)
    big = b"\xff" * (256 * 1024 + 1)
    answer = send(coach_client, athlete, key, big)
    assert (answer.status_code, answer.json()["field"]) == (413, "frame")


def test_pictures_sent_too_fast_are_refused(coach_client, athlete, monkeypatch):
    monkeypatch.setattr("hingecoach.web.live.views.MAX_RATE", 2)
    monkeypatch.setattr("hingecoach.web.live.views.time.time", lambda: 1_000_000.5)
    key = start(coach_client, athlete)
    codes = [send(coach_client, athlete, key, jpeg(), t_ms=100 * n).status_code for n in range(3)]
    assert codes == [200, 200, 429]


def test_another_teams_athlete_is_a_404_on_every_page_and_endpoint(coach_client, stranger, athlete):
    for name in ("live:page", "live:film"):
        assert coach_client.get(reverse(name, args=[stranger.pk])).status_code == 404
    answer = coach_client.post(reverse("live:start", args=[stranger.pk]))
    assert (answer.status_code, answer.json()["field"]) == (404, "athlete")
    key = start(coach_client, athlete)  # a session of my athlete, asked for under theirs
    answer = send(coach_client, stranger, key, jpeg())
    assert answer.status_code == 404
    summary = coach_client.get(reverse("live:summary", args=[stranger.pk, key]))
    assert summary.status_code == 404


def test_another_teams_coach_cannot_reach_a_session(athlete, stranger, coach_client):
    key = start(coach_client, athlete)
    other = Client()
    other.force_login(
        teams.coach_create(team=stranger.team, username="zoe", password="a-long-test-password-2026")
    )
    assert send(other, athlete, key, jpeg()).status_code == 404
    assert other.get(reverse("live:summary", args=[athlete.pk, key])).status_code == 404
    assert not LivePicture.objects.filter(session__key=key).exists()


def test_signed_out_and_forged_requests_get_json_refusals(athlete, coach):
    signed_out = Client()
    answer = signed_out.post(reverse("live:start", args=[athlete.pk]))
    assert (answer.status_code, answer.json()["field"]) == (401, "session")
    forged = Client(enforce_csrf_checks=True)
    forged.force_login(coach)
    answer = forged.post(reverse("live:start", args=[athlete.pk]))
    assert (answer.status_code, answer.json()["field"]) == (403, "csrf")
    assert not LiveSession.objects.exists()


def test_the_page_carries_its_token_for_the_script(coach, athlete):
    client = Client(enforce_csrf_checks=True)
    client.force_login(coach)
    page = client.get(reverse("live:page", args=[athlete.pk]))
    token = page.context["csrf_token"]
    answer = client.post(reverse("live:start", args=[athlete.pk]), HTTP_X_CSRFTOKEN=str(token))
    assert answer.status_code == 201


def test_old_sessions_are_purged_when_a_new_one_starts(coach_client, athlete):
    old = LiveSession.objects.create(athlete=athlete, exercise="bodyweight-hip-hinge")
    LiveSession.objects.filter(pk=old.pk).update(
        created=timezone.now() - dt.timedelta(hours=services.LIVE_KEEP_HOURS + 1)
    )
    start(coach_client, athlete)
    assert not LiveSession.objects.filter(pk=old.pk).exists()


@pytest.mark.video
@pytest.mark.skipif(not SHARED_CLIP.exists(), reason=f"{SHARED_CLIP} is not here")
def test_a_real_lifter_is_found_and_the_angles_answered(coach_client, athlete):
    capture = cv2.VideoCapture(str(SHARED_CLIP))
    key = start(coach_client, athlete)
    body = {}
    for n in range(8):
        ok, image = capture.read()
        assert ok
        small = cv2.resize(image, (180, 320), interpolation=cv2.INTER_AREA)
        answer = send(coach_client, athlete, key, jpeg(image=small), t_ms=100 * n)
        assert answer.status_code == 200, answer.content
        body = answer.json()
    assert body["points"] is not None and len(body["points"]) == 33
    assert all(0 <= x <= 1.2 and 0 <= y <= 1.2 for x, y, _ in body["points"][11:29])
    assert body["angles"]["trunk"] is not None, body["problem"]
    summary = coach_client.get(reverse("live:summary", args=[athlete.pk, key])).json()
    assert summary == {"reps": 0, "cues": []}  # eight pictures: no rep yet


def test_ending_the_set_answers_the_summary_and_only_by_post(coach_client, athlete):
    key = start(coach_client, athlete)
    assert send(coach_client, athlete, key, jpeg()).status_code == 200
    url = reverse("live:end", args=[athlete.pk, key])
    assert coach_client.get(url).status_code == 405
    answer = coach_client.post(url)
    assert answer.status_code == 200
    assert answer.json() == {"reps": 0, "cues": []}


def test_the_summary_is_the_set_as_cued(coach_client, athlete):
    cues = [
        RepCue(1, 2.1, None, None, None, 0, read=True),
        RepCue(2, 5.4, "no-counterbalance", "No counterbalance", "Reach back.", 1, read=True),
        RepCue(3, 8.0, None, None, None, 0, read=False),
    ]
    session = LiveSession.objects.create(
        athlete=athlete, exercise="bodyweight-hip-hinge", cued=3, cues=[asdict(cue) for cue in cues]
    )
    summary = coach_client.get(reverse("live:summary", args=[athlete.pk, session.key]))
    body = summary.json()
    assert body["reps"] == 3
    assert [cue["headline"] for cue in body["cues"]] == [
        "Rep 1: no fault seen",
        "Rep 2: No counterbalance (+1 more)",
        "Rep 3: counted, legs hidden, faults not read",
    ]
    assert body["cues"][1]["fix"] == "Reach back."


def test_both_filming_pages_ask_which_exercise_is_filmed_the_test_first(coach_client, athlete):
    for name in ("live:page", "live:film"):
        page = coach_client.get(reverse(name, args=[athlete.pk])).content.decode()
        assert 'name="exercise"' in page and "Exercise filmed" in page
        assert '<option value="bodyweight-hip-hinge" selected>' in page
        assert '<option value="deadlift">' in page


def test_a_set_is_read_as_the_exercise_it_was_started_for(coach_client, athlete):
    url = reverse("live:start", args=[athlete.pk])
    answer = coach_client.post(url, {"exercise": "deadlift"}, content_type="application/json")
    assert answer.status_code == 201, answer.content
    assert LiveSession.objects.get(key=answer.json()["session"]).exercise == "deadlift"
    plain = start(coach_client, athlete)  # no body: the test
    assert LiveSession.objects.get(key=plain).exercise == "bodyweight-hip-hinge"


@pytest.mark.parametrize(
    ("body", "field"),
    [('{"exercise": "front-squat"}', "exercise"), ("not json", "body"), ("[1]", "body")],
)
def test_a_set_started_for_no_known_exercise_is_refused_naming_the_field(
    coach_client, athlete, body, field
):
    before = LiveSession.objects.count()
    url = reverse("live:start", args=[athlete.pk])
    answer = coach_client.post(url, body, content_type="application/json")
    assert answer.status_code == 400
    assert answer.json()["field"] == field, answer.json()
    assert "front-squat" in answer.json()["message"] or field == "body"
    assert LiveSession.objects.count() == before
