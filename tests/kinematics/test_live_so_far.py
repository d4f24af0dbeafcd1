"""Live mode's reading of a set still being filmed: a rep counts once it is over, never
while the lifter is still on the way up, and the cue names the fault and the fix."""

from __future__ import annotations

import pytest

from hingecoach.core import default_catalog
from hingecoach.core.kinematics import default_video_thresholds
from hingecoach.core.kinematics.live import lead_in_s, rep_cue, reps_so_far
from hingecoach.core.kinematics.report import FaultFinding, Rep, Tempo
from kinematics.builders import hinge_frames, lean_curve, track

FPS = 10.0
TH = default_video_thresholds()
CATALOG = default_catalog()


def so_far(leans):
    return reps_so_far(track(hinge_frames(leans), fps=FPS), TH, CATALOG)


def test_every_rep_of_a_whole_set_is_finished():
    reading = so_far(lean_curve(reps=3, fps=FPS))
    assert len(reading.report.reps) == 3
    assert reading.finished == 3
    assert reading.facing == 1.0


def test_a_rep_still_rising_is_not_finished():
    leans = lean_curve(reps=2, fps=FPS, rest_s=0.8, rep_s=2.0)
    # Cut the film three quarters of the way through the second rep (rising again).
    cut = int(0.8 * FPS) + int(2.0 * FPS) + int(0.8 * FPS) + int(1.5 * FPS)
    reading = so_far(leans[:cut])
    assert len(reading.report.reps) == 2  # the clip-end rule counts the second...
    assert reading.finished == 1  # ...but live mode waits until it is over
    ended = reps_so_far(track(hinge_frames(leans[:cut]), fps=FPS), TH, CATALOG, over=True)
    assert ended.finished == 2  # once the filming stops, the clip-end rule holds


@pytest.mark.parametrize("cut_s", [1.5, 2.5, 3.1, 4.0, 5.5])
def test_the_count_never_runs_ahead_of_the_whole_set(cut_s):
    leans = lean_curve(reps=2, fps=FPS)
    whole = so_far(leans)
    part = so_far(leans[: int(cut_s * FPS)])
    assert part.finished <= whole.finished
    for rep in part.report.reps[: part.finished]:
        assert rep.end_s + TH.reps.planted_margin_s <= cut_s


def test_a_rep_still_bent_over_is_not_finished():
    # Down to 70 degrees, up to 40 (still leaning past the rep's 30), a pause there.
    leans = [2.0] * 8 + [2 + 68 * i / 10 for i in range(11)] + [70 - 3 * i for i in range(11)]
    reading = so_far(leans + [40.0] * 10)
    assert reading.finished == 0
    reading = so_far(leans + [40 - 4 * i for i in range(10)] + [2.0] * 10)
    assert reading.finished == 1


def test_reading_from_the_last_counted_rep_finds_only_the_new_ones():
    leans = lean_curve(reps=3, fps=FPS)
    whole = so_far(leans)
    first_end = whole.report.reps[0].end_s
    start = max(0, round((first_end - lead_in_s(TH)) * FPS))
    tail = reps_so_far(
        track(hinge_frames(leans[start:]), fps=FPS), TH, CATALOG, settled_s=first_end - start / FPS
    )
    assert tail.finished == len(tail.reps) == 2
    for rep, same in zip(tail.reps, whole.report.reps[1:], strict=True):
        assert rep.bottom_s + start / FPS == pytest.approx(same.bottom_s, abs=0.11)


def test_a_known_facing_is_kept():
    reading = reps_so_far(
        track(hinge_frames(lean_curve(reps=1, fps=FPS)), fps=FPS), TH, CATALOG, facing=1.0
    )
    assert reading.facing == 1.0 and reading.report.side == "right"


def _rep(faults):
    return Rep(
        start_s=0.0,
        bottom_s=1.0,
        end_s=2.0,
        hip_rom_deg=80.0,
        max_trunk_deg=70.0,
        tempo=Tempo(down_s=1.0, up_s=1.0),
        measures={"knee-dominant": 1.0},
        faults=faults,
    )


def test_the_cue_names_the_surest_fault_and_the_catalogs_fix():
    faults = [
        FaultFinding(
            fault="knee-dominant",
            t_s=1.0,
            value=60.0,
            threshold=45.0,
            confidence=0.4,
            measure="degrees",
        ),
        FaultFinding(
            fault="no-counterbalance",
            t_s=1.0,
            value=0.1,
            threshold=0.2,
            confidence=0.9,
            measure="leg lengths",
        ),
    ]
    cue = rep_cue(2, _rep(faults), CATALOG, "bodyweight-hip-hinge")
    fault = CATALOG.faults["no-counterbalance"]
    assert (cue.rep, cue.fault, cue.name, cue.more) == (2, "no-counterbalance", fault.name, 1)
    assert cue.fix == CATALOG.fault_words("no-counterbalance", "bodyweight-hip-hinge")[1]


def test_a_rep_without_faults_says_whether_any_were_read():
    assert rep_cue(1, _rep([]), CATALOG, "bodyweight-hip-hinge").read
    unread = _rep([]).model_copy(update={"measures": {}})
    assert not rep_cue(1, unread, CATALOG, "bodyweight-hip-hinge").read
