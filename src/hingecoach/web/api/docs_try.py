"""The "Try it" forms of the API's documentation page: for each operation, the inputs
it needs (path and query parameters, a JSON body or multipart fields) and a JSON body
to start from.

The page's own script (``static/hingecoach/api-docs.js``) sends the form as the real
request and shows the answer; nothing here sends anything.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

REF = "#/components/schemas/"
MAX_DEPTH = 6  # deeper than any body of the API; a cycle stops here


@dataclass(frozen=True)
class TryInput:
    name: str
    where: str  # "path", "query" or "form" (a multipart field)
    required: bool
    file: bool = False
    hint: str = ""


@dataclass(frozen=True)
class TryForm:
    inputs: list[TryInput]
    json_body: str | None  # the textarea's starting text; None: no JSON body


def try_form(op: dict[str, Any], components: dict[str, Any]) -> TryForm:
    inputs = [
        TryInput(p["name"], p["in"], bool(p.get("required")), hint=_hint(p.get("schema", {})))
        for p in op.get("parameters", [])
        if p.get("in") in {"path", "query"}
    ]
    content = op.get("requestBody", {}).get("content", {})
    json_body = None
    if "application/json" in content:
        schema = content["application/json"].get("schema", {})
        json_body = json.dumps(example(schema, components), indent=2)
    if "multipart/form-data" in content:
        inputs += _form_fields(content["multipart/form-data"].get("schema", {}))
    return TryForm(inputs, json_body)


def _form_fields(schema: dict[str, Any]) -> list[TryInput]:
    required = set(schema.get("required", []))
    return [
        TryInput(
            name, "form", name in required, file=node.get("format") == "binary", hint=_hint(node)
        )
        for name, node in schema.get("properties", {}).items()
    ]


def _hint(node: dict[str, Any]) -> str:
    """What to type, in a few words: the first allowed values, or the default."""
    if "enum" in node:
        return "for example " + str(node["enum"][0])
    if "default" in node and node["default"] is not None:
        return f"default {node['default']}"
    return ""


def example(node: dict[str, Any], components: dict[str, Any], depth: int = 0) -> Any:
    """A value the schema describes, as a place to start editing: only required
    properties, the first allowed value, a range's lower end, today for a date."""
    if depth > MAX_DEPTH:
        return None
    if "$ref" in node:
        return example(
            components.get(str(node["$ref"]).removeprefix(REF), {}), components, depth + 1
        )
    for key in ("example", "default"):
        if key in node and node[key] is not None:
            return node[key]
    if "enum" in node:
        return node["enum"][0]
    options = node.get("anyOf") or node.get("oneOf") or node.get("allOf")
    if options and "type" not in node:  # an object's own anyOf: a rule across its fields
        usable = [o for o in options if o.get("type") != "null"] or options
        return example(usable[0], components, depth + 1)
    return _of_type(node, components, depth)


def _of_type(node: dict[str, Any], components: dict[str, Any], depth: int) -> Any:
    kind = node.get("type")
    if kind == "object":
        required = node.get("required", [])
        return {
            name: example(sub, components, depth + 1)
            for name, sub in node.get("properties", {}).items()
            if name in required
        }
    if kind == "array":
        count = int(node.get("minItems", 0))
        return [example(node.get("items", {}), components, depth + 1)] * count
    if kind in {"integer", "number"}:
        return node.get("minimum", 0)
    if kind == "boolean":
        return False
    if kind == "string":
        return dt.date.today().isoformat() if node.get("format") == "date" else ""
    return None
