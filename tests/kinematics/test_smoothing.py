"""Gap bridging and smoothing of landmark tracks."""

from __future__ import annotations

import numpy as np
import pytest

from hingecoach.core.kinematics.smoothing import clean, fill_gaps, seen_runs, smooth

NAN = np.nan


def test_a_short_gap_is_bridged_and_a_long_one_is_left_open():
    values = np.array([0.0, 1, 2, NAN, NAN, 5, 6, NAN, NAN, NAN, NAN, 11, 12])
    filled = fill_gaps(values, max_gap=2)
    assert filled[3:5] == pytest.approx([3.0, 4.0])
    assert np.isnan(filled[7:11]).all()


def test_gaps_at_either_end_stay_open():
    filled = fill_gaps(np.array([NAN, 1.0, 2.0, 3.0, NAN]), max_gap=5)
    assert np.isnan(filled[0]) and np.isnan(filled[-1])


def test_a_bridge_follows_a_curve_through_the_gap():
    t = np.arange(30.0)
    curve = 0.05 * (t - 15) ** 2
    holed = curve.copy()
    holed[12:18] = NAN
    assert fill_gaps(holed, max_gap=6)[12:18] == pytest.approx(curve[12:18])


def test_gap_bridging_works_column_by_column():
    xy = np.array([[0.0, 10], [NAN, NAN], [2, 30]])
    assert fill_gaps(xy, 1)[1] == pytest.approx([1.0, 20.0])


def test_smoothing_keeps_lines_and_curves_and_the_ends_of_a_run():
    t = np.arange(40.0)
    for signal in (3 + 0.5 * t, 0.02 * (t - 10) ** 2):
        assert smooth(signal, 2.0) == pytest.approx(signal, abs=0.05)


def test_smoothing_cuts_jitter():
    noise = np.random.default_rng(1).normal(0, 1, 5000)
    assert np.std(smooth(noise, 2.0)) < 0.6


def test_smoothing_never_averages_across_a_gap():
    values = np.array([0.0] * 10 + [NAN] * 3 + [100.0] * 10)
    out = smooth(values, 2.0)
    assert out[:10] == pytest.approx(0.0) and out[13:] == pytest.approx(100.0)
    assert np.isnan(out[10:13]).all()


def test_clean_bridges_then_smooths():
    values = np.array([1.0, 1, 1, NAN, 1, 1, 1])
    assert clean(values, max_gap=1, sigma=1.0) == pytest.approx([1.0] * 7)


def test_seen_runs_lists_each_stretch():
    assert seen_runs(np.array([True, True, False, True])) == [(0, 2), (3, 4)]
