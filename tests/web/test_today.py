"""The Today page: who needs the coach and why, the squad on the ladder, the faults seen."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hingecoach.web.athletes import services as athletes
from hingecoach.web.athletes.models import Athlete
from hingecoach.web.clips.models import Clip

from .conftest import PASSWORD, born

pytestmark = pytest.mark.django_db
TODAY = dt.date.today()


def days_ago(n: int) -> dt.date:
    return TODAY - dt.timedelta(days=n)


def person(team, name: str, **profile) -> Athlete:
    return athletes.athlete_create(team=team, name=name, date_of_birth=born(30), **profile)


def session(athlete, *, day: int, during: int | None = None, morning: int | None = None, by=None):
    return athletes.session_log(
        athlete=athlete,
        date=days_ago(day),
        pain_during=during,
        pain_next_morning=morning,
        by=by,
        exercises=[{"exercise": "good-morning", "sets": 3, "reps": [10, 10, 10], "load_kg": 20}],
    )


def today_html(client, **params) -> str:
    response = client.get(reverse("today:page"), params)
    assert response.status_code == 200
    return response.content.decode()


def row_of(html: str, name: str) -> str:
    """The attention row that names ``name`` (empty when there is none)."""
    start = html.find(f"<strong>{name}</strong>")
    if start < 0 or start > html.find('id="squad-title"'):
        return ""
    return html[start : html.find("</li>", start)]


def test_signing_in_lands_on_today(client, coach):
    response = client.post(reverse("login"), {"username": "cole", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("today:page")
    assert client.get("/").headers["Location"] == reverse("today:page")


def test_a_red_flag_refers_and_says_load_nothing(team, head_client):
    person(team, "Rita Flag", red_flags=["fever"])
    assert "Refer: load nothing" in row_of(today_html(head_client), "Rita Flag")


def test_a_pain_flare_after_the_last_session_is_flagged(team, head_client):
    session(person(team, "Fay Flare"), day=1, during=7)
    assert "Pain flare after the last session" in row_of(today_html(head_client), "Fay Flare")


def test_pain_rising_week_on_week_is_flagged_only_above_the_safe_zone(team, head_client):
    rising, calm = person(team, "Ray Rising"), person(team, "Cal Calm")
    session(rising, day=10, during=1, morning=1)
    session(rising, day=2, during=4, morning=2)
    session(calm, day=10, during=0, morning=0)
    session(calm, day=5, during=2, morning=1)
    html = today_html(head_client)
    assert "Pain rising: 4/10 this week, 1/10 the week before" in row_of(html, "Ray Rising")
    assert row_of(html, "Cal Calm") == ""


def test_a_failed_test_names_its_faults(team, head_client):
    athlete = person(team, "Tess Failed")
    athletes.test_record(athlete=athlete, date=days_ago(3), faults=["toes-lift"])
    assert "Test failed" in row_of(today_html(head_client), "Tess Failed")
    assert "Big toes lift" in row_of(today_html(head_client), "Tess Failed")


def test_an_overdue_retest_and_a_first_test_ready_are_flagged(team, head_client, athlete):
    overdue = person(team, "Otto Overdue")
    athletes.test_record(athlete=overdue, date=days_ago(30), faults=[])
    html = today_html(head_client)
    assert "Re-test due: last passed" in row_of(html, "Otto Overdue")
    assert "Ready for a first test" in row_of(html, athlete.name)


def test_a_check_in_and_a_clip_to_review_lead_to_the_athlete_and_the_clip(team, head_client):
    athlete = person(team, "Cleo Checkin")
    done = session(athlete, day=1, during=1)
    athletes.checkin_submit(athlete=athlete, pain_next_morning=1, felt="hard")
    clip = Clip.objects.create(
        athlete=athlete, extension="mp4", exercise="bodyweight-hip-hinge", status=Clip.Status.DONE
    )
    row = row_of(today_html(head_client), "Cleo Checkin")
    assert f"Checked in: 1/10 the morning after {done.date:%a} {done.date.day}" in row
    assert "felt hard" in row and "1 clip to review" in row
    html = today_html(head_client)
    assert reverse("athletes:detail", args=[athlete.pk]) in html
    assert reverse("clips:detail", args=[clip.pk]) in html


def test_nobody_flagged_says_so_and_another_teams_athletes_never_show(team, head_client, stranger):
    athletes.athlete_update(athlete=stranger, red_flags=["fever"])
    person(team, "Quiet Quinn")
    html = today_html(head_client)
    assert "Nobody is flagged" in html and "Zed Outsider" not in html


def test_the_most_urgent_come_first(team, head_client):
    session(person(team, "Aaron Flare"), day=1, during=8)
    person(team, "Zoe Refer", red_flags=["night-pain"])
    html = today_html(head_client)
    assert html.index("Zoe Refer") < html.index("Aaron Flare")


def test_a_coach_sees_the_athletes_they_work_with_and_can_switch_to_the_team(
    team, coach, coach_client
):
    mine, other = person(team, "Mia Mine"), person(team, "Otis Other")
    athletes.test_record(athlete=other, date=days_ago(2), faults=["toes-lift"])
    html = today_html(coach_client)
    assert "this is the whole team" in html and "Otis Other" in html
    athletes.test_record(athlete=mine, date=days_ago(2), faults=["lumbar-flexion"], by=coach)
    html = today_html(coach_client)
    assert "Mia Mine" in html and "Otis Other" not in html
    assert "Otis Other" in today_html(coach_client, who="team")


def test_the_squad_by_stage_and_highest_rung_and_the_faults_seen(team, head_client, athlete):
    failed = person(team, "Finn Faults")
    athletes.test_record(athlete=failed, date=days_ago(5), faults=["toes-lift", "lumbar-flexion"])
    athletes.test_record(athlete=athlete, date=days_ago(4), faults=["toes-lift"])
    html = today_html(head_client)
    squad = html[html.index('id="squad-title"') : html.index('id="faults-title"')]
    assert "2 athletes by stage" in squad and "Good Morning" in squad
    faults = html[html.index('id="faults-title"') :]
    assert "In 2 tests" in faults
    assert faults.index("Big toes lift") < faults.index("Back rounds")
    assert "2 <small" in faults and "(2 athletes)" in faults and "(1 athlete)" in faults


def test_the_page_reads_the_same_few_queries_for_five_athletes_or_forty(team, head_client):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            today_html(head_client)
        return len(captured)

    def add(start: int, count: int) -> None:
        for n in range(start, start + count):
            athlete = person(team, f"Athlete {n:02d}")
            athletes.test_record(
                athlete=athlete, date=days_ago(3 + n % 20), faults=["toes-lift"] if n % 2 else []
            )
            session(athlete, day=1 + n % 9, during=n % 8, morning=n % 4)
            Clip.objects.create(
                athlete=athlete, extension="mp4", exercise="good-morning", status=Clip.Status.DONE
            )

    add(0, 5)
    few = queries()
    add(5, 35)
    assert queries() == few
    assert few <= 12
