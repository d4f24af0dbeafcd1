"""What the engine and the planner return (DOMAIN.md section 4).

The JSON Schemas that ``hingecoach schema`` prints are generated from these models.
"""

# Annotations are objects, not text (no ``from __future__ import annotations``): pydantic
# would otherwise evaluate each field's from text as the class is made, a sixth of the
# models' share of the command line's start.
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from hingecoach.core.catalog.schema import Implement, Level, Range, Role, Theme

Stage = Literal["corrective", "fundamental", "challenge", "mastery", "pain-aware", "refer"]
Part = Literal["warm-up", "drill", "main"]


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)


class LoadKg(_Out):
    min: float = Field(ge=0)
    max: float = Field(ge=0)


class LoadLb(_Out):
    min: float = Field(ge=0)
    max: float = Field(ge=0)


class RangeStep(_Out):
    """Where an exercise's range stands: step ``step`` of ``of`` of its catalog's
    range_steps, shortest first."""

    step: int = Field(ge=1)
    of: int = Field(ge=1)
    text: str = Field(
        description="The catalog's words for this range, e.g. 'a high start, "
        "the handle near knee height'."
    )


class Gate(_Out):
    """A projected step that happens only if the week's re-checks allow it."""

    rechecks: list[Literal["pain-now", "tsk11"]] = Field(
        description=("What is re-checked that week before training.")
    )
    compared_to_week: int = Field(
        ge=1,
        description=(
            "The week whose re-check the new one must not exceed; otherwise that week repeats."
        ),
    )
    pain_during_max: int = Field(
        ge=0,
        le=10,
        description=("The last session's pain during must have stayed at or below this (0-10)."),
    )
    pain_next_morning_max: int = Field(
        ge=0, le=10, description=("And settled to this or below by the next morning (0-10).")
    )
    step: Literal["range", "load", "exercise"] = Field(
        description=("What the step adds: more range, more load, or an exercise new that week.")
    )


class Prescription(_Out):
    sets: int = Field(ge=1)
    reps: list[int]
    load_kg: LoadKg | None = Field(
        description="Null for unloaded work. Loads a gym has for the implement, in kilograms."
    )
    load_lb: LoadLb | None = Field(
        None,
        description=(
            "The same load in pounds: converted from the catalog's kilograms first, then "
            "rounded to what a gym has (so not load_kg times 2.2). Null for unloaded work."
        ),
    )
    implement: Implement | Literal["dowel"] | None = Field(
        None, description=("What the load is lifted with; 'dowel' for a child's bar-on-back work.")
    )
    rest_s: int = Field(ge=0)
    per_side: bool = False
    scheme: str = Field(description="Sets and reps in words, e.g. '3x10' or '10/8/6'.")
    range_step: RangeStep | None = Field(
        None,
        description=(
            "On the pain-aware path, for an exercise whose range grows in steps: the range to "
            "work through (range comes before load). Null otherwise."
        ),
    )


class Why(_Out):
    """One reason as data: the rule that fired, a sentence for a person, and the facts."""

    rule: str = Field(description="A rule id of the catalog's rules.yaml.")
    text: str = Field(
        description="One sentence for a person: exercise names, no rule id, "
        "loads in the caller's units (kilograms unless the caller asked for pounds: "
        "--units lb on the command line, a team set to pounds in the web API)."
    )
    facts: dict[str, Any] = Field(
        description="The values that fired the rule: dates, ids, "
        "numbers, loads as load_kg and load_lb."
    )


class Option(_Out):
    exercise: str
    name: str
    role: Role
    theme: Theme
    level: Level
    hinge: bool
    range: Range
    prescription: Prescription
    reasons: list[str] = Field(min_length=1)
    why: list[Why] = Field(min_length=1, description="The reasons as objects, in order.")


class SessionItem(Option):
    part: Part = Field(description="warm-up (the re-test), drill, or main work.")
    only_if: Gate | None = Field(
        None,
        description=(
            "In any block, on an item that steps up in a projected week: this week's step "
            "(more range, more load, or a new exercise) happens only if the re-checks "
            "allow; otherwise the week repeats the one named. Null in a week without a step."
        ),
    )


class Avoid(_Out):
    exercise: str
    reasons: list[str] = Field(min_length=1)
    why: list[Why] = Field(min_length=1, description="The reasons as objects, in order.")


class Recommendation(_Out):
    stage: Stage
    refer: bool
    options: list[Option]
    avoid: list[Avoid]
    warnings: list[str]
    warnings_why: list[Why] = Field(description="The warnings as objects, in order.")


class Plan(_Out):
    stage: Stage
    refer: bool
    session: list[SessionItem]
    warnings: list[str]
    warnings_why: list[Why] = Field(description="The warnings as objects, in order.")


class Week(_Out):
    week: int = Field(ge=1)
    retest: bool
    stage: Stage = Field(description="The stage this week assumes if the plan holds.")
    session: list[SessionItem]
    if_retest_fails: list[SessionItem] | None = Field(
        None, description="The session that replaces this one when the week's re-test fails."
    )
    if_pain_flare: list[SessionItem] = Field(
        description="The session that replaces this one after a pain flare."
    )
    rechecks: list[Literal["pain-now", "tsk11"]] = Field(
        default_factory=list,
        description="On the pain-aware path, or in any week with a gated step: what to "
        "re-check this week before training (pain now on the 0-10 scale, the TSK-11).",
    )


class Block(_Out):
    stage: Stage
    refer: bool
    weeks: list[Week]
    warnings: list[str]
    warnings_why: list[Why] = Field(description="The warnings as objects, in order.")
