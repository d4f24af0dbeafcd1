"""The API documentation page's wording of the OpenAPI document (``web.api.docs``)."""

from __future__ import annotations

from hingecoach.web.api.docs import inline_markdown, paragraphs, rules, type_html


def test_a_component_is_a_link_to_its_section_and_a_nullable_value_says_or_null():
    node = {"anyOf": [{"$ref": "#/components/schemas/TestIn"}, {"type": "null"}]}
    assert type_html(node) == '<a href="#schema-TestIn">TestIn</a> or null'


def test_a_list_names_its_items_and_their_rules():
    node = {"type": "array", "uniqueItems": True, "maxItems": 6,
            "items": {"type": "string", "enum": ["toes-lift", "knee-dominant"]}}
    assert type_html(node) == "list of string"
    assert rules(node) == ["at most 6 items", "each value once",
                           "each: one of 'toes-lift', 'knee-dominant'"]


def test_ranges_defaults_and_short_patterns_are_words_but_long_patterns_are_left_out():
    assert rules({"type": "integer", "minimum": 0, "maximum": 10, "default": 0}) == [
        "at least 0", "at most 10", "default 0"]
    assert rules({"type": "string", "pattern": "^[a-z]+$"}) == ["matches ^[a-z]+$"]
    assert rules({"type": "string", "pattern": "^(" + "1|" * 40 + "2)$"}) == []


def test_the_description_keeps_bold_and_code_and_escapes_the_rest():
    text = "**Errors.** A `limit` of <script> is refused.\n\nSecond paragraph."
    first, second = paragraphs(text)
    assert first == ("<strong>Errors.</strong> A <code>limit</code> of &lt;script&gt; "
                     "is refused.")
    assert second == "Second paragraph."
    assert inline_markdown("a & b") == "a &amp; b"
