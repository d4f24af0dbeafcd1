"""Saving a clip as a test: never a pass on no evidence (DOMAIN.md section 5).

The reports are the kinematics' own, made from generated landmark tracks (no pose
model); the page and the POST are the real ones.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import escape

from hingecoach.core import default_catalog
from hingecoach.core.kinematics import Landmark, analyze_track
from hingecoach.synthetic import ClipSpec, generate_clip
from hingecoach.web.athletes import services as athletes
from hingecoach.web.athletes.models import HingeTest
from hingecoach.web.clips import services
from hingecoach.web.clips.evidence import NO_JUDGED_REP, NO_REPS, NOT_ASSESSABLE
from hingecoach.web.clips.models import Clip

CATALOG = default_catalog()

KNEES_FORWARD = ClipSpec(
    faults=frozenset({"knee-dominant"}), outline="none", noise=0.0, drop_rate=0.0, seed=3
)  # the back's outline unseen: lumbar unjudged
WALK = ClipSpec(kind="walk", seed=3)
FRONT = ClipSpec(view="front", seed=3)
UNJUDGED = ("lumbar-flexion", "lumbar-extension")
JUDGED_ABSENT = ("no-counterbalance", "weight-forward", "toes-lift")
TODAY = dt.date.today().isoformat()


def _report(spec: ClipSpec, *, hide_legs: bool = False) -> dict:
    track, _ = generate_clip(spec)
    if hide_legs:  # plates in front of the legs: reps counted by the trunk alone
        for frame in track.frames:
            for name, mark in list(frame.landmarks.items()) if frame else []:
                if name.endswith(("_knee", "_ankle", "_heel", "_foot_index")):
                    frame.landmarks[name] = Landmark(mark.x, mark.y, 0.1)
    return analyze_track(track, catalog=CATALOG).model_dump(mode="json")


REPORTS = {
    "knees forward": lambda: _report(KNEES_FORWARD),
    "no hinge": lambda: _report(WALK),
    "front view": lambda: _report(FRONT),
    "legs hidden": lambda: _report(
        ClipSpec(reps=2, noise=0.0, drop_rate=0.0, seed=13), hide_legs=True
    ),
}


NO_JUDGED_REPS = [
    ("no hinge", NO_REPS),
    ("front view", NOT_ASSESSABLE),
    ("legs hidden", NO_JUDGED_REP),
]


def _clip(athlete, report: str, exercise: str = "bodyweight-hip-hinge") -> Clip:
    return Clip.objects.create(
        athlete=athlete,
        extension="mp4",
        exercise=exercise,
        original_name="hinge.mp4",
        status=Clip.Status.DONE,
        progress=100,
        report=REPORTS[report](),
    )


def _page(client, clip) -> str:
    response = client.get(reverse("clips:detail", args=[clip.pk]))
    assert response.status_code == 200
    return response.content.decode()


def _save(client, clip, **verdicts: str):
    data = {"date": TODAY, "notes": "", **{f.replace("_", "-"): v for f, v in verdicts.items()}}
    return client.post(reverse("clips:save-test", args=[clip.pk]), data)


def _radios(page: str, fault: str) -> list[str]:
    return re.findall(rf'<input type="radio" name="{fault}"[^>]*>', page)


def _all(value: str, faults=(*UNJUDGED, *JUDGED_ABSENT, "knee-dominant")) -> dict[str, str]:
    return {fault.replace("-", "_"): value for fault in faults}


@pytest.mark.parametrize(("report", "why"), NO_JUDGED_REPS, ids=lambda value: value[:12])
def test_a_clip_with_no_judged_rep_offers_no_save_and_says_why(coach_client, athlete, report, why):
    page = _page(coach_client, _clip(athlete, report))
    assert escape(why) in page
    assert "Save as test</button>" not in page and 'type="radio"' not in page
    assert reverse("athletes:test", args=[athlete.pk]) in page


@pytest.mark.parametrize(("report", "why"), NO_JUDGED_REPS, ids=lambda value: value[:12])
def test_a_crafted_post_cannot_save_a_pass_from_a_clip_with_no_judged_rep(
    coach_client, athlete, report, why
):
    clip = _clip(athlete, report)
    response = _save(coach_client, clip, **_all("not-seen"))
    assert response.status_code == 400
    assert escape(why) in response.content.decode()
    assert not HingeTest.objects.exists()
    athlete.refresh_from_db()
    assert athlete.last_test_passed is None


def test_the_form_leaves_each_unjudged_fault_unchosen_and_fills_in_the_clips_verdicts(
    coach_client, athlete
):
    page = _page(coach_client, _clip(athlete, "knees forward"))
    for fault in UNJUDGED:
        radios = _radios(page, fault)
        assert len(radios) == 2 and not any("checked" in radio for radio in radios)
    assert "checked" in _radios(page, "knee-dominant")[0]  # seen
    for fault in JUDGED_ABSENT:
        assert "checked" in _radios(page, fault)[1]  # not seen
    assert "you confirm by eye that “Back rounds” was not seen" in page
    assert "The clip could not judge it (back outline not visible" in page
    assert "The clip saw it in reps 1, 2." in page


@pytest.mark.parametrize("left_out", [UNJUDGED[0], UNJUDGED[1], "toes-lift"])
def test_a_pass_needs_a_verdict_on_every_fault_and_none_is_read_as_absent(
    coach_client, athlete, left_out
):
    clip = _clip(athlete, "knees forward")
    verdicts = {k: v for k, v in _all("not-seen").items() if k != left_out.replace("-", "_")}
    response = _save(coach_client, clip, **verdicts)
    assert response.status_code == 400
    page = response.content.decode()
    if left_out in UNJUDGED:
        assert "the clip could not judge it: say whether you saw it yourself" in page
    else:
        assert "say whether it was seen (the clip&#x27;s verdict was filled in for you)" in page
    assert not HingeTest.objects.exists()


def test_a_verdict_that_is_neither_seen_nor_not_seen_is_a_field_error(coach_client, athlete):
    clip = _clip(athlete, "knees forward")
    response = _save(coach_client, clip, **{**_all("not-seen"), "lumbar_flexion": "absent"})
    assert response.status_code == 400
    assert "<strong>Back rounds:</strong> Select a valid choice." in response.content.decode()
    assert not HingeTest.objects.exists()


def test_a_pass_confirmed_fault_by_fault_is_saved_with_what_the_coach_judged_by_eye(
    coach_client, athlete
):
    clip = _clip(athlete, "knees forward")
    response = _save(coach_client, clip, **_all("not-seen"))  # overrules the clip's knees
    assert response.status_code == 302 and response.url == f"/athletes/{athlete.pk}/"
    test = HingeTest.objects.get()
    assert test.passed and test.from_clip
    assert test.by_eye == [*UNJUDGED, "knee-dominant"]
    clip.refresh_from_db()
    assert clip.test == test
    athlete.refresh_from_db()
    assert athlete.last_test_passed is True
    shown = coach_client.get(response.url).content.decode()
    assert (
        "Test recorded from the clip: passed. You confirmed by eye that “Back rounds” "
        "was not seen, “Back over-arches” was not seen and “Turns into a squat” was "
        "not seen."
    ) in shown


def test_a_fault_seen_by_eye_fails_the_test_with_the_clips_own_finding(coach_client, athlete):
    clip = _clip(athlete, "knees forward")
    response = _save(
        coach_client,
        clip,
        **{**_all("not-seen"), "lumbar_flexion": "seen", "knee_dominant": "seen"},
    )
    assert response.status_code == 302
    test = HingeTest.objects.get()
    assert not test.passed
    assert test.faults == ["lumbar-flexion", "knee-dominant"]
    assert test.by_eye == list(UNJUDGED)
    page = _page(coach_client, clip)
    assert "failed" in page and "“Back rounds” seen; “Back over-arches” not seen" in page
    assert "Save as test</button>" not in page


def test_a_clip_saved_once_cannot_be_saved_again(coach_client, athlete):
    clip = _clip(athlete, "knees forward")
    assert _save(coach_client, clip, **_all("not-seen")).status_code == 302
    again = _save(coach_client, clip, **_all("not-seen"))
    assert again.status_code == 400
    assert "this clip was already saved as a test" in again.content.decode()
    assert HingeTest.objects.count() == 1


def test_another_exercise_shows_the_fix_and_cannot_be_saved_as_a_test(coach_client, athlete):
    clip = _clip(athlete, "knees forward", exercise="romanian-deadlift")
    page = _page(coach_client, clip)
    assert "What to coach" in page and "Keep a soft, fixed knee" in page
    assert "Save as test</button>" not in page
    response = _save(coach_client, clip, **_all("not-seen"))
    assert response.status_code == 400
    assert "only a clip of the bodyweight hip hinge test can be saved" in response.content.decode()
    assert not HingeTest.objects.exists()


def test_the_service_names_each_fault_left_without_a_verdict(athlete):
    clip = _clip(athlete, "knees forward")
    verdicts = {fault: False for fault in ("knee-dominant", *JUDGED_ABSENT)}
    with pytest.raises(ValidationError) as refused:
        services.clip_save_test(clip=clip, date=dt.date.today(), verdicts=verdicts)
    assert refused.value.message_dict == {
        fault: ["the clip could not judge it: say whether you saw it yourself"]
        for fault in UNJUDGED
    }
    with pytest.raises(ValidationError, match="'squat' is not a fault of the test"):
        services.clip_save_test(
            clip=clip, date=dt.date.today(), verdicts={**verdicts, "squat": False}
        )
    assert not HingeTest.objects.exists()


def test_a_test_recorded_by_hand_is_not_marked_as_from_a_clip(athlete):
    test = athletes.test_record(athlete=athlete, date=dt.date.today(), faults=[])
    assert not test.from_clip and test.by_eye == []
