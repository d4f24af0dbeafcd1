"""The real pose model on scenes that real side-view clips bring (``scenes.py``): someone
else in the picture, a gym behind, plates in front of the legs, a portrait phone clip,
the right side toward the camera, a small person, a short clip that starts at the
bottom. Each is one rep at 960 px, filmed once per module.

Not asserted here, on purpose: lumbar faults on these drawn backs, and the foot faults
(weight-forward, toes-lift) beyond the walker scene and the rising toes (found or said
not assessed, never read as down): the model moves the drawn heel and toe as the body
leans, and on the scene filmed facing right a clean toe still reads just past the
threshold. The benchmark records all of them (benchmarks/README.md, "Video
robustness"). Slow: marked ``video``."""

from __future__ import annotations

import numpy as np
import pytest

from hingecoach.core.catalog import default_catalog
from hingecoach.core.kinematics import AnalysisReport, Frame
from hingecoach.synthetic import Truth
from hingecoach.video import analyze_clip
from hingecoach.video.pipeline import ClipAnalysis

from .scenes import Filmed, film_scenario

pytestmark = pytest.mark.video

SCALE = 0.5  # 960 px on the long side: what the pipeline analyses anyway
LUMBAR = {"lumbar-flexion", "lumbar-extension"}


@pytest.fixture(scope="module")
def film(tmp_path_factory):
    folder = tmp_path_factory.mktemp("robustness")

    def filmed(name: str, **spec: object) -> tuple[ClipAnalysis, Filmed]:
        clip = film_scenario(name, folder, SCALE, **{"reps": 1, **spec})
        return analyze_clip(clip.path, catalog=default_catalog()), clip

    return filmed


@pytest.fixture(scope="module")
def bystander(film):
    return film("bystander-first")


@pytest.fixture(scope="module")
def walker(film):
    return film("walker-behind")


@pytest.fixture(scope="module")
def plates(film):
    return film("small-plates")


@pytest.fixture(scope="module")
def mirrored(film):
    return film("mirrored")


@pytest.fixture(scope="module")
def small(film):
    return film("small-person")


@pytest.fixture(scope="module")
def gym_squat(film):
    return film("gym-background", faults=frozenset({"knee-dominant"}))


@pytest.fixture(scope="module")
def portrait(film):
    return film("portrait")


@pytest.fixture(scope="module")
def from_the_bottom(film):
    return film("starts-at-bottom")


def assert_the_reps_of(report: AnalysisReport, truth: Truth) -> None:
    assert report.assessable, report.reason
    assert report.side == truth.side
    assert len(report.reps) == len(truth.reps)
    for got, want in zip(report.reps, truth.reps, strict=True):
        assert got.bottom_s == pytest.approx(want.bottom_s, abs=0.5)


def followed(analysis: ClipAnalysis, filmed: Filmed) -> dict[int, tuple[Frame, Frame]]:
    """Per analysed frame with the person found: (found, true) landmarks; after checking
    the person was found in nearly every frame."""
    athlete = filmed.athlete.frames[:: analysis.step]
    pairs = {
        i: (got, want)
        for i, (got, want) in enumerate(zip(analysis.track.frames, athlete, strict=True))
        if got is not None and want is not None
    }
    assert len(pairs) >= 0.9 * sum(want is not None for want in athlete)
    return pairs


def point(frame: Frame, name: str) -> np.ndarray:
    """A landmark, or "hip": the middle of both hips."""
    names = [f"{side}_{name}" for side in ("left", "right")] if name == "hip" else [name]
    return np.mean([frame.landmarks[n][:2] for n in names], axis=0)


def distance(got: Frame, want: Frame, name: str) -> float:
    return float(np.hypot(*(point(got, name) - point(want, name))))


def trunk(frame: Frame) -> float:
    return float(np.hypot(*(point(frame, "left_shoulder") - point(frame, "left_hip"))))


def test_someone_standing_beside_before_the_athlete_steps_in_does_not_take_their_place(bystander):
    analysis, filmed = bystander
    assert analysis.second_look  # the model followed the bystander first
    assert_the_reps_of(analysis.report, filmed.truth)


def test_someone_walking_behind_never_takes_the_athletes_place(walker):
    analysis, filmed = walker
    for got, want in followed(analysis, filmed).values():
        assert distance(got, want, "hip") < 0.4 * trunk(want)
    assert_the_reps_of(analysis.report, filmed.truth)
    assert set(analysis.report.faults) <= LUMBAR


