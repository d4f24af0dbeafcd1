"""Referral: red flags, pain now of 7/10 or more, a spinal fusion without clearance."""

from __future__ import annotations

import pytest

from hingecoach.core import block, default_catalog, plan, recommend
from unit.builders import RED_FLAGS, SERIES, case, passed

CATALOG = default_catalog()

A_LOT = dict(mastered=[*SERIES, "romanian-deadlift", "nordic-hip-hinge"], tests=[passed()])


def assert_referred(c):
    rec = recommend(c, CATALOG)
    assert rec.refer is True
    assert rec.stage == "refer"
    assert rec.options == []
    p = plan(c, CATALOG)
    assert p.refer is True
    assert p.stage == "refer"
    assert p.session == []
    return rec


def test_the_catalog_holds_exactly_the_red_flags_of_the_domain():
    assert set(default_catalog().red_flags) == set(RED_FLAGS)


@pytest.mark.parametrize("flag", RED_FLAGS)
def test_each_red_flag_refers_with_a_warning_naming_the_flag_and_why(flag):
    rec = assert_referred(case(red_flags=[flag], **A_LOT))
    assert len(rec.warnings) == 1
    assert flag in rec.warnings[0]
    assert default_catalog().red_flags[flag].why in rec.warnings[0]


@pytest.mark.parametrize("pain", [7, 8, 10])
def test_pain_now_of_seven_or_more_refers(pain):
    rec = assert_referred(case(pain_nrs=pain))
    assert len(rec.warnings) == 1
    assert f"{pain}/10" in rec.warnings[0]


def test_pain_now_of_six_does_not_refer():
    assert recommend(case(pain_nrs=6), CATALOG).refer is False


@pytest.mark.parametrize("clearance", [{}, {"medical_clearance": False}])
def test_a_spinal_fusion_without_clearance_refers(clearance):
    rec = assert_referred(case(conditions=["spinal-fusion"], **clearance))
    assert len(rec.warnings) == 1
    assert "spinal-fusion" in rec.warnings[0]
    assert "clear" in rec.warnings[0]


def test_a_spinal_fusion_with_clearance_trains():
    cleared = case(conditions=["spinal-fusion"], medical_clearance=True)
    assert recommend(cleared, CATALOG).refer is False


def test_two_red_flags_give_two_warnings_one_per_flag():
    rec = assert_referred(case(red_flags=["fever", "night-pain"]))
    assert len(rec.warnings) == 2
    assert sum("fever" in w for w in rec.warnings) == 1
    assert sum("night-pain" in w for w in rec.warnings) == 1


def test_every_cause_of_referral_gets_its_own_warning():
    rec = assert_referred(
        case(red_flags=["cancer-history", "major-trauma"], pain_nrs=9, conditions=["spinal-fusion"])
    )
    assert len(rec.warnings) == 4
    for cause in ("cancer-history", "major-trauma", "9/10", "spinal-fusion"):
        assert sum(cause in w for w in rec.warnings) == 1, cause


def test_a_red_flag_refers_even_an_athlete_who_would_otherwise_be_pain_aware():
    assert_referred(case(red_flags=["saddle-anaesthesia"], conditions=["low-back-pain"]))


def test_referral_warnings_send_the_athlete_to_a_clinician():
    rec = recommend(case(red_flags=["fever"]), CATALOG)
    assert "clinician" in rec.warnings[0]


def test_a_referred_athlete_gets_a_block_with_no_weeks():
    b = block(case(red_flags=["bladder-bowel-dysfunction"]), weeks=4, catalog=CATALOG)
    assert b.refer is True
    assert b.stage == "refer"
    assert b.weeks == []
    assert b.warnings
