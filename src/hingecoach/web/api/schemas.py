"""API shapes beyond the core's contract models."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field


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
    name: str = Field(min_length=1, max_length=120)
    date_of_birth: dt.date
    conditions: list[str] = Field(default_factory=list, max_length=10)
    red_flags: list[str] = Field(default_factory=list, max_length=10)
    medical_clearance: bool = False
    clearance_by: str = Field("", max_length=120)
    goal: str = "technique"
    notes: str = Field("", max_length=5000)


class TestIn(_In):
    date: dt.date
    faults: list[str] = Field(default_factory=list, max_length=10)
    notes: str = Field("", max_length=2000)


class TestOut(BaseModel):
    id: int
    date: dt.date
    faults: list[str]
    passed: bool


class LoggedExerciseIn(_In):
    exercise: str = Field(max_length=64)
    sets: int = Field(ge=1, le=20)
    reps: list[int] = Field(default_factory=list, max_length=20)
    load_kg: float | None = Field(None, ge=0, le=500)


class SessionIn(_In):
    date: dt.date
    pain_during: int | None = Field(None, ge=0, le=10)
    pain_next_morning: int | None = Field(None, ge=0, le=10)
    exercises: list[LoggedExerciseIn] = Field(default_factory=list, max_length=30)
    notes: str = Field("", max_length=2000)


class SessionOut(BaseModel):
    id: int
    date: dt.date
    pain_during: int | None
    pain_next_morning: int | None


class ErrorOut(BaseModel):
    field: str
    message: str
    detail: list[dict] = Field(default_factory=list)
