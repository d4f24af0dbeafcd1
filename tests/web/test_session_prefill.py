"""The session form starts each load where the athlete left it, inside today's range."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from hingecoach.web.athletes import services as athletes
from hingecoach.web.athletes.selectors import athlete_plan


def loaded_items(athlete):
    return [i for i in athlete_plan(athlete=athlete).session if i.prescription.load_kg]


def prefilled_load(html: str, index: int) -> str:
    marker = f'name="ex-{index}-load"'
    tag = html[html.rindex("<input", 0, html.index(marker)) : html.index(">", html.index(marker))]
    return tag.split('value="')[1].split('"')[0] if 'value="' in tag else ""


def rows_with(athlete, exercise: str, load: float) -> None:
    athletes.session_log(
        athlete=athlete,
        date=dt.date.today() - dt.timedelta(days=2),
        pain_during=0,
        notes="",
        exercises=[{"exercise": exercise, "sets": 3, "reps": [8, 8, 8], "load_kg": load}],
    )


def form_html(coach_client, athlete) -> str:
    return coach_client.get(reverse("athletes:log", args=[athlete.pk])).content.decode()


def row_index(html: str, exercise: str) -> int:
    before = html[: html.index(f'<option value="{exercise}" selected>')]
    return int(before[before.rindex('name="ex-') + len('name="ex-') :].split("-")[0])


def test_a_load_starts_where_the_athlete_left_it(coach_client, athlete):
    athletes.test_record(athlete=athlete, date=dt.date.today() - dt.timedelta(days=3), faults=[])
    item = loaded_items(athlete)[0]
    rows_with(athlete, item.exercise, item.prescription.load_kg.min)  # a first session
    wider = next(i for i in loaded_items(athlete) if i.exercise == item.exercise)
    low, high = wider.prescription.load_kg.min, wider.prescription.load_kg.max
    middle = round((low + high) / 2 / 2.5) * 2.5
    rows_with(athlete, item.exercise, middle)
    now = next(i for i in loaded_items(athlete) if i.exercise == item.exercise)
    assert now.prescription.load_kg.min < middle <= now.prescription.load_kg.max
    html = form_html(coach_client, athlete)
    assert float(prefilled_load(html, row_index(html, item.exercise))) == middle
    assert "starting from the last load logged" in html


def test_a_last_load_above_todays_range_starts_at_its_top(coach_client, athlete):
    athletes.test_record(athlete=athlete, date=dt.date.today() - dt.timedelta(days=3), faults=[])
    item = loaded_items(athlete)[0]
    rows_with(athlete, item.exercise, 400)
    now = next(i for i in loaded_items(athlete) if i.exercise == item.exercise)
    html = form_html(coach_client, athlete)
    assert (
        float(prefilled_load(html, row_index(html, item.exercise))) == now.prescription.load_kg.max
    )


def test_an_exercise_never_loaded_starts_at_the_bottom(coach_client, athlete):
    athletes.test_record(athlete=athlete, date=dt.date.today() - dt.timedelta(days=3), faults=[])
    html = form_html(coach_client, athlete)
    for item in loaded_items(athlete):
        index = row_index(html, item.exercise)
        assert float(prefilled_load(html, index)) == item.prescription.load_kg.min
