"""A modest accuracy run (200 generated clips, seeded): the same bars as the benchmark in
benchmarks/kinematics/accuracy.py, which runs 2,000."""

from __future__ import annotations

import numpy as np
import pytest

from hingecoach.core import default_catalog
from hingecoach.core.kinematics import FAULT_IDS, analyze_track
from hingecoach.synthetic import generate_clip, generate_set
from hingecoach.synthetic.scoring import Scorecard

CATALOG = default_catalog()

CLIPS = 200


@pytest.fixture(scope="module")
def card() -> Scorecard:
    scorecard = Scorecard()
    for spec in generate_set(CLIPS, seed=99):
        clip, truth = generate_clip(spec)
        scorecard.add(spec, truth, analyze_track(clip, catalog=CATALOG))
    return scorecard


@pytest.mark.parametrize("fault", FAULT_IDS)
def test_every_fault_has_precision_and_recall_of_at_least_0_9(card, fault):
    count = card.faults[fault]
    assert count.tp + count.fn >= 10, "too few reps with the fault to judge"
    assert count.precision >= 0.9 and count.recall >= 0.9, count


@pytest.mark.parametrize("angle", ["hip", "knee", "trunk"])
def test_angles_stay_within_3_degrees(card, angle):
    assert card.errors(angle).mean() < 1.5
    for level in (0.0, 0.002, 0.004):
        assert np.percentile(card.errors(angle, level), 95) <= 3.0


def test_reps_are_counted(card):
    hits = [hit for counts in card.rep_counts.values() for hit in counts]
    assert np.mean(hits) >= 0.95


def test_walks_and_jumps_give_no_rep(card):
    counts = [n for kind in card.non_hinge_reps.values() for n in kind]
    assert counts and all(n == 0 for n in counts)


def test_assessable_and_not_assessable_clips_are_told_apart(card):
    for situation, right in card.verdicts.items():
        assert np.mean(right) >= 0.98, situation
