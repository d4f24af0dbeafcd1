"""The athlete's page in two kinds of part.

Worked out from the athlete's own records and kept in the shared cache until they change
(``hingecoach.web.common.pagecache``, stamped by the records' version, the catalog, the
team's unit and the date): the recommendation and today's plan, the pain and TSK-11
line, the latest tests, the ladder and the profile. Rendered fresh on every view: what
depends on the request or on other apps' records (forms and their CSRF tokens, messages,
what a record changed, the training block, clips, check-in links, recent sessions).
"""

from __future__ import annotations

import functools
from typing import Any

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from hingecoach.core import Plan, Recommendation
from hingecoach.web.athletes import selectors
from hingecoach.web.athletes.forms import PainForm
from hingecoach.web.athletes.models import Athlete
from hingecoach.web.catalog import web_catalog
from hingecoach.web.common import pagecache
from hingecoach.web.common.ladder import ladder_grid

PARTS = {
    "advice": "athletes/_advice_body.html",
    "pain_status": "athletes/_pain_status.html",
    "tests": "athletes/_tests.html",
    "ladder": "athletes/_ladder.html",
    "profile": "athletes/_profile.html",
}
TESTS_SHOWN = 6


def kept_parts(
    athlete: Athlete, rec: Recommendation, today: Plan, stamp: str
) -> dict[str, SafeString]:
    """The parts of ``PARTS`` as HTML, rendered once per change of what they show.
    ``stamp``: ``selectors.athlete_stamp``, the one ``rec`` and ``today`` were read under;
    the loads on the page add the team's unit."""
    return pagecache.slot(
        f"athlete:{athlete.pk}:page",
        pagecache.stamp(stamp, athlete.team.unit),
        lambda: _render(athlete, rec, today),
    )


def _render(athlete: Athlete, rec: Recommendation, today: Plan) -> dict[str, SafeString]:
    context = _context(athlete, rec, today)
    return {name: render_to_string(template, context) for name, template in PARTS.items()}


def _context(athlete: Athlete, rec: Recommendation, today: Plan) -> dict[str, Any]:
    return {
        "athlete": athlete,
        "team": athlete.team,
        "rec": rec,
        "plan": today,
        "latest_pain": selectors.athlete_pain_reports(athlete=athlete).first(),
        "tsk": selectors.athlete_latest_tsk(athlete=athlete),
        "tests": list(selectors.athlete_tests(athlete=athlete)[:TESTS_SHOWN]),
        "ladder": ladder_grid(
            web_catalog(),
            mastered=selectors.athlete_mastered(athlete=athlete),
            today=[o.exercise for o in rec.options],
            avoid=[a.exercise for a in rec.avoid],
        ),
    }


@functools.cache
def blank_pain_field() -> SafeString:
    """The empty pain-now field (eleven radio buttons): the same HTML for every athlete
    and every request, so rendered once per process. A form sent back with an error is
    rendered afresh."""
    return render_to_string("includes/field.html", {"field": PainForm()["nrs"]})
