"""What the engine and the planner return (DOMAIN.md section 4).

The JSON Schemas that ``hingecoach schema`` prints are generated from these models.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from hingecoach.core.catalog.schema import Range, Role, Theme

Stage = Literal["corrective", "fundamental", "challenge", "mastery", "pain-aware", "refer"]
Part = Literal["warm-up", "drill", "main"]


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LoadKg(_Out):
    min: float = Field(ge=0)
    max: float = Field(ge=0)


class Prescription(_Out):
    sets: int = Field(ge=1)
    reps: list[int]
    load_kg: LoadKg | None = Field(description="Null for unloaded work.")
    rest_s: int = Field(ge=0)
    per_side: bool = False
    scheme: str = Field(description="Sets and reps in words, e.g. '3x10' or '10/8/6'.")


class Option(_Out):
    exercise: str
    name: str
    role: Role
    theme: Theme
    level: int
    hinge: bool
    range: Range
    prescription: Prescription
    reasons: list[str] = Field(min_length=1)


class SessionItem(Option):
    part: Part = Field(description="warm-up (the re-test), drill, or main work.")


class Avoid(_Out):
    exercise: str
    reasons: list[str] = Field(min_length=1)


class Recommendation(_Out):
    stage: Stage
    refer: bool
    options: list[Option]
    avoid: list[Avoid]
    warnings: list[str]


class Plan(_Out):
    stage: Stage
    refer: bool
    session: list[SessionItem]
    warnings: list[str]


class Week(_Out):
    week: int = Field(ge=1)
    retest: bool
    stage: Stage = Field(description="The stage this week assumes if the plan holds.")
    session: list[SessionItem]
    if_retest_fails: list[SessionItem] | None = Field(
        None, description="The session that replaces this one when the week's re-test fails.")
    if_pain_flare: list[SessionItem] = Field(
        description="The session that replaces this one after a pain flare.")


class Block(_Out):
    stage: Stage
    refer: bool
    weeks: list[Week]
    warnings: list[str]
