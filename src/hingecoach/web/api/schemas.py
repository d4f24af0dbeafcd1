"""API shapes beyond the core's contract models."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic_core import PydanticCustomError


def _no_nul(value: str) -> str:
    # PostgreSQL text cannot hold NUL; refuse it here, as Django's form fields do.
    if "\x00" in value:
        raise PydanticCustomError("null_character", "must not contain NUL characters")
    return value


Text = Annotated[str, AfterValidator(_no_nul)]


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AthleteOut(BaseModel):
    id: int
    name: str
    age: int
    stage: str
    refer: bool
    pain_flag: bool
    last_test_date: dt.date | None
    last_test_passed: bool | None
    goal: str
    archived: bool


class AthleteIn(_In):
    name: Text = Field(min_length=1, max_length=120)
    date_of_birth: dt.date
    conditions: list[Text] = Field(default_factory=list, max_length=10)
    red_flags: list[Text] = Field(default_factory=list, max_length=10)
    medical_clearance: bool = False
    clearance_by: Text = Field("", max_length=120)
    goal: Text = "technique"
    notes: Text = Field("", max_length=5000)


class TestIn(_In):
    date: dt.date
    faults: list[Text] = Field(default_factory=list, max_length=10)
    notes: Text = Field("", max_length=2000)


class TestOut(BaseModel):
    id: int
    date: dt.date
    faults: list[str]
    passed: bool


class LoggedExerciseIn(_In):
    exercise: Text = Field(max_length=64)
    sets: int = Field(ge=1, le=20)
    reps: list[int] = Field(default_factory=list, max_length=20)
    load_kg: float | None = Field(None, ge=0, le=500)


class SessionIn(_In):
    date: dt.date
    pain_during: int | None = Field(None, ge=0, le=10)
    pain_next_morning: int | None = Field(None, ge=0, le=10)
    exercises: list[LoggedExerciseIn] = Field(default_factory=list, max_length=30)
    notes: Text = Field("", max_length=2000)


class SessionOut(BaseModel):
    id: int
    date: dt.date
    pain_during: int | None
    pain_next_morning: int | None


class ErrorOut(BaseModel):
    field: str
    message: str
    detail: list[dict] = Field(default_factory=list)
