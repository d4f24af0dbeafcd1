"""What the readable ``analyze`` says of the real four-rep deadlift clip, whose plates hide
the legs and hips and whose feet are seldom seen: no fault can be judged, so the coach is
told so in one line with how to film a clip that can be, whichever exercise it is
analysed as."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from .conftest import ROOT
from .support import run_cli

CLIP = ROOT.parent / "shared" / "video" / "deadlift-4reps-portrait.mp4"

pytestmark = [
    pytest.mark.video,
    pytest.mark.skipif(not CLIP.is_file(), reason=f"no shared clip {CLIP}"),
]
EXERCISES = ("deadlift", "bodyweight-hip-hinge")


@pytest.fixture(scope="module")
def said():
    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = {
            exercise: pool.submit(
                run_cli, "analyze", str(CLIP), "--exercise", exercise, env={"COLUMNS": "400"}
            )
            for exercise in EXERCISES
        }
        done = {exercise: run.result() for exercise, run in runs.items()}
    for exercise, result in done.items():
        assert result.returncode == 0, f"{exercise}: {result.stderr}"
    return {exercise: " ".join(result.stdout.split()) for exercise, result in done.items()}


@pytest.mark.parametrize("exercise", EXERCISES)
def test_a_clip_that_judged_nothing_says_so_and_how_to_film_it_again(said, exercise):
    out = said[exercise]
    assert (
        "Nothing in this clip could be judged. Film it again so it can be: plates or a bar "
        "hid the legs and hips, so film a bodyweight test, or a light set with small plates; "
        "the feet were not seen, so keep both feet in the frame"
    ) in out


def test_another_exercise_that_judged_nothing_speaks_of_no_fault_seen(said):
    assert "Faults seen in an exercise other than the test" not in said["deadlift"]


def test_the_test_that_judged_nothing_still_asks_the_coach_to_watch(said):
    assert "watch the athlete yourself before recording a test" in said["bodyweight-hip-hinge"]
