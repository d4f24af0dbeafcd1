"""After a passed test: the three options, the goal's order, the ladder above, the stage."""

from __future__ import annotations

import pytest

from hingecoach.core import default_catalog, load_catalog, recommend
from unit.builders import (
    KNEE_BENDING,
    avoided,
    case,
    catalog_range,
    option,
    options,
    passed,
    rules,
)

CATALOG = default_catalog()

BASE = ["kneeling-hip-hinge", "kneeling-good-morning", "good-morning"]
RDLS = ("romanian-deadlift", "stiff-legged-deadlift")


def after_pass(*mastered: str, goal: str | None = None, **athlete):
    return recommend(case(mastered=mastered, tests=[passed()], goal=goal, **athlete), CATALOG)


def test_a_passed_test_moves_the_athlete_to_the_fundamental_stage():
    assert after_pass().stage == "fundamental"
    assert after_pass(*BASE).stage == "fundamental"


# --- option (a): stay with good mornings for strength --------------------------------------


def test_after_a_pass_good_mornings_stay_on_offer_for_strength_work():
    gm = option(after_pass(*BASE), "good-morning")
    assert "stay-strength" in rules(gm.reasons)
    assert gm.prescription.load_kg is not None


def test_strength_work_on_good_mornings_is_three_sets_of_ten_by_default():
    gm = option(after_pass(*BASE, goal="technique"), "good-morning")
    assert gm.prescription.sets == 3
    assert gm.prescription.reps == [10, 10, 10]


def test_strength_work_on_good_mornings_is_ten_eight_six_for_maximal_strength():
    gm = option(after_pass(*BASE, goal="max-strength"), "good-morning")
    assert gm.prescription.reps == [10, 8, 6]


def test_good_mornings_are_offered_after_a_pass_even_when_nothing_is_mastered():
    assert "good-morning" in options(after_pass())


# --- option (b): Romanian or stiff-legged deadlifts once good mornings are mastered ---------


@pytest.mark.parametrize("exercise", RDLS)
def test_bar_in_hands_deadlifts_are_offered_once_good_mornings_are_mastered(exercise):
    rdl = option(after_pass("good-morning"), exercise)
    assert "stretch-skill" in rules(rdl.reasons)


@pytest.mark.parametrize("exercise", RDLS)
def test_bar_in_hands_deadlifts_wait_for_good_mornings_to_be_mastered(exercise):
    rec = after_pass("kneeling-hip-hinge", "kneeling-good-morning")
    assert exercise not in options(rec)
    assert any("good-morning" in r for r in avoided(rec)[exercise])


@pytest.mark.parametrize("exercise", RDLS)
def test_a_new_bar_in_hands_deadlift_starts_with_less_load_than_its_range_allows(exercise):
    load = option(after_pass("good-morning"), exercise).prescription.load_kg
    full = catalog_range(exercise, 34)
    assert load.min == full.min
    assert load.max < full.max


# --- option (c): nordic hip hinges once the kneeling hip hinge is mastered ------------------


def test_nordic_hip_hinges_are_offered_once_the_kneeling_hip_hinge_is_mastered():
    nordic = option(after_pass("kneeling-hip-hinge"), "nordic-hip-hinge")
    assert "nordic-option" in rules(nordic.reasons)


def test_the_nordic_reason_warns_about_the_lower_back_over_arching():
    nordic = option(after_pass("kneeling-hip-hinge"), "nordic-hip-hinge")
    assert any("over-arch" in r or "extension" in r for r in nordic.reasons)


def test_nordic_hip_hinges_wait_for_the_kneeling_hip_hinge_to_be_mastered():
    rec = after_pass("good-morning")
    assert "nordic-hip-hinge" not in options(rec)
    assert any("kneeling-hip-hinge" in r for r in avoided(rec)["nordic-hip-hinge"])


# --- the goal orders the options -----------------------------------------------------------


def test_the_goal_max_strength_puts_good_mornings_first():
    rec = after_pass(*BASE, goal="max-strength")
    assert options(rec)[0] == "good-morning"
    assert "goal-first" in rules(rec.options[0].reasons)


def test_the_goal_technique_puts_a_bar_in_hands_deadlift_first():
    rec = after_pass(*BASE, goal="technique")
    assert options(rec)[0] in RDLS
    assert "goal-first" in rules(rec.options[0].reasons)


def test_without_a_goal_technique_order_applies():
    assert options(after_pass(*BASE))[0] in RDLS


