"""The athlete case: what the engine and the planner take in (DOMAIN.md section 4)."""

# Annotations are objects, not text (no ``from __future__ import annotations``): pydantic
# would otherwise evaluate each field's from text as the class is made, a sixth of the
# models' share of the command line's start.
import datetime as dt
import json
import sys
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    ValidationError,
    ValidationInfo,
)
from pydantic_core import PydanticCustomError

from hingecoach.core.catalog import Catalog
from hingecoach.core.catalog.schema import Goal
from hingecoach.core.errors import CaseError, UnreadableJson
from hingecoach.core.validation import field_path, first_error, iso_date


def _catalog(info: ValidationInfo) -> Catalog:
    catalog: Catalog | None = (info.context or {}).get("catalog")
    if catalog is None:  # a caller's bug, not bad input: parse_case always passes one
        raise TypeError("a Case is validated against a catalog: pass it in the context")
    return catalog


def _known(attribute: str, kind: str) -> AfterValidator:
    def check(value: str, info: ValidationInfo) -> str:
        if value not in getattr(_catalog(info), attribute):
            raise PydanticCustomError(
                f"unknown_{kind.replace(' ', '_')}", f"unknown {kind} '{{value}}'", {"value": value}
            )
        return value

    return AfterValidator(check)


def _integral(value: Any) -> Any:
    """JSON has one number type: accept 39.0 for 39, but never 39.5, "39" or true."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _date_text(value: Any) -> Any:
    """JSON has no date type: a date is its ISO text ("2026-11-01"), never a number,
    and only the day (pydantic alone reads "2026-11-01T00:00:00Z" as that day too)."""
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError("date_type", "expected a date as text, YYYY-MM-DD")
    try:
        return iso_date(value)
    except ValueError as exc:
        raise PydanticCustomError("date_text", str(exc)) from None


IsoDate = Annotated[dt.date, BeforeValidator(_date_text)]
INTEGRAL = BeforeValidator(_integral)


def whole(low: int, high: int) -> Any:
    """A whole number in low..high; the bounds show in the JSON Schema. For bounds known
    only at run time: a type checker reads the fixed ranges below, written out."""
    return Annotated[StrictInt, Field(ge=low, le=high), INTEGRAL]


def _once(values: list[Any]) -> list[Any]:
    """A list of ids names each id once: ``mastered[2]: 'good-morning' is listed twice``."""
    seen: set[Any] = set()
    for index, value in enumerate(values):
        if value in seen:
            raise PydanticCustomError(
                "duplicate", "'{value}' is listed twice", {"index": index, "value": value}
            )
        seen.add(value)
    return values


EARLIEST = dt.date(1900, 1, 1)  # no record is older


def _on_record(value: dt.date | None, info: ValidationInfo) -> dt.date | None:
    """A date a record can hold: from EARLIEST to today (when the context gives today)."""
    today = (info.context or {}).get("today")
    if value is not None and today is not None and value > today:
        raise PydanticCustomError(
            "future_date",
            "'{value}' is after today ({today})",
            {"value": value.isoformat(), "today": today.isoformat()},
        )
    if value is not None and value < EARLIEST:
        raise PydanticCustomError(
            "future_date",
            "'{value}' is before {earliest}",
            {"value": value.isoformat(), "earliest": EARLIEST.isoformat()},
        )
    return value


CATALOG_IDS = "x-catalog-ids"  # in a JSON Schema: the catalog's ids of this kind go here


class CatalogIds:
    """Marks a catalog id in the JSON Schema (``{"x-catalog-ids": "faults"}``), where
    ``schemas.with_catalog_ids`` lists the ids of the catalog in use as its enum."""

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> Any:
        schema = handler(core_schema)
        schema[CATALOG_IDS] = self.kind
        return schema


UNIQUE: dict[str, Any] = {"uniqueItems": True}  # the JSON Schema says so too
ONCE = AfterValidator(_once)  # with UNIQUE: a list of ids names each id once
ExerciseId = Annotated[str, _known("exercises", "exercise"), CatalogIds("exercises")]
Past = Annotated[IsoDate, AfterValidator(_on_record)]
FaultId = Annotated[str, _known("faults", "fault"), CatalogIds("faults")]
RedFlagId = Annotated[str, _known("red_flags", "red flag"), CatalogIds("red_flags")]
ConditionId = Annotated[str, _known("conditions", "condition"), CatalogIds("conditions")]
Nrs = Annotated[StrictInt, Field(ge=0, le=10), INTEGRAL]
Age = Annotated[StrictInt, Field(ge=5, le=110), INTEGRAL]
Tsk11 = Annotated[StrictInt, Field(ge=11, le=44), INTEGRAL]
SetCount = Annotated[StrictInt, Field(ge=1, le=20), INTEGRAL]
RepCount = Annotated[StrictInt, Field(ge=0, le=100), INTEGRAL]


def _empty() -> list[Any]:
    """A new empty list, as ``default_factory=list`` gives. A Python function, not the
    builtin: pydantic reads a factory's signature to see whether it takes the data, and a
    builtin's is parsed from text, which cost the CLI's start about 3 ms for the CASE."""
    return []


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Athlete(_Model):
    age: Age = Field(description="Whole years.")
    pain_nrs: Nrs = Field(0, description="Pain now, Numeric Pain Rating Scale 0-10.")
    tsk11: Tsk11 | None = Field(
        None, description="Tampa Scale of Kinesiophobia, 11-item total (11-44)."
    )
    conditions: Annotated[list[ConditionId], ONCE] = Field(
        default_factory=_empty, json_schema_extra=UNIQUE
    )
    medical_clearance: StrictBool = False
    red_flags: Annotated[list[RedFlagId], ONCE] = Field(
        default_factory=_empty, json_schema_extra=UNIQUE
    )


class TestResult(_Model):
    date: Past = Field(description="Never after today.")
    faults: Annotated[list[FaultId], ONCE] = Field(
        default_factory=_empty, description="Empty when the test passed.", json_schema_extra=UNIQUE
    )

    @property
    def passed(self) -> bool:
        return not self.faults


class ProjectedTest(TestResult):
    """A re-test a training block assumes for a week ahead: not on record, never read
    from a CASE, and worded as a projection."""

    week: int

    @classmethod
    def planned(cls, date: dt.date, week: int, faults: list[str] | None = None) -> "ProjectedTest":
        return cls.model_construct(date=date, faults=list(faults or []), week=week)


class LoggedExercise(_Model):
    exercise: ExerciseId
    load_kg: Annotated[float, Field(ge=0, le=500, strict=True)] | None = None
    sets: SetCount | None = None
    reps: list[RepCount] = Field(default_factory=_empty)


class LastSession(_Model):
    date: Past | None = None
    pain_during: Nrs | None = None
    pain_next_morning: Nrs | None = None
    # An exercise may be logged more than once (a teaching flow, then loaded work): the
    # flare rule reads each entry, so the heaviest load caps it.
    exercises: list[LoggedExercise] = Field(
        default_factory=_empty, description="What was done, so a flare can step down from it."
    )


class Case(_Model):
    athlete: Athlete
    mastered: Annotated[list[ExerciseId], ONCE] = Field(
        default_factory=_empty, json_schema_extra=UNIQUE
    )
    tests: list[TestResult] = Field(default_factory=_empty)
    last_session: LastSession | None = None
    done_before: Annotated[list[ExerciseId], ONCE] = Field(
        default_factory=_empty,
        json_schema_extra=UNIQUE,
        description=(
            "Exercises done in sessions before last_session: none of them is a first "
            "session, whose load starts at the bottom of its range. Optional; a coach's "
            "records fill it from their history."
        ),
    )
    goal: Goal = "technique"

    @property
    def latest_test(self) -> TestResult | None:
        """The test with the latest date; on the same date, the one listed last."""
        if not self.tests:
            return None
        return max(enumerate(self.tests), key=lambda pair: (pair[1].date, pair[0]))[1]


def parse_case(data: Any, catalog: Catalog, today: dt.date | None = None) -> Case:
    """Validate a case (already parsed from JSON) against the contract and the catalog;
    no test or session may be dated after ``today`` (the system's date by default)."""
    if isinstance(data, Case):
        return data
    context = {"catalog": catalog, "today": today or dt.date.today()}
    try:
        return Case.model_validate(data, context=context)
    except ValidationError as exc:
        raise CaseError(*first_error(exc)) from None


def case_from_json(
    text: str, catalog: Catalog, today: dt.date | None = None, source: str = "CASE"
) -> Case:
    """Parse and validate a case from JSON text (a leading byte-order mark is allowed);
    ``source`` names the text in messages about the whole of it (the API's "body")."""
    data = read_json(text, source, needed_by="CASE")
    if not isinstance(data, dict):
        raise CaseError(source, f"expected a JSON object, got {_json_kind(data)}")
    return parse_case(data, catalog, today)


def read_json(text: str, source: str, needed_by: str = "input") -> Any:
    """JSON text read as the contract reads it: a leading byte-order mark allowed; text
    that is not JSON, or nests deeper than any ``needed_by`` needs, is UnreadableJson
    naming ``source``; a key given twice in one object is a CaseError at its path."""
    text = text.removeprefix("\ufeff")
    too_deep = nesting_problem(text, needed_by)
    if too_deep:
        raise UnreadableJson(source, too_deep)
    try:
        data = json.loads(text, object_pairs_hook=_Members)
    except json.JSONDecodeError as exc:
        raise UnreadableJson(
            source, f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
        ) from None
    except ValueError:  # Python refuses to read an integer this long (a denial of service)
        raise UnreadableJson(
            source, f"invalid JSON: a number with more than {sys.get_int_max_str_digits()} digits"
        ) from None
    twice = _given_twice(data, "")
    if twice:
        raise CaseError(twice, "given twice")
    return data


class _Members(dict[str, Any]):
    """A JSON object that remembers the first key it was given more than once."""

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__(pairs)
        keys = [key for key, _ in pairs]
        self.twice = next((k for n, k in enumerate(keys) if k in keys[:n]), None)


def _given_twice(value: Any, path: str) -> str | None:
    """The path of the first key given twice in one JSON object, in document order."""
    if isinstance(value, list):
        found = (_given_twice(item, f"{path}[{n}]") for n, item in enumerate(value))
        return next((p for p in found if p), None)
    if not isinstance(value, dict):
        return None
    if isinstance(value, _Members) and value.twice is not None:
        return _joined(path, value.twice)
    found = (_given_twice(item, _joined(path, key)) for key, item in value.items())
    return next((p for p in found if p), None)


def _joined(path: str, key: str) -> str:
    return field_path([path, key] if path else [key])


MAX_DEPTH = 8  # a CASE needs 5: case > last_session > exercises > an entry > reps


def nesting_problem(text: str, needed_by: str = "CASE") -> str | None:
    """A message if the JSON nests objects and arrays deeper than any CASE (or other
    ``needed_by``) needs."""
    depth, in_string, escaped = 0, False, False
    for index, char in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
            continue
        if char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                line = text.count("\n", 0, index) + 1
                return (
                    f"JSON nested deeper than {MAX_DEPTH} levels at line {line}, "
                    f"which no {needed_by} needs"
                )
        elif char in "]}":
            depth -= 1
    return None


def _json_kind(value: Any) -> str:
    kinds = {list: "an array", str: "a string", bool: "true or false", type(None): "null"}
    return kinds.get(type(value), "a number")
