"""Writes: assign a block (the engine's, stored as built) and end one.

An athlete has one block running: assigning another ends it the same day and keeps it in
the history. A refusal names the field: ``weeks: 17 is not in the range 1..16``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from hingecoach.core import Catalog
from hingecoach.core import block as make_block
from hingecoach.core.validation import quoted
from hingecoach.web.athletes.case import athlete_case_data
from hingecoach.web.athletes.models import Athlete
from hingecoach.web.athletes.services import athlete_touch
from hingecoach.web.athletes.validators import in_range
from hingecoach.web.blocks.models import TrainingBlock

WEEKS_RANGE = (1, 16)
MAX_LEAD_DAYS = 28  # a block may be set up to four weeks before it starts


@transaction.atomic
def block_assign(
    *, athlete: Athlete, weeks: int, start: dt.date, catalog: Catalog, by: Any = None
) -> TrainingBlock:
    """Build the engine's block of ``weeks`` weeks from ``start`` and make it the athlete's
    running block; the one running before ends today."""
    _check_weeks(weeks)
    _check_start(start, weeks)
    case = athlete_case_data(athlete)
    built = make_block(case, weeks, catalog, start=start)
    if built.refer:
        raise ValidationError(
            {"athlete": f"{athlete.name} is to see a clinician first: no block until then"}
        )
    Athlete.objects.select_for_update().filter(pk=athlete.pk).first()
    for running in TrainingBlock.objects.filter(athlete=athlete, ended__isnull=True):
        block_end(block=running)
    athlete_touch(athlete_id=athlete.pk)
    return TrainingBlock.objects.create(
        athlete=athlete,
        weeks=weeks,
        start=start,
        by=_person(by),
        case=case,
        plan=built.model_dump(mode="json"),
    )


def block_end(*, block: TrainingBlock, on: dt.date | None = None) -> TrainingBlock:
    """End a running block (``on`` today by default); an ended block stays as it was."""
    if block.ended is None:
        block.ended = on or dt.date.today()
        block.save(update_fields=["ended"])
        athlete_touch(athlete_id=block.athlete_id)
    return block


def _check_weeks(weeks: Any) -> None:
    if isinstance(weeks, bool) or not isinstance(weeks, int):
        raise ValidationError({"weeks": f"{quoted(weeks)} is not a whole number of weeks"})
    in_range("weeks", weeks, *WEEKS_RANGE)


def _check_start(start: dt.date, weeks: int) -> None:
    today = dt.date.today()
    latest = today + dt.timedelta(days=MAX_LEAD_DAYS)
    if start > latest:
        raise ValidationError(
            {
                "start": f"{start.isoformat()} is more than {MAX_LEAD_DAYS} "
                f"days ahead: at the latest {latest.isoformat()}"
            }
        )
    last_day = start + dt.timedelta(weeks=weeks, days=-1)
    if last_day < today:
        raise ValidationError(
            {
                "start": f"{start.isoformat()} is too early: {_a(weeks)} {weeks}-week "
                f"block from then ended on {last_day.isoformat()}"
            }
        )


def _a(count: int) -> str:
    """The article before a number said aloud: an 8-, 11-, 18- or 80-something-week block."""
    spoken_with_vowel = str(count).startswith("8") or count in (11, 18)
    return "an" if spoken_with_vowel else "a"


def _person(by: Any) -> Any:
    return by if getattr(by, "is_authenticated", False) else None
