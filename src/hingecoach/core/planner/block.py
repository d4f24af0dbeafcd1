"""block(case, weeks): a training block that projects the plan week by week.

The block assumes the plan holds: drills are mastered after a week, exercises after a
few, and each planned re-test passes. Every week also carries the session that replaces
it when that assumption breaks: a failed re-test or a pain flare sends it back down.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from hingecoach.core.case import Case, LastSession, TestResult, parse_case
from hingecoach.core.catalog import Catalog, default_catalog
from hingecoach.core.engine.facts import Facts
from hingecoach.core.engine.prescribe import scheme_text
from hingecoach.core.engine.reasons import say
from hingecoach.core.errors import CaseError
from hingecoach.core.planner.session import plan
from hingecoach.core.results import Block, LoadKg, SessionItem, Week

MAX_WEEKS = 52


def block(case: Case | dict[str, Any], weeks: int, catalog: Catalog | None = None,
          start: dt.date | None = None) -> Block:
    """A block of ``weeks`` weekly sessions, starting from the athlete's case."""
    if isinstance(weeks, bool) or not isinstance(weeks, int):
        raise CaseError("weeks", f"{weeks!r} is not a whole number of weeks")
    if not 1 <= weeks <= MAX_WEEKS:
        raise CaseError("weeks", f"{weeks} is not in the range 1..{MAX_WEEKS}")
    catalog = catalog or default_catalog()
    current = parse_case(case, catalog)
    first = plan(current, catalog)
    if first.refer:
        return Block(stage=first.stage, refer=True, weeks=[], warnings=first.warnings)
    start = start or (current.latest_test.date if current.latest_test else dt.date(2000, 1, 3))
    done: Counter[str] = Counter()
    planned: list[Week] = []
    for number in range(1, weeks + 1):
        week = _week(current, number, weeks, catalog, start, done)
        planned.append(week)
        done.update(item.exercise for item in week.session if item.part != "warm-up")
        current = _project(current, week, done, catalog, start)
    return Block(stage=first.stage, refer=False, weeks=planned, warnings=first.warnings)


def _week(case: Case, number: int, weeks: int, catalog: Catalog, start: dt.date,
          done: Counter[str]) -> Week:
    today = plan(case, catalog)
    every = catalog.programme.block.retest_every_weeks.get(today.stage, 1)
    has_test = any(i.part == "warm-up" for i in today.session)
    retest = has_test and (number - 1) % every == 0
    session = [i for i in today.session if retest or i.part != "warm-up"]
    session = [_progress(i, number, weeks, done[i.exercise], catalog) for i in session]
    return Week(
        week=number, retest=retest, stage=today.stage, session=session,
        if_retest_fails=_back_down_on_fail(case, catalog, start, number) if retest else None,
        if_pain_flare=_back_down_on_flare(case, catalog),
    )


def _progress(item: SessionItem, number: int, weeks: int, weeks_done: int,
              catalog: Catalog) -> SessionItem:
    """Main loaded work climbs one load step a week from the bottom of its window, and
    moves from 3x10 to 10/8/6 in the later part of the block."""
    load = item.prescription.load_kg
    if item.part != "main" or load is None or load.max == load.min:
        return item
    schemes = catalog.programme.schemes
    share = (number - 1) / (weeks - 1) if weeks > 1 else 0.0
    pyramid = share >= catalog.programme.block.pyramid_from_fraction and weeks > 1
    reps = list(schemes.pyramid if pyramid else schemes.volume)
    step = catalog.thresholds.loads.round_to_kg
    target = min(load.max, load.min + weeks_done * step)
    top = min(load.max, target + step * (len(set(reps)) - 1)) if pyramid else target
    scheme = scheme_text(reps, item.prescription.per_side)
    rx = item.prescription.model_copy(update={
        "sets": len(reps), "reps": reps, "scheme": scheme,
        "load_kg": LoadKg(min=target, max=top),
    })
    reason = say(catalog, "block-load", week=number, weeks=weeks, scheme=scheme,
                 load=f"{target:g}" if top == target else f"{target:g}-{top:g}")
    return item.model_copy(update={"prescription": rx, "reasons": [*item.reasons, reason]})


def _back_down_on_fail(case: Case, catalog: Catalog, start: dt.date,
                       number: int) -> list[SessionItem]:
    faults = _faults_to_sketch(case, catalog)
    failed = TestResult(date=start + dt.timedelta(weeks=number - 1, days=1), faults=faults)
    fallback = case.model_copy(update={"tests": [*case.tests, failed]})
    return _with_reason(plan(fallback, catalog).session, catalog, "a failed re-test")


def _faults_to_sketch(case: Case, catalog: Catalog) -> list[str]:
    """The faults a failed re-test is sketched with: the athlete's last failed test's, or
    the programme's default; the real re-test's faults decide on the day."""
    failed = [t for t in case.tests if not t.passed]
    if failed:
        return list(max(failed, key=lambda t: t.date).faults)
    return [catalog.programme.block.sketch_failed_retest_with]


def _back_down_on_flare(case: Case, catalog: Catalog) -> list[SessionItem]:
    limit = catalog.thresholds.pain.during_max
    flare = LastSession(pain_during=min(10, limit + 1))
    fallback = case.model_copy(update={"last_session": flare})
    return _with_reason(plan(fallback, catalog).session, catalog, "a pain flare")


def _with_reason(items: list[SessionItem], catalog: Catalog, fact: str) -> list[SessionItem]:
    reason = say(catalog, "block-back-down", fact=fact)
    return [i.model_copy(update={"reasons": [reason, *i.reasons]}) for i in items]


def _project(case: Case, week: Week, done: Counter[str], catalog: Catalog,
             start: dt.date) -> Case:
    """The case as it stands next week if this week goes to plan."""
    rules = catalog.programme.block
    mastered = list(case.mastered)
    for exercise_id, count in done.items():
        role = catalog[exercise_id].role
        needed = rules.drills_mastered_after_weeks if role == "drill" else \
            rules.exercises_mastered_after_weeks
        if count >= needed and exercise_id not in mastered:
            mastered.append(exercise_id)
    tests = list(case.tests)
    if week.retest:
        tests.append(TestResult(date=start + dt.timedelta(weeks=week.week - 1, days=1)))
    facts = Facts(case, catalog)
    return case.model_copy(update={
        "mastered": mastered, "tests": tests,
        "last_session": None if facts.flare else case.last_session,
    })
