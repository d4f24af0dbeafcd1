"""The athlete list's rows as plain values, worked out in Python once per row.

The template then only places strings: no include, URL lookup or filter per row (those
cost about 8 ms for a page of 50 rows, most of the list's time), and only the listed
fields are read (not the notes, conditions or flags).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.dateformat import format as date_format

from hingecoach.web.athletes.models import Athlete
from hingecoach.web.common.display import stage_label

FIELDS = (
    "id",
    "name",
    "date_of_birth",
    "goal",
    "stage",
    "refer",
    "pain_flag",
    "last_test_date",
    "last_test_passed",
)
_PK = 987654321  # stands for the id in the one detail URL reversed per page


@dataclass(frozen=True)
class Row:
    url: str
    name: str
    age: int
    goal: str
    stage: str  # the badge's class: the stage id, or "none"
    stage_label: str
    refer: bool
    pain_flag: bool
    test: str  # "test passed 3 Dec", "test failed 3 Dec", or "" when never tested
    test_passed: bool


def rows(athletes: Iterable[Athlete], today: dt.date | None = None) -> list[Row]:
    today = today or dt.date.today()
    url = reverse("athletes:detail", args=[_PK]).replace(str(_PK), "{}")
    return [_row(athlete, today, url.format(athlete.pk)) for athlete in athletes]


def _row(athlete: Athlete, today: dt.date, url: str) -> Row:
    passed = bool(athlete.last_test_passed)
    tested = athlete.last_test_date
    return Row(
        url=url,
        name=athlete.name,
        age=athlete.age_on(today),
        goal=athlete.get_goal_display(),
        stage=athlete.stage or "none",
        stage_label=stage_label(athlete.stage or ""),
        refer=athlete.refer,
        pain_flag=athlete.pain_flag,
        test=(
            f"test {'passed' if passed else 'failed'} {date_format(tested, 'j M')}"
            if tested
            else ""
        ),
        test_passed=passed,
    )
