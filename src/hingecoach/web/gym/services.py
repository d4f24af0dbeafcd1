"""Writes: a session run in gym mode becomes the athlete's records, through the athletes
app's services (test, mastered steps, session), all or nothing."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from hingecoach.web.athletes import services as records
from hingecoach.web.athletes.models import Athlete
from hingecoach.web.gym.forms import GymDone
from hingecoach.web.gym.models import GymRun

NO_SET_DONE = (
    "no set is marked done, so no training session would be saved and this would be lost: "
    "mark the sets that were done (the page offers to mark the planned sets), or clear it "
    "to save the rest without a session"
)


@transaction.atomic
def gym_run_save(
    *,
    athlete: Athlete,
    done: GymDone,
    by: Any = None,
    block_id: int | None = None,
    block_week: int | None = None,
) -> GymRun:
    """Save what was done; the same ``done.key`` sent again saves nothing more. Pain or
    notes with no set done are refused (see docs/decisions/0050): saved without a
    session they would be lost."""
    earlier = GymRun.objects.filter(key=done.key).first()
    if earlier is not None:
        if earlier.athlete_id != athlete.pk:
            raise ValidationError({"key": "this session belongs to another athlete"})
        return earlier
    if not done.rows and (done.pain_during is not None or done.notes):
        # pain and notes belong to a training session: never dropped for want of one
        raise ValidationError(
            {"pain_during" if done.pain_during is not None else "notes": NO_SET_DONE}
        )
    if not (done.rows or done.mastered or done.test_faults is not None):
        raise ValidationError(
            "nothing to save yet: tick a set done, a drill mastered or answer the test"
        )
    run = GymRun(
        key=done.key,
        athlete=athlete,
        by=by,
        mastered=done.mastered,
        block_id=block_id,
        block_week=block_week,
    )
    if done.test_faults is not None:
        run.test = records.test_record(
            athlete=athlete, date=done.date, by=by, faults=done.test_faults, notes="gym mode"
        )
    if done.mastered:
        had = list(athlete.masteries.values_list("exercise", flat=True))
        records.mastery_set(athlete=athlete, exercises=sorted({*had, *done.mastered}))
    if done.rows:
        run.session = records.session_log(
            athlete=athlete,
            date=done.date,
            exercises=done.rows,
            pain_during=done.pain_during,
            notes=done.notes,
            by=by,
        )
    run.save()
    return run
