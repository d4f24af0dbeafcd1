"""Reads: the athlete's advice in brief, and how two briefs differ."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from hingecoach.core import Plan, Recommendation
from hingecoach.web.athletes.models import Athlete
from hingecoach.web.athletes.selectors import athlete_advice


@dataclass(frozen=True)
class Brief:
    """What a coach reads first on the athlete's page: stage, first option, today's plan."""

    stage: str
    first: str  # the first option's exercise id; "" when there is none
    plan: tuple[str, ...]  # today's session, exercise ids in order

    def as_data(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Brief:
        return cls(
            stage=str(data["stage"]),
            first=str(data["first"]),
            plan=tuple(str(e) for e in data["plan"]),
        )


@dataclass(frozen=True)
class PlanLine:
    exercise: str
    status: str  # "new", "kept" or "dropped"


@dataclass(frozen=True)
class Change:
    record: str
    before: Brief
    after: Brief
    lines: list[PlanLine]

    @property
    def anything(self) -> bool:
        return self.before != self.after


def brief_of(*, rec: Recommendation, plan: Plan) -> Brief:
    return Brief(
        stage=rec.stage,
        first=rec.options[0].exercise if rec.options else "",
        plan=tuple(item.exercise for item in plan.session),
    )


def athlete_brief(*, athlete: Athlete) -> Brief:
    rec, today = athlete_advice(athlete=athlete)
    return brief_of(rec=rec, plan=today)


def change_between(*, record: str, before: Brief, after: Brief) -> Change:
    """Today's plan in its new order, each item new or kept, then what was dropped."""
    lines = [PlanLine(e, "kept" if e in before.plan else "new") for e in after.plan]
    lines += [PlanLine(e, "dropped") for e in before.plan if e not in after.plan]
    return Change(record=record, before=before, after=after, lines=lines)
