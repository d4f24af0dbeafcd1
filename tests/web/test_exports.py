"""An athlete's whole record as a JSON or CSV download."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from django.urls import reverse

from hingecoach.web.athletes import services as athletes
from hingecoach.web.athletes.case import athlete_case_data
from hingecoach.web.athletes.exports import CSV_COLUMNS
from hingecoach.web.athletes.models import Athlete
from hingecoach.web.teams import services as teams

from .conftest import born

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]

TODAY = dt.date.today()
DAY = dt.timedelta(days=1)
ITEMS = [2, 3, 1, 2, 4, 1, 2, 3, 2, 1, 2]  # TSK-11 item scores, total 23


@pytest.fixture
def recorded(team) -> Athlete:
    """An athlete with one or more of every kind of record."""
    person = athletes.athlete_create(
        team=team,
        name="Ana-Lucía O'Neil",
        date_of_birth=born(41),
        goal="max-strength",
        conditions=["low-back-pain"],
        medical_clearance=True,
        clearance_date=TODAY - 30 * DAY,
        clearance_by="Dr Rhee",
        notes='=HYPERLINK("x")',
    )
    athletes.mastery_set(athlete=person, exercises=["kneeling-hip-hinge", "hip-bridge"])
    athletes.test_record(
        athlete=person,
        date=TODAY - 9 * DAY,
        faults=["lumbar-flexion", "weight-forward"],
        notes="rounded at 4",
    )
    athletes.test_record(athlete=person, date=TODAY - 2 * DAY, faults=[])
    athletes.pain_record(athlete=person, date=TODAY - 3 * DAY, nrs=2)
    athletes.tsk_record(athlete=person, date=TODAY - 8 * DAY, items=ITEMS)
    athletes.tsk_record(athlete=person, date=TODAY - DAY, total=19)
    athletes.session_log(
        athlete=person,
        date=TODAY - 5 * DAY,
        pain_during=3,
        notes="first",
        exercises=[
            {"exercise": "hip-bridge", "sets": 3, "reps": [12, 12, 12], "load_kg": None},
            {"exercise": "good-morning", "sets": 3, "reps": [10, 8, 6], "load_kg": 22.5},
        ],
    )
    athletes.session_log(
        athlete=person,
        date=TODAY - DAY,
        pain_during=1,
        exercises=[{"exercise": "step-up", "sets": 2, "reps": [8, 8], "load_kg": 10}],
    )
    athletes.checkin_submit(athlete=person, pain_next_morning=1, felt="hard", note="ok")
    return person


def download(client, athlete: Athlete, fmt: str):
    response = client.get(reverse("athletes:export", args=[athlete.pk, fmt]))
    assert response.status_code == 200, response.status_code
    return response


def test_the_athlete_page_links_both_exports(coach_client, athlete):
    html = coach_client.get(reverse("athletes:detail", args=[athlete.pk])).content.decode()
    assert f"/athletes/{athlete.pk}/export.csv" in html and "Export CSV" in html
    assert f"/athletes/{athlete.pk}/export.json" in html and "Export JSON" in html


def test_json_holds_the_profile_case_every_record_and_the_recommendation(coach_client, recorded):
    response = download(coach_client, recorded, "json")
    assert response["Content-Type"] == "application/json"
    assert (
        response["Content-Disposition"] == 'attachment; filename="ana-lucia-oneil-hingecoach.json"'
    )
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    person = data["athlete"]
    assert person["name"] == "Ana-Lucía O'Neil"
    assert person["date_of_birth"] == recorded.date_of_birth.isoformat()
    assert person["conditions"] == ["low-back-pain"] and person["red_flags"] == []
    assert person["medical_clearance"] == {
        "given": True,
        "by": "Dr Rhee",
        "date": (TODAY - 30 * DAY).isoformat(),
    }
    assert person["goal"] == "max-strength" and person["notes"] == '=HYPERLINK("x")'
    assert data["case"] == athlete_case_data(recorded)
    assert data["load_unit"] == "kg"
    assert [(t["date"], t["passed"], t["faults"]) for t in data["tests"]] == [
        ((TODAY - 2 * DAY).isoformat(), True, []),
        ((TODAY - 9 * DAY).isoformat(), False, ["lumbar-flexion", "weight-forward"]),
    ]
    assert data["pain_reports"] == [{"date": (TODAY - 3 * DAY).isoformat(), "nrs": 2}]
    assert data["tsk11"] == [
        {"date": (TODAY - DAY).isoformat(), "total": 19, "items": None},
        {
            "date": (TODAY - 8 * DAY).isoformat(),
            "total": 23,
            "items": {str(n): s for n, s in enumerate(ITEMS, start=1)},
        },
    ]
    assert sorted(m["exercise"] for m in data["mastered"]) == ["hip-bridge", "kneeling-hip-hinge"]
    assert all(m["since"] == TODAY.isoformat() for m in data["mastered"])
    newest, oldest = data["sessions"]
    assert newest["exercises"] == [
        {"exercise": "step-up", "sets": 2, "reps": [8, 8], "load_kg": 10.0}
    ]
    assert [e["load_kg"] for e in oldest["exercises"]] == [None, 22.5]
    assert (oldest["pain_during"], oldest["notes"]) == (3, "first")
    assert data["checkins"] == [
        {"session_date": (TODAY - DAY).isoformat(), "pain_next_morning": 1, "felt": "hard: ok"}
    ]
    assert data["recommendation"]["stage"] == recorded.stage
    assert {"refer", "options", "avoid", "warnings"} <= set(data["recommendation"])


def test_csv_has_one_row_per_record(coach_client, recorded):
    response = download(coach_client, recorded, "csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        response["Content-Disposition"] == 'attachment; filename="ana-lucia-oneil-hingecoach.csv"'
    )
    reader = csv.DictReader(io.StringIO(response.content.decode()))
    assert reader.fieldnames == CSV_COLUMNS
    rows = list(reader)
    kinds = [row["record"] for row in rows]
    assert {kind: kinds.count(kind) for kind in set(kinds)} == {
        "test": 2,
        "pain": 1,
        "tsk": 2,
        "mastered": 2,
        "session": 2,
        "session-exercise": 3,
        "checkin": 1,
    }
    by_kind = {kind: [r for r in rows if r["record"] == kind] for kind in set(kinds)}
    failed = by_kind["test"][0]
    assert (failed["date"], failed["faults"], failed["value"], failed["notes"]) == (
        (TODAY - 9 * DAY).isoformat(),
        "lumbar-flexion;weight-forward",
        "failed",
        "rounded at 4",
    )
    assert by_kind["pain"][0]["value"] == "2"
    assert by_kind["tsk"][0]["value"] == "23"
    assert by_kind["tsk"][0]["notes"].startswith("items 1=2 2=3 3=1")
    loaded = next(r for r in by_kind["session-exercise"] if r["exercise"] == "good-morning")
    assert (loaded["sets"], loaded["reps"], loaded["load_kg"]) == ("3", "10/8/6", "22.5")
    assert by_kind["session"][0]["pain_during"] == "3"
    assert by_kind["checkin"][0]["pain_next_morning"] == "1"
    assert by_kind["checkin"][0]["value"] == "hard: ok"


def test_csv_text_cannot_run_as_a_spreadsheet_formula(coach_client, team):
    person = athletes.athlete_create(team=team, name="Sam", date_of_birth=born(30))
    athletes.test_record(athlete=person, date=TODAY, faults=[], notes="=1+1")
    rows = list(csv.DictReader(io.StringIO(download(coach_client, person, "csv").content.decode())))
    assert rows[0]["notes"] == "'=1+1"


def test_an_athlete_with_no_records_exports_an_empty_history(coach_client, team):
    person = athletes.athlete_create(team=team, name="新人", date_of_birth=born(30))
    response = download(coach_client, person, "json")
    assert f'filename="athlete-{person.pk}-hingecoach.json"' in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["tests"] == data["sessions"] == data["checkins"] == []
    assert data["athlete"]["medical_clearance"] == {"given": False, "date": None, "by": None}
    rows = list(csv.reader(io.StringIO(download(coach_client, person, "csv").content.decode())))
    assert rows == [CSV_COLUMNS]


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_another_teams_athlete_is_not_found(head_client, stranger, fmt):
    response = head_client.get(reverse("athletes:export", args=[stranger.pk, fmt]))
    assert response.status_code == 404
    assert "Zed Outsider" not in response.content.decode()


@pytest.mark.parametrize("fmt", ["xml", "pdf", "CSV", "csv2"])
def test_an_unknown_format_is_not_found(coach_client, athlete, fmt):
    response = coach_client.get(f"/athletes/{athlete.pk}/export.{fmt}")
    assert response.status_code == 404


def test_a_visitor_must_sign_in_to_export(client, athlete):
    response = client.get(reverse("athletes:export", args=[athlete.pk, "json"]))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_json_words_the_recommendations_why_texts_in_the_teams_unit(coach_client, team, athlete):
    """Numbers stay in kilograms (``load_unit``); sentences for a person follow the team."""
    athletes.test_record(athlete=athlete, date=TODAY - DAY, faults=[])
    in_kg = json.loads(download(coach_client, athlete, "json").content)
    teams.team_set_unit(team=team, unit="lb")
    in_lb = json.loads(download(coach_client, athlete, "json").content)
    assert (in_kg["text_unit"], in_lb["text_unit"]) == ("kg", "lb")
    assert in_lb["load_unit"] == "kg"
    texts = {
        unit: [w["text"] for o in data["recommendation"]["options"] for w in o["why"]]
        for unit, data in (("kg", in_kg), ("lb", in_lb))
    }
    assert "30 kg, inside the adult range for age 34" in texts["kg"]
    assert "65 lb, inside the adult range for age 34" in texts["lb"]
    assert not any(" kg" in text for text in texts["lb"])
    assert (
        in_lb["recommendation"]["options"][0]["reasons"]
        == (in_kg["recommendation"]["options"][0]["reasons"])
    )
