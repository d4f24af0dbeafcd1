"""The API's documentation page: the OpenAPI document rendered on the server as plain HTML
in the app's own layout. Nothing from another host; headings, lists and links a screen
reader and a keyboard can follow (Swagger UI's markup could not). Each operation has a
"Try it" form (``docs_try``) that the app's own script sends as the real request."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from ninja.openapi.docs import DocsBase

from hingecoach.web.api.docs_try import TryForm, try_form

REF = "#/components/schemas/"
LONG_PATTERN = 60  # longer patterns (the date bounds) are explained by their description


@dataclass(frozen=True)
class Field:
    name: str
    type: SafeString
    required: bool
    rules: list[str]
    description: str = ""


@dataclass(frozen=True)
class Body:
    media: str
    type: SafeString
    fields: list[Field]  # of a body described in place (a multipart form)


@dataclass(frozen=True)
class Response:
    status: str
    description: str
    type: SafeString | None


@dataclass
class Operation:
    method: str
    path: str
    id: str
    summary: str
    description: str
    trial: TryForm
    parameters: list[Field] = field(default_factory=list)
    bodies: list[Body] = field(default_factory=list)
    responses: list[Response] = field(default_factory=list)


@dataclass(frozen=True)
class Schema:
    name: str
    description: str
    fields: list[Field]


def inline_markdown(text: str) -> SafeString:
    """Escaped text with ``**bold**`` and `` `code` `` (all the API's texts use)."""
    html = str(escape(text))
    html = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", html)
    return mark_safe(re.sub(r"`(.+?)`", r"<code>\1</code>", html))


def paragraphs(text: str) -> list[SafeString]:
    return [
        inline_markdown(" ".join(p.split())) for p in re.split(r"\n\s*\n", text or "") if p.strip()
    ]


def type_html(node: dict[str, Any]) -> SafeString:
    """A schema's type in words; a component is a link to its section below."""
    if "$ref" in node:
        name = str(node["$ref"]).removeprefix(REF)
        return mark_safe(f'<a href="#schema-{escape(name)}">{escape(name)}</a>')
    for key in ("anyOf", "oneOf", "allOf"):
        if key in node:
            return mark_safe(" or ".join(type_html(option) for option in node[key]))
    if node.get("type") == "array":
        return mark_safe(f"list of {type_html(node.get('items', {}))}")
    kind = str(node.get("type", "any value"))
    return SafeString(escape(f"{kind} ({node['format']})" if "format" in node else kind))


def rules(node: dict[str, Any]) -> list[str]:
    """The constraints of a schema, in words, including those inside ``anyOf`` or items."""
    found = _own_rules(node)
    for option in node.get("anyOf", []):
        found += _own_rules(option)
    if isinstance(node.get("items"), dict):
        found += [f"each: {rule}" for rule in rules(node["items"])]
    return found


def _own_rules(node: dict[str, Any]) -> list[str]:
    words = {
        "minimum": "at least {}",
        "maximum": "at most {}",
        "exclusiveMinimum": "more than {}",
        "exclusiveMaximum": "less than {}",
        "minLength": "at least {} characters",
        "maxLength": "at most {} characters",
        "minItems": "at least {} items",
        "maxItems": "at most {} items",
        "default": "default {}",
    }
    found = [text.format(_value(node[key])) for key, text in words.items() if key in node]
    if "enum" in node:
        found.append("one of " + ", ".join(_value(v) for v in node["enum"]))
    if node.get("uniqueItems"):
        found.append("each value once")
    pattern = node.get("pattern")
    if pattern and len(pattern) <= LONG_PATTERN and pattern != r"^[^\x00]*$":
        found.append(f"matches {pattern}")
    return found


def _value(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return {True: "true", False: "false", None: "null"}[value]
    return f"'{value}'" if isinstance(value, str) else str(value)


def _description(node: dict[str, Any]) -> str:
    texts = [node.get("description", "")] + [
        o.get("description", "") for o in node.get("anyOf", [])
    ]
    return " ".join(t for t in texts if t)


def parameter(item: dict[str, Any]) -> Field:
    schema = item.get("schema", {})
    return Field(
        name=f"{item['name']} (in {item['in']})",
        type=type_html(schema),
        required=bool(item.get("required")),
        rules=rules(schema),
        description=item.get("description") or _description(schema),
    )


def schema_fields(schema: dict[str, Any]) -> list[Field]:
    required = set(schema.get("required", []))
    return [
        Field(
            name=name,
            type=type_html(node),
            required=name in required,
            rules=rules(node),
            description=_description(node),
        )
        for name, node in schema.get("properties", {}).items()
    ]


def operation(method: str, path: str, op: dict[str, Any], components: dict[str, Any]) -> Operation:
    content = op.get("requestBody", {}).get("content", {})
    return Operation(
        method=method.upper(),
        path=path,
        id=op.get("operationId", ""),
        summary=op.get("summary", ""),
        description=op.get("description", ""),
        trial=try_form(op, components),
        parameters=[parameter(p) for p in op.get("parameters", [])],
        bodies=[_body(media, c.get("schema", {})) for media, c in content.items()],
        responses=[_response(status, r) for status, r in op.get("responses", {}).items()],
    )


def _body(media: str, schema: dict[str, Any]) -> Body:
    return Body(media, type_html(schema), schema_fields(schema))


def _response(status: Any, response: dict[str, Any]) -> Response:
    content: dict[str, Any] = response.get("content", {})
    first: dict[str, Any] = next(iter(content.values()), {})
    schema = first.get("schema") if content else None
    return Response(
        str(status), response.get("description", ""), type_html(schema) if schema else None
    )


def sections(document: dict[str, Any]) -> list[tuple[str, list[Operation]]]:
    """The operations grouped by their first tag, in the document's order."""
    groups: dict[str, list[Operation]] = {}
    components = document.get("components", {}).get("schemas", {})
    for path, methods in document.get("paths", {}).items():
        for method, op in methods.items():
            tag = (op.get("tags") or ["other"])[0]
            groups.setdefault(tag, []).append(operation(method, path, op, components))
    return list(groups.items())


def schemas(document: dict[str, Any]) -> list[Schema]:
    found = document.get("components", {}).get("schemas", {})
    return [
        Schema(name, s.get("description", ""), schema_fields(s))
        for name, s in sorted(found.items())
    ]


class ReadableDocs(DocsBase):
    """``NinjaAPI(docs=ReadableDocs())``: the document as a page of the app."""

    template = "api/docs.html"

    def render_page(self, request: HttpRequest, api: Any, **kwargs: Any) -> HttpResponse:
        document = api.get_openapi_schema(path_params=kwargs)
        info = document.get("info", {})
        context = {
            "title": info.get("title", ""),
            "version": info.get("version", ""),
            "description": paragraphs(info.get("description", "")),
            "sections": sections(document),
            "schemas": schemas(document),
            "openapi_url": self.get_openapi_url(api, kwargs),
        }
        return render(request, self.template, context)
