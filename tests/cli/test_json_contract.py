"""``--json`` prints the core's models as the contract has them, valid against the schemas."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from .runner import EXAMPLES, Call, example, run_many

pytestmark = pytest.mark.cli

FAILED = example("failed-test.json")
PASSED = example("passed-technique.json")  # a Romanian deadlift from 30 kg, age 34
VALIDATED = {
    ("recommend", "failed-test"): Call(("recommend", FAILED, "--json")),
    ("recommend", "ready-for-hex-bar"): Call(
        ("recommend", example("ready-for-hex-bar.json"), "--json")
    ),
    ("recommend", "red-flag"): Call(("recommend", example("red-flag.json"), "--json")),
    ("plan", "failed-test"): Call(("plan", FAILED, "--json")),
    ("plan", "fear-high"): Call(("plan", example("fear-high.json"), "--json")),
    ("block", "passed-technique"): Call(
        ("block", example("passed-technique.json"), "--weeks", "4", "--json")
    ),
    ("block", "pain-flare"): Call(("block", example("pain-flare.json"), "--weeks", "2", "--json")),
}
OTHERS = {
    "plan-stdin": Call(("plan", "-", "--json"), stdin=Path(FAILED).read_text()),
    **{
        f"{command}-{units}": Call(
            (
                command,
                PASSED,
                "--json",
                "--units",
                units,
                *(("--weeks", "2") if command == "block" else ()),
            )
        )
        for command in ("recommend", "plan", "block")
        for units in ("kg", "lb")
    },
}
SCHEMA_OF = {"recommend": "recommendation", "plan": "plan", "block": "block"}


@pytest.fixture(scope="module")
def runs():
    return run_many({**VALIDATED, **OTHERS})


@pytest.mark.parametrize("key", list(VALIDATED), ids="-".join)
def test_json_output_validates_against_the_printed_schema(key, runs, schemas):
    result = runs[key]
    assert result.code == 0, result.err
    assert result.out.startswith('{\n  "stage": ')  # json.dumps, indent 2
    jsonschema.validate(result.json(), schemas[SCHEMA_OF[key[0]]])


def test_every_example_case_validates_against_the_case_schema(schemas):
    for path in sorted(EXAMPLES.glob("*.json")):
        jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), schemas["case"])


def test_case_from_standard_input_gives_the_same_answer_as_from_a_file(runs):
    assert runs["plan-stdin"].code == 0, runs["plan-stdin"].err
    assert runs["plan-stdin"].json() == runs[("plan", "failed-test")].json()


def _texts(answer: object) -> list[str]:
    """Every ``why[].text`` in an answer, in order."""
    if isinstance(answer, dict):
        if {"rule", "text", "facts"} <= set(answer):
            return [answer["text"]]
        return [text for value in answer.values() for text in _texts(value)]
    if isinstance(answer, list):
        return [text for value in answer for text in _texts(value)]
    return []


def _without_texts(answer: object) -> object:
    if isinstance(answer, dict):
        return {k: _without_texts(v) for k, v in answer.items() if k != "text"}
    if isinstance(answer, list):
        return [_without_texts(v) for v in answer]
    return answer


@pytest.mark.parametrize("command", ["recommend", "plan", "block"])
def test_units_lb_words_the_why_texts_in_pounds_and_changes_nothing_else(command, runs):
    kg, lb = runs[f"{command}-kg"].json(), runs[f"{command}-lb"].json()
    assert _without_texts(lb) == _without_texts(kg)  # reasons, facts and numbers as they were
    assert any(" kg" in text for text in _texts(kg))
    assert not any(" kg" in text for text in _texts(lb))
    assert "65 lb, inside the adult range for age 34" in _texts(lb)  # 30 kg, as a gym has it
    assert "30 kg, inside the adult range for age 34" in _texts(kg)


def test_the_numbers_keep_both_units_whatever_the_units(runs):
    options = runs["recommend-lb"].json()["options"]
    good_morning = next(o for o in options if o["exercise"] == "good-morning")
    assert good_morning["prescription"]["load_kg"] == {"min": 20.0, "max": 40.0}
    assert good_morning["prescription"]["load_lb"] == {"min": 45.0, "max": 85.0}


def test_a_referral_has_no_options_and_one_warning_per_cause(runs):
    answer = runs[("recommend", "red-flag")].json()
    assert (answer["stage"], answer["refer"], answer["options"]) == ("refer", True, [])
    assert len(answer["warnings"]) == 1 and "night-pain" in answer["warnings"][0]
