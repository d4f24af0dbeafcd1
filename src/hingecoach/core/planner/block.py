"""block(case, weeks): a training block that projects the plan week by week.

Week 1 is today's plan. The block then assumes the plan holds: a drill is mastered after
a week, an exercise after the programme's minimum weeks on it, and each planned re-test
passes. Each exercise keeps its own sets and reps and climbs one gym load a week from
its start. Every week carries the session that replaces it when that assumption breaks
(a failed re-test or a pain flare), and on the pain-aware path the re-checks of pain and
fear it plans. See docs/block.md.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from hingecoach.core.case import Case, LastSession, ProjectedTest, parse_case
from hingecoach.core.catalog import Catalog, default_catalog
from hingecoach.core.engine.draft import Pick
from hingecoach.core.engine.facts import Facts
from hingecoach.core.engine.prescribe import load_for
from hingecoach.core.engine.reasons import add_reason, say
from hingecoach.core.errors import CaseError
from hingecoach.core.planner.session import plan
from hingecoach.core.results import Block, SessionItem, Week

MAX_WEEKS = 52
LOAD_RULES = frozenset({"age-load", "start-low"})


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
    warnings = {"warnings": first.warnings, "warnings_why": first.warnings_why}
    if first.refer:
        return Block(stage=first.stage, refer=True, weeks=[], **warnings)
    start = start or dt.date.today()
    done: Counter[str] = Counter()
    seen: dict[str, SessionItem] = {}
    planned: list[Week] = []
    for number in range(1, weeks + 1):
        week = _week(current, number, weeks, catalog, start, done, seen)
        seen.update({i.exercise: i for i in week.session if i.exercise not in seen})
        planned.append(week)
        done.update(item.exercise for item in week.session if item.part != "warm-up")
        current = _project(current, week, done, catalog, start)
    return Block(stage=first.stage, refer=False, weeks=planned, **warnings)


def _week(case: Case, number: int, weeks: int, catalog: Catalog, start: dt.date,
          done: Counter[str], seen: dict[str, SessionItem]) -> Week:
    today = plan(case, catalog)
    every = catalog.programme.block.retest_every_weeks.get(today.stage, 1)
    has_test = any(i.part == "warm-up" for i in today.session)
    retest = has_test and (number - 1) % every == 0
    facts = Facts(case, catalog)
    session = [i for i in today.session if retest or i.part != "warm-up"]
    session = [_progress(i, number, weeks, done[i.exercise], facts, seen.get(i.exercise))
               for i in session]
    return Week(
        week=number, retest=retest, stage=today.stage, session=session,
        if_retest_fails=_back_down_on_fail(case, catalog, start, number) if retest else None,
        if_pain_flare=_back_down_on_flare(case, catalog),
        rechecks=_rechecks(today.stage, number, catalog),
    )


def _rechecks(stage: str, number: int, catalog: Catalog) -> list[str]:
    """The pain-aware path's planned re-checks that fall in week ``number``."""
    if stage != "pain-aware":
        return []
    every = catalog.programme.block.recheck_every_weeks
    return [what for what, weeks in every.items() if (number - 1) % weeks == 0]


def _progress(item: SessionItem, number: int, weeks: int, weeks_done: int, facts: Facts,
              first: SessionItem | None) -> SessionItem:
    """An exercise keeps the sets and reps it entered the block with. A starting load
    climbs one gym load for each week the exercise has been done; a load that entered as
    a range (work the athlete owned) stays that range for the coach to pick from."""
    entered = first or item
    load = entered.prescription.load_kg
    if load is None or load.min != load.max or weeks_done == 0 or item.part == "warm-up":
        return item
    catalog = facts.catalog
    loaded = load_for(Pick(item.exercise, []), catalog[item.exercise], facts, steps=weeks_done)
    rx = item.prescription.model_copy(update={
        "load_kg": loaded.kg, "load_lb": loaded.lb, "reps": entered.prescription.reps,
        "sets": entered.prescription.sets, "scheme": entered.prescription.scheme})
    keep = [n for n, why in enumerate(item.why) if why.rule not in LOAD_RULES]
    moved = item.model_copy(update={
        "prescription": rx, "reasons": [item.reasons[n] for n in keep],
        "why": [item.why[n] for n in keep]})
    for reason in loaded.reasons:
        add_reason(catalog, moved, reason)
    add_reason(catalog, moved, say(catalog, "block-load", week=number, weeks=weeks,
                                   scheme=rx.scheme,
                                   load_kg=rx.load_kg.model_dump() if rx.load_kg else None,
                                   load_lb=rx.load_lb.model_dump() if rx.load_lb else None))
    return moved


def _back_down_on_fail(case: Case, catalog: Catalog, start: dt.date,
                       number: int) -> list[SessionItem]:
    faults = _faults_to_sketch(case, catalog)
    failed = ProjectedTest.planned(_retest_day(start, number), number, faults)
    fallback = case.model_copy(update={"tests": [*case.tests, failed]})
    return _with_reason(plan(fallback, catalog).session, catalog, "retest-failed")


def _retest_day(start: dt.date, week: int) -> dt.date:
    """The day of week ``week``'s projected re-test, counted from the block's start."""
    return start + dt.timedelta(weeks=week - 1)


def _faults_to_sketch(case: Case, catalog: Catalog) -> list[str]:
    """The faults a failed re-test is sketched with: the athlete's last failed test's, or
    the programme's default; the real re-test's faults decide on the day."""
    failed = [t for t in case.tests if not t.passed]
    if failed:
        return list(max(failed, key=lambda t: t.date).faults)
    return [catalog.programme.block.sketch_failed_retest_with]


def _back_down_on_flare(case: Case, catalog: Catalog) -> list[SessionItem]:
    limit = catalog.thresholds.pain.during_max
    previous = case.last_session.exercises if case.last_session else []
    flare = LastSession(pain_during=min(10, limit + 1), exercises=previous)
    fallback = case.model_copy(update={"last_session": flare})
    return _with_reason(plan(fallback, catalog).session, catalog, "pain-flare")


def _with_reason(items: list[SessionItem], catalog: Catalog, cause: str) -> list[SessionItem]:
    reason = say(catalog, "block-back-down", cause=cause)
    for item in items:
        add_reason(catalog, item, reason, first=True)
    return items


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
        tests.append(ProjectedTest.planned(_retest_day(start, week.week), week.week))
    facts = Facts(case, catalog)
    return case.model_copy(update={
        "mastered": mastered, "tests": tests,
        "last_session": None if facts.flare else case.last_session,
    })
