"""The machine-readable contract of DOMAIN.md section 4: keys, values and schemas."""

from __future__ import annotations

import pytest

from hingecoach.core import block, default_catalog, plan, recommend
from hingecoach.core.schemas import json_schema
from unit.builders import SERIES, case, passed

CATALOG = default_catalog()

OPTION_KEYS = {
    "exercise",
    "name",
    "role",
    "theme",
    "level",
    "hinge",
    "range",
    "prescription",
    "reasons",
    "why",
}
WHY_KEYS = {"rule", "text", "facts"}
PRESCRIPTION_KEYS = {"sets", "reps", "load_kg"}
STAGES = {"corrective", "fundamental", "challenge", "mastery", "pain-aware", "refer"}
A_CASE = case(mastered=SERIES, tests=[passed()])


def test_a_recommendation_carries_the_contracts_keys():
    out = recommend(A_CASE, CATALOG).model_dump(mode="json")
    assert {"stage", "refer", "options", "avoid", "warnings"} <= set(out)
    assert out["stage"] in STAGES
    for option in out["options"]:
        assert set(option) >= OPTION_KEYS
        assert set(option["prescription"]) >= PRESCRIPTION_KEYS
        assert option["role"] in {"drill", "exercise", "test"}
        assert option["range"] in {"full", "reduced"}
        load = option["prescription"]["load_kg"]
        assert load is None or set(load) == {"min", "max"}
        assert all(set(why) == WHY_KEYS for why in option["why"])
        assert [w["rule"] for w in option["why"]] == [
            r.rsplit("(rule: ", 1)[1].rstrip(")") for r in option["reasons"]
        ]
    for avoid in out["avoid"]:
        assert {"exercise", "reasons", "why"} <= set(avoid)
        assert len(avoid["why"]) == len(avoid["reasons"])


def test_the_schemas_require_why_beside_reasons():
    option = json_schema("recommendation")["$defs"]["Option"]
    assert {"reasons", "why"} <= set(option["required"])
    assert "warnings_why" in json_schema("plan")["required"]


def test_sets_match_the_reps_listed():
    for option in recommend(A_CASE, CATALOG).options:
        assert option.prescription.sets == len(option.prescription.reps)


def test_a_plan_carries_the_contracts_keys():
    out = plan(A_CASE, CATALOG).model_dump(mode="json")
    assert {"stage", "refer", "session", "warnings"} <= set(out)
    for item in out["session"]:
        assert set(item) >= OPTION_KEYS


def test_a_block_carries_the_contracts_keys():
    out = block(A_CASE, weeks=2, catalog=CATALOG).model_dump(mode="json")
    assert {"stage", "refer", "weeks", "warnings"} <= set(out)
    for week in out["weeks"]:
        assert {"week", "retest", "session"} <= set(week)


@pytest.mark.parametrize(
    ("name", "keys"),
    [
        ("recommendation", {"stage", "refer", "options", "avoid", "warnings"}),
        ("plan", {"stage", "refer", "session", "warnings"}),
        ("block", {"stage", "refer", "weeks", "warnings"}),
        ("case", {"athlete"}),
    ],
)
def test_each_schema_requires_the_contracts_keys(name, keys):
    assert keys <= set(json_schema(name)["required"])


def test_the_case_schema_requires_only_the_age_of_the_athlete():
    schema = json_schema("case")
    athlete = schema["$defs"]["Athlete"]
    assert athlete["required"] == ["age"]
    assert schema.get("additionalProperties") is False
