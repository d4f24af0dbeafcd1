"""Sentences a coach reads that must not be misread: prerequisites that are each "any one
of" a group, and a projected re-test's step back that names its fault once."""

from __future__ import annotations

import json
import re

import pytest

from .runner import Call, example, run_many

pytestmark = pytest.mark.cli

CALLS = {
    "recommend": Call(("recommend", example("passed-technique.json"))),
    "block": Call(("block", example("passed-technique.json"), "--weeks", "4", "--json")),
}


@pytest.fixture(scope="module")
def outputs():
    results = run_many(CALLS)
    for name, result in results.items():
        assert result.code == 0, f"{name}: {result.err}"
    return {name: result.out for name, result in results.items()}


def test_a_prerequisite_with_a_choice_says_one_of_it(outputs):
    said = " ".join(outputs["recommend"].split())
    assert (
        "Single-Leg Romanian Deadlift builds on Romanian Deadlift and one of Hex-Bar "
        "Deadlift, Sumo Deadlift or Conventional Deadlift, not yet mastered"
    ) in said


def test_a_projected_re_test_names_its_fault_once_before_the_step_back(outputs):
    block = json.loads(outputs["block"])
    steps = [
        why["text"]
        for week in block["weeks"]
        for item in week["if_retest_fails"] or []
        for why in item["why"]
        if why["rule"] == "fault-step-back"
    ]
    assert steps
    for text in steps:
        found = re.fullmatch(r"If the week-\d+ re-test shows (.+), (.+) is the step back", text)
        assert found, text
        assert text.count(found.group(1)) == 1, text
