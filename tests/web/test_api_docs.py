"""The API documentation page's wording of the OpenAPI document (``web.api.docs``)."""

from __future__ import annotations

import datetime as dt
import json

from hingecoach.web.api.docs import inline_markdown, paragraphs, rules, type_html
from hingecoach.web.api.docs_try import example, try_form
from hingecoach.web.api.views import api


def test_a_component_is_a_link_to_its_section_and_a_nullable_value_says_or_null():
    node = {"anyOf": [{"$ref": "#/components/schemas/TestIn"}, {"type": "null"}]}
    assert type_html(node) == '<a href="#schema-TestIn">TestIn</a> or null'


def test_a_list_names_its_items_and_their_rules():
    node = {
        "type": "array",
        "uniqueItems": True,
        "maxItems": 6,
        "items": {"type": "string", "enum": ["toes-lift", "knee-dominant"]},
    }
    assert type_html(node) == "list of string"
    assert rules(node) == [
        "at most 6 items",
        "each value once",
        "each: one of 'toes-lift', 'knee-dominant'",
    ]


def test_ranges_defaults_and_short_patterns_are_words_but_long_patterns_are_left_out():
    assert rules({"type": "integer", "minimum": 0, "maximum": 10, "default": 0}) == [
        "at least 0",
        "at most 10",
        "default 0",
    ]
    assert rules({"type": "string", "pattern": "^[a-z]+$"}) == ["matches ^[a-z]+$"]
    assert rules({"type": "string", "pattern": "^(" + "1|" * 40 + "2)$"}) == []


def test_the_description_keeps_bold_and_code_and_escapes_the_rest():
    text = "**Errors.** A `limit` of <script> is refused.\n\nSecond paragraph."
    first, second = paragraphs(text)
    assert first == ("<strong>Errors.</strong> A <code>limit</code> of &lt;script&gt; is refused.")
    assert second == "Second paragraph."
    assert inline_markdown("a & b") == "a &amp; b"


def test_a_try_it_body_starts_from_the_required_fields_with_their_first_allowed_values():
    components = {
        "In": {
            "type": "object",
            "required": ["goal", "sets", "when"],
            "properties": {
                "goal": {"enum": ["technique", "max-strength"]},
                "sets": {"type": "integer", "minimum": 1},
                "when": {"type": "string", "format": "date"},
                "notes": {"type": "string"},
            },
        }
    }
    body = example({"$ref": "#/components/schemas/In"}, components)
    assert body == {"goal": "technique", "sets": 1, "when": dt.date.today().isoformat()}


def test_a_try_it_form_has_an_input_per_parameter_and_a_file_input_for_a_binary_field():
    op = {
        "parameters": [
            {"name": "athlete_id", "in": "path", "required": True, "schema": {"type": "integer"}},
            {"name": "limit", "in": "query", "schema": {"default": 50}},
        ],
        "requestBody": {
            "content": {
                "multipart/form-data": {
                    "schema": {
                        "required": ["file"],
                        "properties": {
                            "file": {"format": "binary"},
                            "exercise": {"enum": ["deadlift"]},
                        },
                    }
                }
            }
        },
    }
    form = try_form(op, {})
    assert [(i.name, i.where, i.required, i.file) for i in form.inputs] == [
        ("athlete_id", "path", True, False),
        ("limit", "query", False, False),
        ("file", "form", True, True),
        ("exercise", "form", False, False),
    ]
    assert form.inputs[1].hint == "default 50" and form.json_body is None


def test_every_json_body_of_the_api_gets_a_starting_body_that_is_json():
    document = api.get_openapi_schema()
    components = document["components"]["schemas"]
    bodies = [
        try_form(op, components).json_body
        for methods in document["paths"].values()
        for op in methods.values()
        if "application/json" in op.get("requestBody", {}).get("content", {})
    ]
    assert len(bodies) >= 9
    assert all(isinstance(json.loads(body), dict) for body in bodies)


def test_the_api_page_with_a_slash_redirects_to_the_api_page(coach_client):
    response = coach_client.get("/api/docs/")
    assert response.status_code == 302 and response["Location"] == "/api/docs"