def test_the_goal_hamstring_load_puts_the_nordic_first():
    rec = after_pass(*BASE, goal="hamstring-load")
    assert options(rec)[0] == "nordic-hip-hinge"
    assert "goal-first" in rules(rec.options[0].reasons)


@pytest.mark.parametrize("goal", ["technique", "max-strength", "hamstring-load"])
def test_every_goal_still_offers_all_three_options(goal):
    offered = set(options(after_pass(*BASE, goal=goal)))
    assert "good-morning" in offered
    assert offered & set(RDLS)
    assert "nordic-hip-hinge" in offered


# --- deadlifts that bend the knees ---------------------------------------------------------


@pytest.mark.parametrize(
    "mastered",
    [
        (*BASE,),
        (*BASE, "romanian-deadlift"),
        (*BASE, "stiff-legged-deadlift"),
        (*BASE, "nordic-hip-hinge"),
    ],
)
def test_the_hex_bar_deadlift_waits_for_a_bar_in_hands_deadlift_and_the_nordic(mastered):
    rec = after_pass(*mastered)
    assert "hex-bar-deadlift" not in options(rec)
    assert "knee-bend-gate" in rules(avoided(rec)["hex-bar-deadlift"])


@pytest.mark.parametrize("rdl", RDLS)
def test_the_hex_bar_deadlift_is_offered_once_a_bar_in_hands_deadlift_and_nordic_are_mastered(rdl):
    rec = after_pass(*BASE, rdl, "nordic-hip-hinge")
    assert "hex-bar-deadlift" in options(rec)


def test_the_sumo_deadlift_waits_for_the_hex_bar_deadlift():
    rec = after_pass(*BASE, "romanian-deadlift", "nordic-hip-hinge")
    assert "sumo-deadlift" not in options(rec)
    assert any("hex-bar-deadlift" in r for r in avoided(rec)["sumo-deadlift"])


def test_the_sumo_deadlift_is_offered_once_the_hex_bar_deadlift_is_mastered():
    rec = after_pass(*BASE, "romanian-deadlift", "nordic-hip-hinge", "hex-bar-deadlift")
    assert "sumo-deadlift" in options(rec)


def test_the_conventional_deadlift_waits_for_the_sumo_deadlift():
    rec = after_pass(*BASE, "romanian-deadlift", "nordic-hip-hinge", "hex-bar-deadlift")
    assert "deadlift" not in options(rec)
    assert any("sumo-deadlift" in r for r in avoided(rec)["deadlift"])


def test_the_conventional_deadlift_is_offered_once_the_sumo_deadlift_is_mastered():
    rec = after_pass(
        *BASE, "romanian-deadlift", "nordic-hip-hinge", "hex-bar-deadlift", "sumo-deadlift"
    )
    assert "deadlift" in options(rec)


def test_the_hip_thrust_stands_in_for_the_nordic_when_the_athlete_cannot_kneel():
    rec = after_pass(
        "hip-bridge", "good-morning", "romanian-deadlift", "hip-thrust", conditions=["cannot-kneel"]
    )
    assert "hex-bar-deadlift" in options(rec)


def test_an_athlete_who_cannot_kneel_still_needs_the_hip_thrust_before_the_hex_bar():
    rec = after_pass("hip-bridge", "good-morning", "romanian-deadlift", conditions=["cannot-kneel"])
    assert "hex-bar-deadlift" not in options(rec)
    assert "hex-bar-deadlift" in avoided(rec)


def test_an_athlete_who_cannot_kneel_gets_the_hip_thrust_where_the_nordic_would_be():
    rec = after_pass(
        "hip-bridge", "good-morning", conditions=["cannot-kneel"], goal="hamstring-load"
    )
    assert "hip-thrust" in options(rec)
    assert "nordic-hip-hinge" not in options(rec)


# --- the stage climbs with what is mastered -----------------------------------------------

LADDER = {
    "hex-bar-deadlift": (*BASE, "romanian-deadlift", "nordic-hip-hinge", "hex-bar-deadlift"),
    "sumo-deadlift": (
        *BASE,
        "romanian-deadlift",
        "nordic-hip-hinge",
        "hex-bar-deadlift",
        "sumo-deadlift",
    ),
    "deadlift": (
        *BASE,
        "romanian-deadlift",
        "nordic-hip-hinge",
        "hex-bar-deadlift",
        "sumo-deadlift",
        "deadlift",
    ),
}


