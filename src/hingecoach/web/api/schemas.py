"""API shapes: what each endpoint takes and gives, with the limits of ``athletes.validators``.

Inputs are strict, as the document says: a date is ISO text, a number is a number, a
boolean is true or false, ids are the catalog's. Date fields carry a marker that the
document replaces with the day's bounds (``openapi.date_bounds``).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeAlias

from django.core.exceptions import ValidationError as DjangoValidationError
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StrictBool
from pydantic_core import PydanticCustomError

from hingecoach.core.case import ONCE, UNIQUE, IsoDate, whole
from hingecoach.core.kinematics import AnalysisReport
from hingecoach.web.athletes import validators as rules
from hingecoach.web.athletes.models import Athlete
from hingecoach.web.catalog import web_catalog

NO_NUL = r"^[^\x00]*$"  # PostgreSQL text cannot hold NUL


def _ids(kind: str) -> Any:
    return Literal[tuple(getattr(web_catalog(), kind))]


def _trained_ids() -> Any:
    """Exercise ids a session can log: not a test, which checks a skill and is never
    trained (DOMAIN.md section 1). The test is refused by name, before the enum."""
    catalog = web_catalog()
    tests = {e.id for e in catalog if e.role == "test"}

    def not_a_test(value: Any) -> Any:
        if value in tests:
            raise PydanticCustomError("not_trained", rules.TEST_NOT_TRAINED.format(value=value))
        return value

    trained: Any = Literal[tuple(e.id for e in catalog if e.id not in tests)]
    return Annotated[trained, BeforeValidator(not_a_test)]


# Built at run time from the catalog, the model's choices and the record limits: a type
# checker reads them as the text and numbers they hold.
if TYPE_CHECKING:
    ExerciseId: TypeAlias = str
    TrainedId: TypeAlias = str
    FaultId: TypeAlias = str
    ConditionId: TypeAlias = str
    RedFlagId: TypeAlias = str
    Goal: TypeAlias = str
    Nrs: TypeAlias = int
    Reps: TypeAlias = int
    TskTotal: TypeAlias = int
else:
    ExerciseId = _ids("exercises")
    TrainedId = _trained_ids()
    FaultId = _ids("faults")
    ConditionId = _ids("conditions")
    RedFlagId = _ids("red_flags")
    Goal = Literal[tuple(Athlete.Goal.values)]
    Nrs = whole(*rules.NRS_RANGE)
    Reps = whole(*rules.REPS_RANGE)
    TskTotal = whole(*rules.TSK_RANGE)
Stage = Literal["corrective", "fundamental", "challenge", "mastery", "pain-aware", "refer"]


# What records hold, as the server answers it: in the ranges their input was checked with.
RecordId = Annotated[int, Field(ge=1)]
OutAge = Annotated[int, Field(ge=rules.AGE_RANGE[0])]  # grows past the oldest age accepted
OutNrs = Annotated[int, Field(ge=rules.NRS_RANGE[0], le=rules.NRS_RANGE[1])]
OutTsk = Annotated[int, Field(ge=rules.TSK_RANGE[0], le=rules.TSK_RANGE[1])]
OutTskItem = Annotated[int, Field(ge=1, le=4)]  # as validators.tsk_items checks each score
OutSets = Annotated[int, Field(ge=rules.SETS_RANGE[0], le=rules.SETS_RANGE[1])]
OutReps = Annotated[int, Field(ge=rules.REPS_RANGE[0], le=rules.REPS_RANGE[1])]
OutLoadKg = Annotated[float, Field(ge=rules.LOAD_KG_RANGE[0], le=rules.LOAD_KG_RANGE[1])]


def _by_rule(rule: Any) -> Any:
    """A validator applying one of ``athletes.validators``' rules, reported by pydantic so
    the error names the field where it is."""

    def check(day: dt.date) -> dt.date:
        try:
            rule("date", day)
        except DjangoValidationError as exc:
            raise PydanticCustomError("date_rule", exc.messages[0]) from None
        return day

    return AfterValidator(check)


# A record's day: not after today (and, checked against the athlete, not before birth).
Day = Annotated[IsoDate, _by_rule(rules.not_future), Field(json_schema_extra={"x-day": "record"})]
BirthDay = Annotated[
    IsoDate, _by_rule(rules.birth_date), Field(json_schema_extra={"x-day": "birth"})
]
Name = Annotated[str, Field(min_length=1, max_length=rules.NAME_MAX, pattern=NO_NUL)]
Short = Annotated[str, Field(max_length=rules.NAME_MAX, pattern=NO_NUL)]
Notes = Annotated[str, Field(max_length=rules.NOTES_MAX, pattern=NO_NUL)]


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AthleteOut(BaseModel):
    id: RecordId
    name: str
    date_of_birth: dt.date
    age: OutAge
    stage: Stage
    refer: bool
    pain_flag: bool
    last_test_date: dt.date | None
    last_test_passed: bool | None
    goal: Goal
    conditions: list[str]
    red_flags: list[str]
    medical_clearance: bool
    clearance_date: dt.date | None
    clearance_by: str
    notes: str
    archived: bool


# A medical clearance is stored with who gave it (DOMAIN.md section 6): the document
# says so as an either-or, and ``athletes.services`` refuses it with the field named.
CLEARANCE_NEEDS_WHO: dict[str, Any] = {
    "anyOf": [
        {"properties": {"medical_clearance": {"const": False}}},
        {
            "required": ["medical_clearance", "clearance_by"],
            "properties": {"clearance_by": {"pattern": rules.NOT_BLANK}},
        },
    ]
}
CLEARANCE_HELP = (
    "With `medical_clearance: true`, `clearance_by` says who gave it (not blank); "
    "`clearance_date` is today unless given."
)


class AthleteIn(_In):
    model_config = ConfigDict(extra="forbid", json_schema_extra=CLEARANCE_NEEDS_WHO)

    name: Name
    date_of_birth: BirthDay
    conditions: Annotated[list[ConditionId], ONCE] = Field(
        default_factory=list, max_length=10, json_schema_extra=UNIQUE
    )
    red_flags: Annotated[list[RedFlagId], ONCE] = Field(
        default_factory=list, max_length=10, json_schema_extra=UNIQUE
    )
    medical_clearance: StrictBool = Field(False, description=CLEARANCE_HELP)
    clearance_date: Day | None = None
    clearance_by: Short = ""
    goal: Goal = "technique"
    notes: Notes = ""


class AthletePatch(_In):
    """Only the fields sent are changed. Sending `medical_clearance: true` sends
    `clearance_by` with it; blanking `clearance_by` of a cleared athlete is a 409."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=CLEARANCE_NEEDS_WHO)

    # None only marks a field as not sent (never read: exclude_unset); null stays refused.
    name: Name = None  # type: ignore[assignment]
    date_of_birth: BirthDay = None  # type: ignore[assignment]
    conditions: Annotated[list[ConditionId], ONCE] = Field(
        None,  # type: ignore[arg-type]
        max_length=10,
        json_schema_extra=UNIQUE,
    )
    red_flags: Annotated[list[RedFlagId], ONCE] = Field(
        None,  # type: ignore[arg-type]
        max_length=10,
        json_schema_extra=UNIQUE,
    )
    medical_clearance: StrictBool = Field(None, description=CLEARANCE_HELP)  # type: ignore[assignment]
    clearance_date: Day | None = None
    clearance_by: Short = None  # type: ignore[assignment]
    goal: Goal = None  # type: ignore[assignment]
    notes: Notes = None  # type: ignore[assignment]
    archived: StrictBool = None  # type: ignore[assignment]


