"""docs/catalog.md describes every field a catalog file may hold: each property of each
catalog JSON Schema (nested ones too) is named, in backticks, in its file's section."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from hingecoach.core.schemas import CATALOG, json_schema

DOC = Path(__file__).resolve().parents[2] / "docs" / "catalog.md"


def _sections() -> dict[str, str]:
    """The text under each ``### ...`` heading of the field reference, by the schema name
    the heading cites (``hingecoach schema NAME``)."""
    text = DOC.read_text(encoding="utf-8")
    parts = re.split(r"^### ", text, flags=re.MULTILINE)[1:]
    found = {}
    for part in parts:
        heading, _, body = part.partition("\n")
        name = re.search(r"`hingecoach schema ([a-z-]+)`", heading)
        if name:
            found[name.group(1)] = body.split("\n## ")[0]
    return found


def _property_names(node: Any) -> set[str]:
    names: set[str] = set()
    if isinstance(node, dict):
        names.update(node.get("properties", {}))
        for value in node.values():
            names |= _property_names(value)
    elif isinstance(node, list):
        for value in node:
            names |= _property_names(value)
    return names


@pytest.mark.parametrize("name", list(CATALOG))
def test_every_field_of_a_catalog_file_is_described_in_its_section(name):
    section = _sections().get(name)
    assert section is not None, f"docs/catalog.md has no section citing 'hingecoach schema {name}'"
    missing = sorted(p for p in _property_names(json_schema(name)) if f"`{p}`" not in section)
    assert missing == []
