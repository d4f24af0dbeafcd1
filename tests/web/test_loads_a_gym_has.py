"""Pre-filled loads are loads a gym has, in the team's unit, chosen the same way by gym
mode and the log form; a load typed in pounds reads back as the same pounds."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from decimal import Decimal

import pytest
from django.urls import reverse

from hingecoach.web.athletes import services as athletes
from hingecoach.web.athletes.models import SessionExercise
from hingecoach.web.athletes.selectors import athlete_plan
from hingecoach.web.catalog import web_catalog

from .conftest import born

pytestmark = pytest.mark.django_db
DAYS_AGO = dt.date.today() - dt.timedelta(days=2)


@pytest.fixture
def noah(team):
    """A tested adult whose plan loads a bar: the team counts in pounds."""
    team.unit = "lb"
    team.save()
    athlete = athletes.athlete_create(team=team, name="Noah Lb", date_of_birth=born(41))
    athletes.test_record(athlete=athlete, date=DAYS_AGO, faults=[])
    return athlete


def loaded(athlete):
    return {i.exercise: i for i in athlete_plan(athlete=athlete).session if i.prescription.load_kg}


def gym_loads(client, athlete) -> dict[str, set[str]]:
    """Each exercise's pre-filled set loads on the gym page."""
    html = client.get(reverse("gym:run", args=[athlete.pk])).content.decode()
    found: dict[str, set[str]] = {}
    for step in html.split('class="card gym-step')[1:]:
        exercise = re.search(r'name="s\d+-exercise" value="([\w-]+)"', step)
        values = re.findall(r'name="s\d+-\d+-load" [^>]*value="([^"]*)"', step)
        if exercise and values:
            found.setdefault(exercise[1], set()).update(values)
    return found


def log_loads(client, athlete) -> dict[str, str]:
    """Each exercise's pre-filled load on the log form."""
    html = client.get(reverse("athletes:log", args=[athlete.pk])).content.decode()
    found = {}
    for row in html.split('class="card row-card')[1:]:
        exercise = re.search(r'<option value="([\w-]+)" selected>', row)
        value = re.search(r'name="ex-\d+-load"[^>]*value="([^"]*)"', row)
        if exercise and value:
            found[exercise[1]] = value[1]
    return found


def on_grid(value: float, implement: str, unit: str) -> bool:
    grid = getattr(web_catalog().thresholds.loads.implements[implement], unit)
    if grid.step is not None:
        return abs(value / grid.step - round(value / grid.step)) < 1e-9
    return value in grid.sizes


def test_gym_mode_in_pounds_prefills_the_gym_loads_the_plan_shows(coach_client, noah):
    items = loaded(noah)
    shown = gym_loads(coach_client, noah)
    assert items and set(shown) == set(items)
    for exercise, item in items.items():
        assert shown[exercise] == {f"{item.prescription.load_lb.min:g}"}, exercise


def test_gym_mode_and_the_log_form_start_from_the_same_load(coach_client, noah):
    exercise, item = next(iter(loaded(noah).items()))
    low, high = item.prescription.load_kg.min, item.prescription.load_kg.max
    athletes.session_log(
        athlete=noah,
        date=DAYS_AGO,
        exercises=[{"exercise": exercise, "sets": 3, "reps": [10], "load_kg": high}],
    )
    gym, log = gym_loads(coach_client, noah), log_loads(coach_client, noah)
    assert gym[exercise] == {log[exercise]}
    start = float(log[exercise])
    now = loaded(noah)[exercise].prescription
    implement = now.implement if now.implement != "dowel" else "barbell"
    assert on_grid(start, implement, "lb")
    assert now.load_lb.min <= start <= now.load_lb.max
    assert start > low * 2.2046  # the last load, not the bottom of the range


def gym_run(client, athlete, exercise: str, reps: int, load: str):
    """Save gym mode's run of one set of ``exercise`` at ``load`` (as typed)."""
    post = {
        "key": str(uuid.uuid4()),
        "date": DAYS_AGO.isoformat(),
        "s1-exercise": exercise,
        "s1-1-done": "1",
        "s1-1-reps": str(reps),
        "s1-1-load": load,
    }
    return client.post(reverse("gym:run", args=[athlete.pk]), post)


def test_a_last_load_in_the_range_is_kept_and_one_beyond_it_is_held_inside(coach_client, noah):
    exercise, item = next(iter(loaded(noah).items()))
    rx = item.prescription
    inside = rx.load_lb.min + 5 if rx.load_lb.max > rx.load_lb.min else rx.load_lb.min
    assert gym_run(coach_client, noah, exercise, reps=8, load=f"{inside:g}").status_code == 302
    now = loaded(noah)[exercise].prescription
    expected = min(max(inside, now.load_lb.min), now.load_lb.max)
    assert gym_loads(coach_client, noah)[exercise] == {f"{expected:g}"}
    assert log_loads(coach_client, noah)[exercise] == f"{expected:g}"


def test_a_load_typed_in_pounds_reads_back_as_the_same_pounds(coach_client, noah, team):
    exercise = next(iter(loaded(noah)))
    assert gym_run(coach_client, noah, exercise, reps=10, load="87.5").status_code == 302
    row = SessionExercise.objects.get()
    assert (row.load_logged, row.load_unit) == (Decimal("87.5"), "lb")
    assert row.load_kg == Decimal("39.69")  # for the engine and the charts
    page = coach_client.get(reverse("athletes:detail", args=[noah.pk])).content.decode()
    assert "@ 87.5 lb<" in page
    team.unit = "kg"
    team.save()
    page = coach_client.get(reverse("athletes:detail", args=[noah.pk])).content.decode()
    assert "@ 87.5 lb (≈39.7 kg)<" in page  # shown as logged, the conversion marked


def test_the_log_form_stores_the_pounds_typed(coach_client, noah):
    exercise = next(iter(loaded(noah)))
    form = {
        "date": DAYS_AGO.isoformat(),
        "ex-TOTAL_FORMS": "1",
        "ex-INITIAL_FORMS": "0",
        "ex-0-done": "on",
        "ex-0-exercise": exercise,
        "ex-0-sets": "1",
        "ex-0-reps": "10",
        "ex-0-load": "44",
    }
    response = coach_client.post(reverse("athletes:log", args=[noah.pk]), form)
    assert response.status_code == 302
    row = SessionExercise.objects.get()
    assert (row.load_logged, row.load_unit, row.load_kg) == (Decimal("44"), "lb", Decimal("19.96"))
    page = coach_client.get(reverse("athletes:detail", args=[noah.pk])).content.decode()
    assert "@ 44 lb<" in page


def test_a_load_logged_in_kilograms_shows_in_pounds_as_a_conversion(coach_client, noah):
    exercise = next(iter(loaded(noah)))
    athletes.session_log(
        athlete=noah,
        date=DAYS_AGO,
        exercises=[{"exercise": exercise, "sets": 1, "reps": [10], "load_kg": 40}],
    )
    page = coach_client.get(reverse("athletes:detail", args=[noah.pk])).content.decode()
    assert "@ 40 kg (≈88 lb)<" in page
    assert "@ 88 lb<" not in page
