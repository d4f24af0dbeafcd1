"""``schema NAME`` prints a JSON Schema for every name the core knows."""

from __future__ import annotations

import pytest

from hingecoach.core.schemas import schema_names

pytestmark = pytest.mark.cli


@pytest.mark.parametrize("name", schema_names())
def test_every_schema_name_prints_a_json_schema(name, schema_runs):
    result = schema_runs[name]
    assert result.code == 0, result.err
    schema = result.json()
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert schema["type"] == "object"
    assert result.out.startswith('{\n  "')


def test_the_contract_schemas_require_the_contract_keys(schemas):
    assert schemas["case"]["required"] == ["athlete"]
    assert set(schemas["recommendation"]["required"]) >= {
        "stage",
        "refer",
        "options",
        "avoid",
        "warnings",
    }
    assert set(schemas["plan"]["required"]) >= {"stage", "refer", "session", "warnings"}
    assert set(schemas["block"]["required"]) >= {"stage", "refer", "weeks", "warnings"}
