"""The view for a person: stage, warnings, the session table, reasons, avoid list, units."""

from __future__ import annotations

import json

import pytest

from .runner import Call, example, hingecoach, run_many

pytestmark = pytest.mark.cli

VIEWS = {
    "plan-kg": Call(("plan", example("failed-test.json"))),
    "plan-lb": Call(("plan", example("failed-test.json"), "--units", "lb")),
    "plan-explain": Call(("plan", example("failed-test.json"), "--explain")),
    "plan-narrow": Call(("plan", example("failed-test.json")), env={"COLUMNS": "50"}),
    "recommend": Call(("recommend", example("failed-test.json"))),
    "referral": Call(("plan", example("red-flag.json"))),
    "fear": Call(("recommend", example("fear-high.json"))),
    "block": Call(("block", example("passed-technique.json"), "--weeks", "4")),
    "block-referral": Call(("block", example("spinal-fusion-no-clearance.json"), "--weeks", "3")),
}


@pytest.fixture(scope="module")
def views():
    results = run_many(VIEWS)
    for name, result in results.items():
        assert result.code == 0, f"{name}: {result.err}"
        assert result.err == ""
    return {name: result.out for name, result in results.items()}


def test_plan_shows_stage_session_cues_loads_and_plain_reasons(views):
    out = views["plan-kg"]
    assert "Stage corrective" in out
    for text in (
        "Bodyweight Standing Hip Hinge",
        "Warm-up re-test",
        "2x8",
        "10 kg",
        "20 kg",
        "Cues",
        "Keep the bar pinned where it sits",
        "Why",
        "Keep working between the kneeling",
    ):
        assert text in out, text
    assert "(rule:" not in out and "kneeling-good-morning" not in out


def test_explain_shows_the_rule_ids(views):
    assert "[failed-test]" in views["plan-explain"]
    assert "[failed-test]" not in views["plan-kg"]


def test_units_lb_shows_pounds_a_gym_has_in_the_dose_and_the_reasons(views):
    out = views["plan-lb"]
    assert "2x8 · 25 lb" in out  # kneeling good morning, 10 kg made a 5 lb-step bar load
    assert "3x10 · 45 lb" in out  # good morning, 20 kg
    assert " kg" not in out


def test_units_lb_names_a_kilogram_kettlebell_by_its_pound_bell():
    strong = {
        "athlete": {"age": 30},
        "mastered": ["kneeling-hip-hinge", "single-leg-romanian-deadlift"],
        "tests": [{"date": "2026-11-20", "faults": []}],
        "goal": "max-strength",
    }
    result = hingecoach("recommend", "-", "--units", "lb", stdin=json.dumps(strong))
    assert result.code == 0, result.err
    assert "3x8 each side · 18–53 lb" in result.out  # 8-24 kg: the 24 kg bell is 53 lb
    assert "44 lb" not in result.out


def test_at_fifty_columns_every_item_still_shows_its_load(views):
    out = views["plan-narrow"]
    assert max(len(line.rstrip()) for line in out.splitlines()) <= 50
    # The re-test, the kneeling and the standing good morning (a technique goal: no curl).
    assert out.count(" · rest ") == 3
    for load in ("body weight", "10 kg", "20 kg"):
        assert load in out, load


def test_recommend_lists_what_to_avoid_with_its_reasons(views):
    out = views["recommend"]
    avoid = out.split("Avoid today")[1]
    assert "Romanian Deadlift" in avoid
    assert "No fundamental hinge until a test passes" in " ".join(avoid.split())


def test_a_referral_is_unmistakable_and_shows_no_exercises(views):
    for name in ("referral", "block-referral"):
        out = views[name]
        assert "REFER TO A CLINICIAN" in out
        assert "Refer YES" in out
        assert "Exercise" not in out and "Week 1" not in out


def test_warnings_are_shown_in_plain_sight(views):
    out = views["fear"]
    assert "Warnings" in out
    assert "TSK-11 38" in out.split("Options, best first")[0]


def test_block_has_a_section_per_week_and_what_replaces_it(views):
    out = views["block"]
    for week in range(1, 5):
        assert f"Week {week}" in out
    assert "re-test yes" in out and "re-test no" in out
    assert out.count("After a pain flare:") == 4
    assert out.count("If the re-test fails:") == 2
