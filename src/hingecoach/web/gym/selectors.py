"""Reads: today's session as the steps gym mode walks through.

Everyone runs the plan's items in order (the re-test at its place as the warm-up). A
novice (never tested, on the corrective stage) runs the way in as one teaching flow:
the series' steps, then the bodyweight test, then loaded work; the loaded work is
drawn up both ways, for a passed and for a failed test, and the page shows the one the
test's answers call for.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from hingecoach.core import Catalog, parse_case, plan
from hingecoach.core.results import SessionItem, Why
from hingecoach.web.athletes.case import athlete_case_data
from hingecoach.web.athletes.models import Athlete
from hingecoach.web.athletes.selectors import athlete_last_loads
from hingecoach.web.common.display import number
from hingecoach.web.common.loads import LoggedLoad, start_load


@dataclass
class SetRow:
    prefix: str  # "s3-2": step 3, set 2 (the form's field names)
    load: str  # in the team's unit; "" for unloaded work
    reps: str

    @property
    def load_name(self) -> str:
        return f"{self.prefix}-load"

    @property
    def reps_name(self) -> str:
        return f"{self.prefix}-reps"

    @property
    def done_name(self) -> str:
        return f"{self.prefix}-done"


@dataclass
class Step:
    number: int
    item: SessionItem
    role: str  # drill, exercise or test
    cues: list[str]
    sets: list[SetRow]
    branch: str = ""  # "passed" or "failed": loaded work after a novice's test


@dataclass
class GymPlan:
    athlete: Athlete
    stage: str
    refer: bool
    warnings: list[Why]  # the core's structured warnings
    steps: list[Step] = field(default_factory=list)
    teaching: bool = False  # the novice's teaching flow


def gym_plan(
    *, athlete: Athlete, catalog: Catalog, items: list[SessionItem] | None = None
) -> GymPlan:
    """The steps of today's session; ``items`` run a given session (a block's week)."""
    data = athlete_case_data(athlete)
    today = plan(parse_case(data, catalog), catalog)
    gym = GymPlan(athlete, today.stage, today.refer, list(today.warnings_why))
    if today.refer:
        return gym
    unit = athlete.team.unit
    if items is None and _novice(athlete, today.stage):
        gym.teaching = True
        items_by_branch = _teaching_flow(data, today.session, catalog)
    else:
        items_by_branch = [(i, "") for i in (items if items is not None else today.session)]
    last = athlete_last_loads(athlete=athlete, exercises=[i.exercise for i, _ in items_by_branch])
    gym.steps = [
        _step(n, item, branch, catalog, unit, last.get(item.exercise))
        for n, (item, branch) in enumerate(items_by_branch, start=1)
    ]
    return gym


def _novice(athlete: Athlete, stage: str) -> bool:
    return athlete.last_test_date is None and stage == "corrective"


def _teaching_flow(
    data: dict, session: list[SessionItem], catalog: Catalog
) -> list[tuple[SessionItem, str]]:
    """The series' steps in the plan, the test, then loaded work for either answer."""
    programme = catalog.programme
    way = set(programme.corrective_series) | set(programme.bridging_series)
    series = [(i, "") for i in session if i.exercise in way]
    passed = _after_test(data, [], catalog)
    failed = _after_test(data, [programme.block.sketch_failed_retest_with], catalog)
    test = [(i, "") for i in passed if i.role == "test"][:1]
    return (
        series
        + test
        + [(i, "passed") for i in passed if i.part == "main"]
        + [(i, "failed") for i in failed if i.part == "main"]
    )


def _after_test(data: dict, faults: list[str], catalog: Catalog) -> list[SessionItem]:
    day = dt.date.today().isoformat()
    with_test = {**data, "tests": [*data["tests"], {"date": day, "faults": faults}]}
    return plan(parse_case(with_test, catalog), catalog).session


def _step(
    number_: int,
    item: SessionItem,
    branch: str,
    catalog: Catalog,
    unit: str,
    last: LoggedLoad | None,
) -> Step:
    """A step's sets, each load where the log form starts it too (``start_load``)."""
    exercise = catalog.exercises.get(item.exercise)
    rx = item.prescription
    start = start_load(rx, unit, last)
    load = "" if start is None else number(start)
    reps = list(rx.reps) or [0]
    sets = [
        SetRow(f"s{number_}-{j + 1}", load=load, reps=str(reps[min(j, len(reps) - 1)]))
        for j in range(rx.sets)
    ]
    return Step(number_, item, item.role, list(exercise.cues) if exercise else [], sets, branch)


def fault_choices(*, catalog: Catalog) -> list[tuple[str, str]]:
    """Every hinge fault a test answers, by id and name, in the catalog's order."""
    return [(f.id, f.name) for f in catalog.faults.values()]
