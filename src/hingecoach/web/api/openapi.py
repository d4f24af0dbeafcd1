"""The OpenAPI document: the CASE body is the core's own schema, under components."""

from __future__ import annotations

from typing import Any

from ninja import NinjaAPI

from hingecoach.core import Case

CASE_REF = "#/components/schemas/Case"
CASE_BODY = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": CASE_REF}}},
    }
}


def case_components() -> dict[str, Any]:
    schema = Case.model_json_schema(ref_template="#/components/schemas/{model}")
    components = schema.pop("$defs", {})
    components["Case"] = schema
    return components


class ContractAPI(NinjaAPI):
    """A NinjaAPI whose document also carries the CASE schema the engine validates."""

    def get_openapi_schema(self, **kwargs: Any) -> Any:
        document = super().get_openapi_schema(**kwargs)
        schemas = document.setdefault("components", {}).setdefault("schemas", {})
        for name, schema in case_components().items():
            schemas.setdefault(name, schema)
        return document