def test_plates_in_front_of_the_legs_leave_the_rep_counted_and_no_fault_guessed(plates):
    """Counted, not timed: the plate drags the model's hip point, so the trunk's lean,
    which times a rep whose legs are lost, reads 25-30 degrees short and peaks late
    (0.6 s here; within 0.5 s in the benchmark's 1080p scene)."""
    analysis, filmed = plates
    report = analysis.report
    assert report.assessable and report.side == filmed.truth.side
    assert len(report.reps) == len(filmed.truth.reps)
    assert report.faults == []
    why = {item.fault: item.why for item in analysis.report.not_assessed}
    assert "legs could not be followed" in why["knee-dominant"]


def test_the_summary_of_reps_behind_plates_never_suggests_a_pass(plates, capsys):
    from hingecoach.cli.render_analysis import show_analysis

    show_analysis(plates[0], default_catalog(), [])
    text = " ".join(capsys.readouterr().out.split())
    assert "Nothing in this clip could be judged" in text and "No fault seen" not in text
    assert "plates or a bar hid the legs and hips" in text


def test_in_a_gym_a_hinge_that_turns_into_a_squat_is_found(gym_squat):
    analysis, filmed = gym_squat
    assert_the_reps_of(analysis.report, filmed.truth)
    for rep in analysis.report.reps:
        assert "knee-dominant" in [fault.fault for fault in rep.faults]


def test_a_portrait_phone_clip_is_analysed_upright(portrait):
    analysis, filmed = portrait
    assert (analysis.video.width, analysis.video.height) == (540, 960)
    assert_the_reps_of(analysis.report, filmed.truth)


def test_the_right_side_toward_the_camera_is_told_and_measured(mirrored):
    analysis, filmed = mirrored
    assert filmed.truth.side == "right"
    assert_the_reps_of(analysis.report, filmed.truth)


def test_a_person_40_percent_of_the_frame_tall_is_followed_through_the_rep(small):
    analysis, filmed = small
    assert_the_reps_of(analysis.report, filmed.truth)
    for got, want in followed(analysis, filmed).values():
        assert distance(got, want, "hip") < 0.4 * trunk(want)


def test_a_short_clip_that_starts_at_the_bottom_holds_its_one_rep(from_the_bottom):
    analysis, filmed = from_the_bottom
    assert_the_reps_of(analysis.report, filmed.truth)
    assert analysis.report.reps[0].start_s == 0.0


@pytest.fixture(scope="module")
def pull_from_floor(film):
    return film("pull-from-floor")


@pytest.fixture(scope="module")
def short_pull(film):
    return film("short-pull")


@pytest.fixture(scope="module")
def app_overlay(film):
    return film("app-overlay")


def test_one_pull_from_the_floor_behind_plates_is_one_rep(pull_from_floor):
    analysis, filmed = pull_from_floor
    assert_the_reps_of(analysis.report, filmed.truth)
    assert analysis.report.reps[0].start_s == 0.0


def test_a_pull_in_a_clip_under_a_second_is_judged(short_pull):
    analysis, filmed = short_pull
    assert analysis.report.clip.duration_s < 1.0
    assert_the_reps_of(analysis.report, filmed.truth)


@pytest.fixture(scope="module")
def touch_and_go(film):
    return film("touch-and-go", reps=3)


@pytest.fixture(scope="module")
def small_at_edge(film):
    return film("small-at-edge")


def test_a_touch_and_go_set_behind_plates_counts_every_rep(touch_and_go):
    analysis, filmed = touch_and_go
    assert_the_reps_of(analysis.report, filmed.truth)


def test_a_small_lifter_near_the_frames_edge_is_followed(small_at_edge):
    analysis, filmed = small_at_edge
    assert_the_reps_of(analysis.report, filmed.truth)


def test_an_apps_skeleton_and_text_burned_in_leave_the_rep_counted(app_overlay):
    analysis, filmed = app_overlay
    assert_the_reps_of(analysis.report, filmed.truth)
    hips = [v for v in analysis.report.series.hip_deg if v is not None]
    assert len(hips) >= 0.8 * len(analysis.report.series.hip_deg)


@pytest.fixture(scope="module")
def toes_up(film):
    return film("baseline", faults=frozenset({"toes-lift"}), reps=2)


def test_toes_that_rise_are_found_or_said_not_assessed_never_read_as_down(toes_up):
    """The model keeps a drawn toe on the floor while the heel and toe points slide
    apart as the body leans: the toes cannot be read, and the report says so."""
    analysis, filmed = toes_up
    assert "toes-lift" in filmed.truth.faults
    report = analysis.report
    judged = "toes-lift" in report.faults
    said = {item.fault: item.why for item in report.not_assessed}
    assert judged or "toes-lift" in said, [rep.measures for rep in report.reps]
    if not judged:
        assert "do not follow the foot" in said["toes-lift"]
