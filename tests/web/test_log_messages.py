"""The log session and TSK-11 forms word every refusal as a plain sentence naming the
field, one a line: never Django's stock wording, never two run together, no empty box."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from hingecoach.web.athletes.models import TrainingSession

pytestmark = pytest.mark.django_db
TODAY = dt.date.today().isoformat()
STOCK = ("Ensure this value", "Select a valid choice", "Enter a whole number", "Enter a number")


def log(client, athlete, *rows: dict[str, str]) -> str:
    data = {"date": TODAY, "ex-TOTAL_FORMS": str(len(rows)), "ex-INITIAL_FORMS": "0"}
    for index, row in enumerate(rows):
        data |= {f"ex-{index}-{name}": value for name, value in row.items()}
    response = client.post(reverse("athletes:log", args=[athlete.pk]), data)
    assert response.status_code == 200
    assert not TrainingSession.objects.exists()
    return response.content.decode()


def summary(html: str) -> list[str]:
    """The lines of the box at the top, tags left out."""
    box = html.split('<div class="form-errors" role="alert">')[1].split("</div>")[0]
    items = re.findall(r"<li>(.*?)</li>", box, flags=re.S)
    return [re.sub(r"<[^>]+>", "", item).strip() for item in items]


def test_two_errors_of_one_exercise_are_two_lines(coach_client, athlete):
    row = {"done": "on", "exercise": "romanian-deadlift", "sets": "3", "reps": "ten"}
    html = log(coach_client, athlete, row | {"load": "999"})
    assert summary(html) == [
        "Exercise 1 (Romanian Deadlift), reps: give the reps done, e.g. 10 or 10/8/6",
        "Exercise 1 (Romanian Deadlift), load (kg): at most 500 kg",
    ]
    assert not any(stock in html for stock in STOCK)


def test_sets_out_of_range_are_worded_plainly(coach_client, athlete):
    row = {"done": "on", "exercise": "hip-bridge", "reps": "10"}
    for sets, words in (("0", "give 1 to 20 sets"), ("25", "give 1 to 20 sets")):
        html = log(coach_client, athlete, row | {"sets": sets})
        assert summary(html) == [f"Exercise 1 (Hip Bridge), sets: {words}"]
        assert f"<strong>Sets:</strong> {words}" in html
        assert not any(stock in html for stock in STOCK)


def test_a_load_in_pounds_names_its_top_in_pounds(coach_client, athlete, team):
    team.unit = "lb"
    team.save()
    row = {"done": "on", "exercise": "romanian-deadlift", "sets": "3", "reps": "8"}
    html = log(coach_client, athlete, row | {"load": "1200"})
    assert summary(html) == ["Exercise 1 (Romanian Deadlift), load (lb): at most 1102 lb"]
    html = log(coach_client, athlete, row | {"load": "-5"})
    assert summary(html) == ["Exercise 1 (Romanian Deadlift), load (lb): a load is 0 or more"]


def test_nothing_ticked_is_one_sentence_in_one_box(coach_client, athlete):
    row = {"exercise": "hip-bridge", "sets": "3", "reps": "10"}
    html = log(coach_client, athlete, row)
    assert html.count('class="form-errors"') == 1
    assert summary(html) == ["Tick at least one exercise that was done."]
    assert "tick at least one" not in html


def test_a_tsk_total_out_of_range_is_worded_plainly(coach_client, athlete):
    url = reverse("athletes:tsk", args=[athlete.pk])
    for total in ("50", "3", "lots"):
        html = coach_client.post(url, {"date": TODAY, "total": total}).content.decode()
        assert "<strong>Total (11–44):</strong> give a whole number from 11 to 44" in html
        assert not any(stock in html for stock in STOCK)
    html = coach_client.post(url, {"date": TODAY, "item_1": "9"}).content.decode()
    assert "<strong>Item 1:</strong> score each item 1 to 4" in html
    assert not any(stock in html for stock in STOCK)


def test_a_load_far_past_the_top_is_said_once(coach_client, athlete):
    row = {"done": "on", "exercise": "good-morning", "sets": "3", "reps": "8"}
    html = log(coach_client, athlete, row | {"load": "999999"})
    assert summary(html) == ["Exercise 1 (Good Morning), load (kg): at most 500 kg"]
    assert html.count("<strong>Load (kg):</strong> at most 500 kg") == 1
