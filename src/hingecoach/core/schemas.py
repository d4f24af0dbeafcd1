"""JSON Schemas of the public contract and of the catalog's data files."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import JsonSchemaMode

from hingecoach.core.case import CATALOG_IDS, Case
from hingecoach.core.catalog import Catalog
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


# Ids in the answers' schemas, plain text in their models: (definition, property) -> kind.
ANSWER_IDS = {
    ("Option", "exercise"): "exercises",
    ("SessionItem", "exercise"): "exercises",
    ("Avoid", "exercise"): "exercises",
    ("Why", "rule"): "rules",
}


def json_schema(name: str, catalog: Catalog | None = None) -> dict[str, Any]:
    """The JSON Schema named ``name`` (see ``schema_names``); KeyError if unknown. With
    a ``catalog``, every id the contract holds is an enum of that catalog's ids."""
    model = CONTRACT.get(name) or CATALOG[name]
    mode: JsonSchemaMode = "validation" if name == "case" or name in CATALOG else "serialization"
    schema = model.model_json_schema(mode=mode)
    with_catalog_ids(schema, catalog)
    if catalog is not None:
        list_ids(schema.get("$defs", {}), ANSWER_IDS, catalog)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema.setdefault("title", name)
    return schema


def list_ids(
    definitions: dict[str, Any], where: dict[tuple[str, str], str], catalog: Catalog
) -> None:
    """Give each (definition, property) of ``where`` that ``definitions`` hold (or the
    items of a list property) the enum of ``catalog``'s ids of its kind."""
    for (definition, prop), kind in where.items():
        node = definitions.get(definition, {}).get("properties", {}).get(prop)
        if node is not None:
            node.get("items", node)["enum"] = list(getattr(catalog, kind))


def with_catalog_ids(node: Any, catalog: Catalog | None) -> None:
    """Replace each id marker (``case.CatalogIds``) in a JSON Schema with the enum of
    ``catalog``'s ids of that kind; with no catalog, just remove the markers."""
    if isinstance(node, list):
        for item in node:
            with_catalog_ids(item, catalog)
        return
    if not isinstance(node, dict):
        return
    kind = node.pop(CATALOG_IDS, None)
    if kind is not None and catalog is not None:
        node["enum"] = list(getattr(catalog, kind))
    for value in node.values():
        with_catalog_ids(value, catalog)
