"""Reads: an athlete's blocks, which week is this week, the weeks done, and whether the
block steps back.

The block steps back when the records hold what it did not know when it was built, dated
on or after its start: a failed latest test, or a last session the core calls a pain
flare. The session it steps back to is the engine's, carried in the block: the week's
``if_pain_flare``, and the ``if_retest_fails`` of the latest re-test week so far.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404

from hingecoach.core import Block, Case, Catalog, parse_case
from hingecoach.core.engine import pain_flare
from hingecoach.core.errors import CaseError
from hingecoach.core.results import SessionItem, Week
from hingecoach.core.validation import quoted
from hingecoach.web.athletes.case import athlete_case
from hingecoach.web.athletes.models import Athlete
from hingecoach.web.athletes.selectors import athletes_visible_to
from hingecoach.web.blocks.models import TrainingBlock
from hingecoach.web.gym.models import GymRun

Choice = Literal["planned", "after-failed-test", "after-flare"]
CHOICES: tuple[Choice, ...] = ("planned", "after-failed-test", "after-flare")


@dataclass(frozen=True)
class StepBack:
    choice: Choice  # the session to run instead: "after-failed-test" or "after-flare"
    on: dt.date  # the date of the test or session that broke the plan
    faults: list[str] = field(default_factory=list)  # a failed test's
    flare: str = ""  # the core's words for the flare
    session: list[SessionItem] = field(default_factory=list)


@dataclass(frozen=True)
class BlockNow:
    block: TrainingBlock
    built: Block
    number: int  # this week's number: below 1 before the start, past the end after it
    done: list[int]
    step_backs: list[StepBack] = field(default_factory=list)

    @property
    def week(self) -> Week | None:
        """This week's plan; None before the start and after the end."""
        if 1 <= self.number <= len(self.built.weeks):
            return self.built.weeks[self.number - 1]
        return None

    @property
    def last_day(self) -> dt.date:
        return self.block.start + dt.timedelta(weeks=self.block.weeks, days=-1)


def block_running(*, athlete: Athlete) -> TrainingBlock | None:
    return athlete.blocks.filter(ended__isnull=True).first()


def block_history(*, athlete: Athlete) -> QuerySet[TrainingBlock]:
    """The athlete's ended blocks, the latest first."""
    return athlete.blocks.filter(ended__isnull=False).order_by("-ended", "-id")


def block_get(*, user: User, pk: int) -> TrainingBlock:
    """A block of an athlete ``user`` may see; any other is not found."""
    found = (
        TrainingBlock.objects.select_related("athlete__team")
        .filter(pk=pk, athlete__in=athletes_visible_to(user))
        .first()
    )
    if found is None:
        raise Http404("No such block")
    return found


def block_built(*, block: TrainingBlock) -> Block:
    """The engine's block as it was stored."""
    return Block.model_validate(block.plan)


def block_week_number(*, start: dt.date, today: dt.date | None = None) -> int:
    """Week 1 is the seven days from ``start``; below 1 before it."""
    return ((today or dt.date.today()) - start).days // 7 + 1


def block_weeks_done(*, block: TrainingBlock) -> list[int]:
    """The weeks with a session run in gym mode against this block. A run that logged no
    session (only the test answered, or a drill ticked mastered) leaves its week to do:
    the week's training was not done, and a week marked done with nothing in the athlete's
    history would read as a session that never happened."""
    runs = GymRun.objects.filter(
        athlete_id=block.athlete_id,
        block_id=block.pk,
        block_week__isnull=False,
        session__isnull=False,
    )
    return sorted({week for week in runs.values_list("block_week", flat=True) if week is not None})


def block_now(*, block: TrainingBlock, catalog: Catalog, today: dt.date | None = None) -> BlockNow:
    """Where a block stands today: this week, the weeks done, and any step back."""
    built = block_built(block=block)
    number = block_week_number(start=block.start, today=today)
    now = BlockNow(block, built, number, block_weeks_done(block=block))
    if now.week is None or block.ended is not None:
        return now
    backs = _step_backs(block, built, number, athlete_case(block.athlete), catalog)
    return BlockNow(block, built, number, now.done, backs)


def _step_backs(
    block: TrainingBlock, built: Block, number: int, case: Case, catalog: Catalog
) -> list[StepBack]:
    before = _case_as_built(block, catalog)
    found = [
        _after_failed_test(block, built, number, case, before),
        _after_flare(block, built, number, case, before, catalog),
    ]
    return [back for back in found if back is not None]


def _after_failed_test(
    block: TrainingBlock, built: Block, number: int, case: Case, before: Case | None
) -> StepBack | None:
    test = case.latest_test
    if test is None or test.passed or test.date < block.start:
        return None
    if before is not None and test == before.latest_test:
        return None
    return StepBack(
        "after-failed-test",
        test.date,
        faults=list(test.faults),
        session=_retest_fallback(built, number) or [],
    )


def _after_flare(
    block: TrainingBlock,
    built: Block,
    number: int,
    case: Case,
    before: Case | None,
    catalog: Catalog,
) -> StepBack | None:
    last, flare = case.last_session, pain_flare(case, catalog)
    if last is None or flare is None or last.date is None or last.date < block.start:
        return None
    if before is not None and last == before.last_session:
        return None
    return StepBack(
        "after-flare", last.date, flare=flare, session=built.weeks[number - 1].if_pain_flare
    )


def _case_as_built(block: TrainingBlock, catalog: Catalog) -> Case | None:
    """The CASE the block was built from; None when today's catalog no longer reads it."""
    try:
        return parse_case(block.case, catalog)
    except CaseError:
        return None


def _retest_fallback(built: Block, number: int) -> list[SessionItem] | None:
    """The session after a failed re-test: that of the latest re-test week so far."""
    for week in reversed(built.weeks[:number]):
        if week.if_retest_fails is not None:
            return week.if_retest_fails
    return None


def block_session(
    *, block: TrainingBlock, week: int, choice: str, today: dt.date | None = None
) -> list[SessionItem]:
    """The items of ``week`` to run: as planned, or the step back after a failed re-test
    or a flare. Refused: a week not started or past the end, an unknown choice."""
    if block.ended is not None:
        raise ValidationError({"block": f"this block ended on {block.ended.isoformat()}"})
    built = block_built(block=block)
    this_week = block_week_number(start=block.start, today=today)
    if not 1 <= week <= block.weeks:
        raise ValidationError({"week": f"{week} is not in the range 1..{block.weeks}"})
    if week > this_week:
        raise ValidationError({"week": f"week {week} has not started yet"})
    if choice not in CHOICES:
        raise ValidationError({"session": f"{quoted(choice)} is not one of {', '.join(CHOICES)}"})
    chosen = built.weeks[week - 1]
    if choice == "after-flare":
        return chosen.if_pain_flare
    if choice == "after-failed-test":
        fallback = _retest_fallback(built, week)
        if fallback is None:
            raise ValidationError({"session": f"this block plans no re-test up to week {week}"})
        return fallback
    return chosen.session
