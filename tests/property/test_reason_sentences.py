"""Every sentence the engine, the planner and the block give a person, over generated
cases and in both units, reads as one plain sentence: a projected re-test is an "If"
clause without a "so" after it, no word twice in a row, no "None", no id, no kilograms
in a pound answer."""

from __future__ import annotations

import re

from hypothesis import given, settings

from hingecoach.core import block, plan, recommend
from hingecoach.core.present import why_text
from property.strategies import CATALOG, cases

SETTINGS = settings(max_examples=150, deadline=None)
IDS = re.compile(
    r"(?<![\w-])("
    + "|".join(
        map(
            re.escape,
            sorted(
                [
                    i
                    for i in [
                        *CATALOG.exercises,
                        *CATALOG.faults,
                        *CATALOG.red_flags,
                        *CATALOG.rules,
                        *CATALOG.conditions,
                    ]
                    if "-" in i
                ],
                key=len,
                reverse=True,
            ),
        )
    )
    + r")(?![\w-])"
)
DOUBLED = re.compile(r"\b([a-z]+)\s+\1\b", re.IGNORECASE)
STRAY = re.compile(r" [,;:.]|[,;:]{2}|, ,|  ")


def whys(case):
    rec, today = recommend(case, CATALOG), plan(case, CATALOG)
    yield from rec.warnings_why
    for entry in [*rec.options, *rec.avoid, *today.session]:
        yield from entry.why
    for week in block(case, 8, CATALOG).weeks:
        for item in [*week.session, *week.if_pain_flare, *(week.if_retest_fails or [])]:
            yield from item.why


def check(text: str, units: str) -> None:
    assert "None" not in text, text
    assert not IDS.search(text), text
    assert not DOUBLED.search(text), text
    assert not STRAY.search(text), text
    if text.startswith("If "):
        assert ", so " not in text and "; " not in text, text
    other = "lb" if units == "kg" else "kg"
    assert not re.search(rf"\d {other}\b", text), text


@SETTINGS
@given(cases())
def test_every_sentence_for_a_person_reads_as_one_plain_sentence(case):
    for why in whys(case):
        for units in ("kg", "lb"):
            check(why_text(CATALOG, why, units), units)


def test_a_projected_failed_retest_reads_as_a_condition_without_so():
    case = {
        "athlete": {"age": 34},
        "mastered": ["kneeling-hip-hinge", "kneeling-good-morning"],
        "tests": [{"date": "2026-03-02", "faults": ["lumbar-flexion"]}],
    }
    texts = [
        why_text(CATALOG, w, "kg")
        for week in block(case, 8, CATALOG).weeks
        for item in week.if_retest_fails or []
        for w in item.why
    ]
    projected = [t for t in texts if t.startswith("If the week-")]
    assert projected, texts
    assert any("shows a rounding lower back, keep working between" in t for t in projected), (
        projected
    )
