"""Each fault reads as English inside a sentence: the step back for it, a test that showed
it, a re-test that shows it. A fault's name ("Turns into a squat") is a label for a list;
a sentence uses its noun form."""

from __future__ import annotations

import re

import pytest

from hingecoach.core import block, default_catalog, plan, recommend
from unit.builders import FAULTS, case, failed

CATALOG = default_catalog()
IN_A_SENTENCE = {
    "lumbar-flexion": "a rounding lower back",
    "lumbar-extension": "an over-arching lower back",
    "no-counterbalance": "hips that do not travel back to counterbalance",
    "weight-forward": "weight drifting to the toes",
    "toes-lift": "big toes coming off the floor",
    "knee-dominant": "squatting instead of hinging",
}


def _why(items) -> list[str]:
    return [w.text for item in items for w in item.why]


def test_every_fault_has_a_sentence_form():
    assert set(IN_A_SENTENCE) == set(FAULTS) == set(CATALOG.faults)


@pytest.mark.parametrize("fault", FAULTS)
def test_the_step_back_names_the_fault_in_words_that_read(fault):
    c = case(30, tests=[failed(fault)])
    back = CATALOG.exercises[CATALOG.faults[fault].regress_to].name
    wanted = f"{back} is the step back for {IN_A_SENTENCE[fault]}"
    assert wanted in _why(recommend(c, CATALOG).options)
    assert wanted in _why(plan(c, CATALOG).session)


@pytest.mark.parametrize("fault", FAULTS)
def test_a_failed_test_warning_says_what_the_test_showed_in_words_that_read(fault):
    c = case(30, tests=[failed(fault, on="2026-11-01")])
    warnings = [w.text for w in recommend(c, CATALOG).warnings_why]
    assert any(f"test on 1 Nov 2026 showed {IN_A_SENTENCE[fault]}," in w for w in warnings)


def test_two_faults_are_joined_in_their_sentence_forms():
    c = case(30, tests=[failed("lumbar-flexion", "knee-dominant", on="2026-11-01")])
    warnings = " ".join(w.text for w in recommend(c, CATALOG).warnings_why)
    assert "showed a rounding lower back and squatting instead of hinging," in warnings, warnings


@pytest.mark.parametrize("fault", FAULTS)
def test_no_person_sentence_uses_a_faults_label_as_a_noun(fault):
    c = case(30, tests=[failed(fault)])
    label = re.compile(rf"\b{re.escape(CATALOG.faults[fault].name)}\b", re.IGNORECASE)
    weeks = block(c, 6, CATALOG).weeks
    texts = [
        *_why(recommend(c, CATALOG).options),
        *[w.text for w in recommend(c, CATALOG).warnings_why],
        *_why(plan(c, CATALOG).session),
        *_why(item for week in weeks for item in [*week.session, *(week.if_retest_fails or [])]),
    ]
    assert texts
    for text in texts:
        assert not label.search(text), text


def test_the_contract_reasons_keep_the_fault_ids():
    c = case(30, tests=[failed("knee-dominant", on="2026-11-01")])
    reasons = [r for o in recommend(c, CATALOG).options for r in o.reasons]
    assert any("is the step back for knee-dominant (rule: fault-step-back)" in r for r in reasons)
