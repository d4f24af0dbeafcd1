"""``hingecoach schema`` lists the catalog's ids as enums, from the catalog in use, as the
OpenAPI document does; and the CLI reads a CASE's dates as YYYY-MM-DD only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.cli.runner import Call, hingecoach, run_many

pytestmark = pytest.mark.cli
NEW_CONDITION = """  - id: hip-replacement
    name: Hip replacement
    pain_aware: true
    note: trains on the pain-aware path
"""


@pytest.fixture
def catalog_with_a_condition(catalog_copy: Path) -> Path:
    path = catalog_copy / "conditions.yaml"
    path.write_text(path.read_text(encoding="utf-8") + NEW_CONDITION, encoding="utf-8")
    return catalog_copy


def test_the_case_schema_lists_every_id_as_an_enum():
    schema = hingecoach("schema", "case").json()
    defs = schema["$defs"]
    ids = {
        "mastered": schema["properties"]["mastered"]["items"],
        "conditions": defs["Athlete"]["properties"]["conditions"]["items"],
        "red_flags": defs["Athlete"]["properties"]["red_flags"]["items"],
        "faults": defs["TestResult"]["properties"]["faults"]["items"],
        "exercise": defs["LoggedExercise"]["properties"]["exercise"],
    }
    assert "good-morning" in ids["mastered"]["enum"]
    assert ids["conditions"]["enum"] == ["spinal-fusion", "low-back-pain", "cannot-kneel"]
    assert "night-pain" in ids["red_flags"]["enum"]
    assert "lumbar-flexion" in ids["faults"]["enum"]
    assert ids["exercise"]["enum"] == ids["mastered"]["enum"]
    assert "x-catalog-ids" not in json.dumps(schema)


def test_the_answer_schemas_list_exercise_and_rule_ids_as_enums():
    plan = hingecoach("schema", "plan").json()["$defs"]
    assert "good-morning" in plan["SessionItem"]["properties"]["exercise"]["enum"]
    assert "test-failed" in plan["Why"]["properties"]["rule"]["enum"]


@pytest.mark.parametrize("where", ["after", "before"])
def test_the_enums_come_from_the_catalog_chosen(catalog_with_a_condition, where):
    option = ("--catalog", str(catalog_with_a_condition))
    args = ("schema", "case", *option) if where == "after" else (*option, "schema", "case")
    schema = hingecoach(*args).json()
    conditions = schema["$defs"]["Athlete"]["properties"]["conditions"]["items"]["enum"]
    assert conditions[-1] == "hip-replacement"


def test_a_datetime_in_a_case_is_refused_naming_the_field_and_quoting_it():
    case = {"athlete": {"age": 30}, "tests": [{"date": "2026-11-01T00:00:00Z", "faults": []}]}
    session = {"athlete": {"age": 30}, "last_session": {"date": "2026-11-01 10:00"}}
    results = run_many(
        {
            "test": Call(("recommend", "-", "--json"), stdin=json.dumps(case)),
            "session": Call(("plan", "-", "--json"), stdin=json.dumps(session)),
        }
    )
    assert (results["test"].code, results["test"].err_lines) == (
        2,
        ["tests[0].date: '2026-11-01T00:00:00Z' is not a date written YYYY-MM-DD"],
    )
    assert results["session"].code == 2
    assert results["session"].err_lines == [
        "last_session.date: '2026-11-01 10:00' is not a date written YYYY-MM-DD"
    ]
