"""The audit trail: who changed which record and when, readable by the head coach."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from auditlog.models import LogEntry
from django.test import Client
from django.urls import reverse

from hingecoach.web.athletes import services as athletes
from hingecoach.web.athletes.models import PainReport
from hingecoach.web.teams import services as teams

pytestmark = pytest.mark.django_db


def _audit_page(client: Client) -> str:
    response = client.get(reverse("audit:list"))
    assert response.status_code == 200
    return response.content.decode()


def test_a_change_on_a_page_names_the_coach_the_record_and_the_field(
    coach_client, head_client, athlete
):
    coach_client.post(
        reverse("athletes:pain", args=[athlete.pk]),
        {"date": dt.date.today().isoformat(), "nrs": "4"},
    )
    entry = LogEntry.objects.filter(content_type__model="painreport").get()
    assert entry.actor.get_username() == "cole"
    assert entry.additional_data == {"team": athlete.team_id, "athlete": athlete.pk}
    html = _audit_page(head_client)
    assert f"pain report of {_day(dt.date.today())} for Maya Ortiz" in html
    assert f"pain report #{entry.object_pk}" not in html
    assert "<strong>pain (0-10)</strong>: – → 4" in html


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


def _whats(client: Client) -> list[str]:
    """The What column of the audit page, as text."""
    html = _audit_page(client)
    cells = re.findall(r"<tr>\s*<td>.*?</td>\s*<td>.*?</td>\s*<td>(.*?)</td>", html, re.S)
    return [" ".join(re.sub(r"<[^>]+>", "", cell).split()) for cell in cells]


def test_an_athletes_records_are_named_by_the_athlete_and_what_tells_them_apart(
    head_client, athlete
):
    day = dt.date(2026, 11, 2)
    session = athletes.session_log(
        athlete=athlete,
        date=day,
        exercises=[{"exercise": "hip-bridge", "sets": 3, "reps": [10, 10, 10], "load_kg": None}],
        pain_during=1,
    )
    had = list(athlete.masteries.values_list("exercise", flat=True))
    athletes.mastery_set(athlete=athlete, exercises=[*had, "hip-bridge"])
    athletes.test_record(athlete=athlete, date=day, faults=[])
    whats = _whats(head_client)
    assert "Added session of 2 Nov 2026 for Maya Ortiz" in whats
    assert "Added exercise Hip Bridge in the session of 2 Nov 2026 for Maya Ortiz" in whats
    assert "Added mastered step Hip Bridge for Maya Ortiz" in whats
    assert "Added hinge test of 2 Nov 2026 for Maya Ortiz" in whats
    assert not any(re.search(r"#\d", what) for what in whats)
    assert session.pk


def _changes(client: Client) -> list[str]:
    """Each line of the Changes column, as text."""
    html = _audit_page(client)
    items = re.findall(r"<li><strong>(.*?)</li>", html, re.S)
    return [" ".join(re.sub(r"<[^>]+>", "", item).split()) for item in items]


def test_changes_name_athletes_coaches_sessions_and_exercises_not_numbers(
    head_client, coach, athlete
):
    day = dt.date(2026, 11, 2)
    athletes.session_log(
        athlete=athlete,
        date=day,
        exercises=[{"exercise": "hip-bridge", "sets": 3, "reps": [10, 10, 10], "load_kg": None}],
        pain_during=1,
    )
    athletes.test_record(athlete=athlete, date=day, faults=["lumbar-flexion"], by=coach)
    changes = _changes(head_client)
    assert "exercise: – → Hip Bridge" in changes
    assert "session: – → session of 2 Nov 2026" in changes
    assert "athlete: – → Maya Ortiz" in changes
    assert "recorded by: – → cole" in changes
    assert "date: – → 2 Nov 2026" in changes
    assert "reps: – → 10, 10, 10" in changes
    assert "faults: – → Back rounds" in changes
    numbers = r"^(athlete|session|recorded by|logged by|team|user): .* → \d+$"
    noise = [c for c in changes if re.search(rf"{numbers}|\.None|\[\]|^by eye|^id:", c)]
    assert not noise, changes


def test_a_deleted_record_keeps_its_date_and_a_changed_one_shows_its_new_date(head_client, athlete):
    report = athletes.pain_record(athlete=athlete, date=dt.date(2026, 11, 2), nrs=3)
    report.date = dt.date(2026, 11, 3)
    report.save()
    PainReport.objects.get(pk=report.pk).delete()
    whats = _whats(head_client)
    assert whats[:3] == [
        "Deleted pain report of 3 Nov 2026 for Maya Ortiz",
        "Changed pain report of 3 Nov 2026 for Maya Ortiz",
        "Added pain report of 2 Nov 2026 for Maya Ortiz",
    ]


def test_a_page_of_records_is_labelled_in_a_few_queries(
    head_client, athlete, django_assert_max_num_queries
):
    for n in range(20):
        athletes.pain_record(athlete=athlete, date=dt.date(2026, 10, 1 + n), nrs=2)
        athletes.test_record(athlete=athlete, date=dt.date(2026, 10, 1 + n), faults=[])
    with django_assert_max_num_queries(14):
        _audit_page(head_client)


def test_a_change_through_the_api_names_the_token_owner(coach, athlete):
    token = teams.api_token_create(user=coach)
    api = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    response = api.post(
        f"/api/athletes/{athlete.pk}/tests",
        {"date": "2026-01-05", "faults": []},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    entry = LogEntry.objects.filter(content_type__model="hingetest").get()
    assert entry.actor == coach


def test_the_engine_summary_is_not_logged_as_a_change(athlete):
    before = LogEntry.objects.filter(content_type__model="athlete").count()
    athletes.athlete_refresh(athlete=athlete)
    assert LogEntry.objects.filter(content_type__model="athlete").count() == before


def test_a_password_change_is_logged_without_the_hash(coach):
    coach.set_password("another-long-passphrase-5")
    coach.save()
    entry = LogEntry.objects.filter(content_type__model="user", action=1).latest("id")
    old, new = entry.changes["password"]
    assert coach.password not in (old, new)


def test_a_check_in_names_the_athlete_through_their_link(head_client, athlete):
    athletes.session_log(
        athlete=athlete,
        date=dt.date.today() - dt.timedelta(days=1),
        exercises=[{"exercise": "hip-bridge", "sets": 3, "reps": [10, 10, 10], "load_kg": None}],
        pain_during=1,
    )
    link = reverse("checkin", args=[athletes.checkin_link_create(athlete=athlete)])
    response = Client().post(link, {"pain_next_morning": "1", "felt": "about right", "note": ""})
    assert response.status_code in (200, 302), response.content
    entry = LogEntry.objects.filter(actor__isnull=True, additional_data__via="check-in link")
    assert entry.exists()
    assert "the athlete, through their check-in link" in _audit_page(head_client)
    athletes.pain_record(athlete=athlete, date=dt.date.today(), nrs=2)  # no link: the CLI
    latest = LogEntry.objects.filter(content_type__model="painreport").latest("id")
    assert "via" not in latest.additional_data


def test_only_a_head_coach_reads_the_trail(coach_client):
    assert coach_client.get(reverse("audit:list")).status_code == 403


def test_another_team_changes_are_not_shown(head_client, stranger):
    athletes.pain_record(athlete=stranger, date=dt.date.today(), nrs=3)
    html = _audit_page(head_client)
    assert "Zed Outsider" not in html and "pain report" not in html


def test_an_erasure_keeps_who_and_when_and_nothing_of_the_athlete(head_client, athlete):
    athletes.pain_record(athlete=athlete, date=dt.date.today(), nrs=2)
    athletes.athlete_update(athlete=athlete, notes="sore left hamstring")
    number = athlete.pk
    response = head_client.post(reverse("athletes:erase", args=[number]), {"confirm": "Maya Ortiz"})
    assert response.status_code == 302
    entries = list(LogEntry.objects.filter(additional_data__team=athlete.team_id))
    text = repr(
        [
            (e.object_repr, e.changes, e.changes_text, e.additional_data, e.serialized_data)
            for e in entries
        ]
    )
    assert "Maya" not in text and "hamstring" not in text
    erased = LogEntry.objects.get(additional_data__erased=number)
    assert erased.actor.get_username() == "hana"
    assert f"athlete #{number}: erased with every record and clip" in _audit_page(head_client)
