"""The athlete list's rows as plain values, worked out in Python once per row.

The template then only places strings: no include, URL lookup or filter per row (those
cost about 8 ms for a page of 50 rows, most of the list's time), and only the listed
fields are read (not the notes, conditions or flags).

The rendered rows of a page are kept on the team's shelf in the page cache
(``hingecoach.web.common.pagecache``), one value per filter and page, stamped by the
page's athletes (id and data version, in order: a write to any of them, an athlete added,
archived or erased changes it) and the date (the ages). So a list view reads two short
columns of the page's athletes and, most often, nothing more. A free-text search is
rendered afresh (each one typed would fill the shelf).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.dateformat import format as date_format
from django.utils.safestring import SafeString

from hingecoach.web.athletes.models import Athlete
from hingecoach.web.common import pagecache
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
KEY_FIELDS = ("id", "data_version")  # what a page's rows are stamped with
SHELF_SIZE = 6  # filter and page combinations kept per team


def shelf_name(team_id: int) -> str:
    return f"team:{team_id}:list"


def rows_html(team_id: int | None, view: str, keys: Sequence[tuple[int, str]]) -> SafeString:
    """The rows of the athletes ``keys`` (id, data version; in list order) as HTML, kept
    on the team's shelf under ``view`` (the filters and page; "" for a search: not kept)."""
    today = dt.date.today()
    ids = [pk for pk, _version in keys]

    def render() -> SafeString:
        found = Athlete.objects.only(*FIELDS).in_bulk(ids)
        athletes = [found[pk] for pk in ids if pk in found]
        return render_to_string("athletes/_rows.html", {"rows": rows(athletes, today)})

    if team_id is None or not view:
        return render()
    stamp = pagecache.stamp(tuple(keys), today.isoformat())
    return pagecache.shelf(shelf_name(team_id), view, stamp, render, SHELF_SIZE)


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
