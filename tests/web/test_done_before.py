"""An exercise from any earlier session is no first session, whatever the last one logged."""

from __future__ import annotations

import datetime as dt

from hingecoach.web.athletes import services as athletes
from hingecoach.web.athletes.case import athlete_case_data
from hingecoach.web.athletes.selectors import athlete_recommendation


def log(athlete, days_ago: int, exercise: str, load: float) -> None:
    athletes.session_log(
        athlete=athlete,
        date=dt.date.today() - dt.timedelta(days=days_ago),
        pain_during=0,
        notes="",
        exercises=[{"exercise": exercise, "sets": 3, "reps": [8, 8, 8], "load_kg": load}],
    )


def start_low(athlete, exercise: str) -> bool:
    option = next(
        o for o in athlete_recommendation(athlete=athlete).options if o.exercise == exercise
    )
    return any(w.rule == "start-low" for w in option.why)


def test_a_session_without_an_exercise_does_not_make_it_new_again(athlete):
    series = ["kneeling-hip-hinge", "kneeling-good-morning", "good-morning"]
    athletes.mastery_set(athlete=athlete, exercises=series)
    athletes.test_record(athlete=athlete, date=dt.date.today() - dt.timedelta(days=9), faults=[])
    log(athlete, 6, "romanian-deadlift", 40)
    assert not start_low(athlete, "romanian-deadlift")
    log(athlete, 3, "good-morning", 30)
    assert athlete_case_data(athlete)["done_before"] == ["romanian-deadlift"]
    assert not start_low(athlete, "romanian-deadlift")


def test_an_athlete_with_one_session_has_nothing_done_before(athlete):
    log(athlete, 3, "kneeling-good-morning", 10)
    assert "done_before" not in athlete_case_data(athlete)