def test_without_a_knee_bending_deadlift_mastered_the_stage_stays_fundamental():
    assert after_pass(*BASE, "romanian-deadlift", "nordic-hip-hinge").stage == "fundamental"


@pytest.mark.parametrize("deadlift", KNEE_BENDING)
def test_a_mastered_knee_bending_deadlift_moves_the_athlete_to_the_challenge_stage(deadlift):
    assert after_pass(*LADDER[deadlift]).stage == "challenge"


def test_a_mastered_challenge_exercise_moves_the_athlete_to_the_mastery_stage():
    mastered = (*LADDER["hex-bar-deadlift"], "single-leg-romanian-deadlift")
    assert after_pass(*mastered).stage == "mastery"


def test_the_single_leg_romanian_deadlift_is_offered_from_the_challenge_stage():
    rec = after_pass(*LADDER["hex-bar-deadlift"])
    slrdl = option(rec, "single-leg-romanian-deadlift")
    assert slrdl.theme == "challenge"


def test_the_single_leg_romanian_deadlift_waits_for_a_knee_bending_deadlift():
    rec = after_pass(*BASE, "romanian-deadlift", "nordic-hip-hinge")
    assert "single-leg-romanian-deadlift" not in options(rec)
    assert "single-leg-romanian-deadlift" in avoided(rec)


def test_mastered_work_without_a_pass_does_not_lift_the_stage():
    mastered = (*LADDER["deadlift"], "single-leg-romanian-deadlift")
    assert recommend(case(mastered=mastered), CATALOG).stage == "corrective"


def test_the_series_is_not_offered_again_after_a_pass():
    rec = after_pass(*BASE)
    assert "kneeling-hip-hinge" not in options(rec)
    assert "kneeling-good-morning" not in options(rec)


OWNS_THE_DEADLIFTS = [
    "kneeling-hip-hinge",
    "kneeling-good-morning",
    "good-morning",
    "romanian-deadlift",
    "hex-bar-deadlift",
    "deadlift",
]


@pytest.mark.parametrize("goal", ["technique", "max-strength"])
def test_mastered_lifts_keep_their_own_sets_and_reps(goal):
    catalog = load_catalog()
    rec = recommend(case(30, mastered=OWNS_THE_DEADLIFTS, tests=[passed()], goal=goal), CATALOG)
    lifts = [o for o in rec.options if o.exercise != "good-morning"]
    assert lifts
    for item in lifts:
        assert item.prescription.reps == catalog[item.exercise].prescription.reps, item.exercise


def test_good_mornings_take_the_max_strength_scheme():
    rec = recommend(
        case(30, mastered=OWNS_THE_DEADLIFTS, tests=[passed()], goal="max-strength"), CATALOG
    )
    assert len(set(option(rec, "good-morning").prescription.reps)) > 1


@pytest.mark.parametrize(
    "logged",
    [
        {"exercise": "deadlift", "load_kg": 60, "sets": 3, "reps": [5, 5, 5]},
        {"exercise": "good-morning", "load_kg": 30, "sets": 2, "reps": [8, 8]},
    ],
)
def test_after_a_flare_no_lift_gets_more_sets_or_reps_than_the_flared_session(logged):
    last = {"pain_during": 7, "exercises": [logged]}
    rec = recommend(
        case(
            30,
            mastered=OWNS_THE_DEADLIFTS,
            tests=[passed()],
            goal="max-strength",
            last_session=last,
        ),
        CATALOG,
    )
    same = [o for o in rec.options if o.exercise == logged["exercise"]]
    assert same
    rx = same[0].prescription
    assert rx.sets <= logged["sets"]
    assert all(r <= done for r, done in zip(rx.reps, logged["reps"], strict=False))
    assert len(rx.reps) <= len(logged["reps"])


@pytest.mark.parametrize("mastered", [OWNS_THE_DEADLIFTS, [*BASE, "romanian-deadlift"], BASE])
def test_the_max_strength_reason_names_the_exercise_it_is_on(mastered):
    rec = recommend(case(30, mastered=mastered, tests=[passed()], goal="max-strength"), CATALOG)
    first = rec.options[0]
    texts = [w.text for w in first.why if w.rule == "goal-first"]
    assert texts, first.exercise
    assert first.name in texts[0]
    if first.exercise != "good-morning":
        assert "good morning" not in texts[0].lower()