class TestIn(_In):
    date: Day
    faults: Annotated[list[FaultId], ONCE] = Field(
        max_length=10,
        description="Every fault seen; `[]` records a pass. Required: nothing is saved "
        "as a pass by default.",
        json_schema_extra=UNIQUE,
    )
    notes: Notes = ""


class TestOut(BaseModel):
    id: RecordId
    date: dt.date
    faults: list[str]
    passed: bool
    notes: str
    from_clip: bool


class LoggedExerciseIn(_In):
    exercise: TrainedId = Field(description="Any exercise but a test: a test is never trained.")
    reps: list[Reps] = Field(
        min_length=rules.SETS_RANGE[0],
        max_length=rules.SETS_RANGE[1],
        description="Reps done in each set; the number of sets is the list's length.",
    )
    load_kg: (
        Annotated[float, Field(ge=rules.LOAD_KG_RANGE[0], le=rules.LOAD_KG_RANGE[1], strict=True)]
        | None
    ) = None


class SessionIn(_In):
    date: Day
    pain_during: Nrs | None = None
    pain_next_morning: Nrs | None = None
    exercises: list[LoggedExerciseIn] = Field(default_factory=list, max_length=30)
    notes: Notes = ""


class LoggedExerciseOut(BaseModel):
    exercise: str
    sets: OutSets
    reps: list[OutReps]
    load_kg: OutLoadKg | None


class SessionOut(BaseModel):
    id: RecordId
    date: dt.date
    pain_during: OutNrs | None
    pain_next_morning: OutNrs | None
    felt: str
    notes: str
    exercises: list[LoggedExerciseOut]


class PainIn(_In):
    date: Day
    nrs: Nrs = Field(description="Pain now, Numeric Pain Rating Scale 0-10.")


class PainOut(BaseModel):
    id: RecordId
    date: dt.date
    nrs: OutNrs


class TskIn(_In):
    date: Day
    total: TskTotal = Field(description="The TSK-11 total (11-44).")


class TskOut(BaseModel):
    id: RecordId
    date: dt.date
    total: OutTsk
    items: list[OutTskItem] | None = Field(description="The 11 item scores, when entered.")


class MasteredIn(_In):
    exercises: Annotated[list[ExerciseId], ONCE] = Field(
        max_length=50,
        description=("Every exercise the athlete has mastered: the list replaces the one stored."),
        json_schema_extra=UNIQUE,
    )


class MasteredOut(BaseModel):
    exercise: str
    since: dt.date


class ClipOut(BaseModel):
    id: RecordId
    athlete_id: RecordId
    exercise: str = Field(description="The exercise filmed (a catalog id).")
    original_name: str
    size: int = Field(ge=0, description="Bytes.")
    status: Literal["queued", "running", "done", "failed"] = Field(
        description="The analysis: waiting for the worker, under way, done (the report is "
        "ready) or failed (`error` says why)."
    )
    progress: int = Field(ge=0, le=100, description="Per cent of the analysis done.")
    error: str
    created: dt.datetime
    analysed_at: dt.datetime | None
    test_id: RecordId | None = Field(description="The test saved from this clip, if any.")
    reviewed_at: dt.datetime | None = Field(
        description="When a coach marked the analysed clip reviewed (looked at without "
        "saving a test); null when it is not marked reviewed."
    )
    reviewed_by: str | None = Field(
        description="The username of the coach who marked it reviewed; null when it is "
        "not marked reviewed, or when it was marked by no signed-in coach or that coach's "
        "account is gone."
    )


class ClipReportOut(ClipOut):
    report: AnalysisReport | None = Field(
        description="The analysis (DOMAIN.md section 5) once `status` is done."
    )


class ErrorOut(BaseModel):
    field: str = Field(
        description="The field at fault, as a path (tests[0].date), or "
        "what else was wrong (body, path, Authorization)."
    )
    message: str
    detail: list[dict] = Field(default_factory=list)
