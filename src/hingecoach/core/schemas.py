"""JSON Schemas of the public contract and of the catalog's data files."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import JsonSchemaMode

from hingecoach.core.case import Case
from hingecoach.core.catalog.schema import (
    Condition,
    Exercise,
    Fault,
    Programme,
    RedFlag,
    Rule,
    Thresholds,
)
from hingecoach.core.kinematics import AnalysisReport
from hingecoach.core.results import Block, Plan, Recommendation

CONTRACT: dict[str, type[BaseModel]] = {
    "case": Case,
    "recommendation": Recommendation,
    "plan": Plan,
    "block": Block,
    "analysis": AnalysisReport,
}
CATALOG: dict[str, type[BaseModel]] = {
    "exercise": Exercise,
    "fault": Fault,
    "red-flag": RedFlag,
    "condition": Condition,
    "thresholds": Thresholds,
    "programme": Programme,
    "rule": Rule,
}


def schema_names() -> list[str]:
    return [*CONTRACT, *CATALOG]


def json_schema(name: str) -> dict[str, Any]:
    """The JSON Schema named ``name`` (see ``schema_names``); KeyError if unknown."""
    model = CONTRACT.get(name) or CATALOG[name]
    mode: JsonSchemaMode = "validation" if name == "case" or name in CATALOG else "serialization"
    schema = model.model_json_schema(mode=mode)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema.setdefault("title", name)
    return schema
