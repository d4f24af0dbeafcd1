"""The OpenAPI document: the CASE body is the core's own schema, under components; ids
are enums from the catalog, in what the server takes and in what it answers, and dates
carry the day's bounds, so what the document declares valid is what the server accepts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ninja import NinjaAPI
from ninja.errors import ValidationError
from ninja.operation import Operation

from hingecoach.core import Case
from hingecoach.core.schemas import ANSWER_IDS as CONTRACT_IDS
from hingecoach.core.schemas import list_ids, with_catalog_ids
from hingecoach.web.api.dates import date_pattern
from hingecoach.web.athletes.validators import EARLIEST, birth_range
from hingecoach.web.catalog import web_catalog

CASE_REF = "#/components/schemas/Case"
CASE_BODY = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": CASE_REF}}},
    }
}
CASE_DATES = ("TestResult", "LastSession")
# Where an answer or a record holds catalog ids: (component, property) -> catalog kind. The
# models say str (a record keeps its id if a coach's catalog later drops it); the document
# says which ids the server's catalog gives.
ANSWER_IDS = {
    **CONTRACT_IDS,  # the answers' own, as `hingecoach schema` lists them
    ("AthleteOut", "conditions"): "conditions",
    ("AthleteOut", "red_flags"): "red_flags",
    ("TestOut", "faults"): "faults",
    ("MasteredOut", "exercise"): "exercises",
    ("LoggedExerciseOut", "exercise"): "exercises",
    ("ClipOut", "exercise"): "exercises",
    ("ClipReportOut", "exercise"): "exercises",
    ("AnalysisReport", "exercise"): "exercises",
}


def case_components() -> dict[str, Any]:
    schema = Case.model_json_schema(ref_template="#/components/schemas/{model}")
    with_catalog_ids(schema, web_catalog())  # the CLI's `schema case` does the same
    components = schema.pop("$defs", {})
    components["Case"] = schema
    for name in CASE_DATES:  # a test or a session is never after today
        _mark_day(components[name]["properties"]["date"])
    return components


def _mark_day(node: dict[str, Any]) -> None:
    """Mark the date inside a (possibly nullable) property for ``_date_bounds``."""
    for option in node.get("anyOf", [node]):
        if option.get("format") == "date":
            option["x-day"] = "record"


def _date_bounds(node: Any, today: dt.date) -> None:
    """Replace each ``x-day`` marker with the pattern of the dates allowed today."""
    if isinstance(node, list):
        for item in node:
            _date_bounds(item, today)
        return
    if not isinstance(node, dict):
        return
    kind = node.pop("x-day", None)
    if kind is not None:
        earliest, latest = birth_range(today) if kind == "birth" else (EARLIEST, today)
        node["pattern"] = date_pattern(earliest, latest)
        node["description"] = f"A date from {earliest} to {latest}" + (
            " (an age of 5 to 110 years)."
            if kind == "birth"
            else " (not in the future; a record before the athlete's birth is a 409)."
        )
    for value in node.values():
        _date_bounds(value, today)


class ContractAPI(NinjaAPI):
    """A NinjaAPI whose document also carries the CASE schema the engine validates, and
    whose validation errors keep the value refused, so the message can quote it."""

    def validation_error_from_error_contexts(self, error_contexts: list[Any]) -> Any:
        errors = []
        for context in error_contexts:
            model = context.model
            # the context too: a duplicate's index is in it (``faults[1]``)
            for error in context.pydantic_validation_error.errors(include_url=False):
                loc = model.__ninja_flatten_map_reverse__.get(error["loc"], error["loc"])
                errors.append({**error, "loc": (model.__ninja_param_source__, *loc)})
        return ValidationError(errors)

    def get_openapi_operation_id(self, operation: Operation) -> str:
        return operation.view_func.__name__

    def get_openapi_schema(self, **kwargs: Any) -> Any:
        document = super().get_openapi_schema(**kwargs)
        schemas = document.setdefault("components", {}).setdefault("schemas", {})
        for name, schema in case_components().items():
            schemas.setdefault(name, schema)
        list_ids(schemas, ANSWER_IDS, web_catalog())
        _date_bounds(document, dt.date.today())
        return document
