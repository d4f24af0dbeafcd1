"""The real pose model (BlazePose on LiteRT, the bundled model files) on real and filmed clips.

Slow (the model runs on the CPU at about 20-60 ms a frame): marked ``video``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap

import cv2
import jsonschema
import pytest

from hingecoach.core import default_catalog
from hingecoach.video import analyze_clip

from .mannequin import film_two_hinges
from .support import run_cli, write_clip

pytestmark = pytest.mark.video

# Makes every socket connection and name lookup fail in any Python process that starts
# with this folder on PYTHONPATH; used when network namespaces (unshare -rn) are not
# available.
NO_NETWORK = textwrap.dedent("""
    import socket

    def _refuse(*args, **kwargs):
        raise OSError("network access blocked by the hingecoach offline test")

    socket.socket.connect = _refuse
    socket.socket.connect_ex = _refuse
    socket.getaddrinfo = _refuse
    socket.create_connection = _refuse
""")


@pytest.fixture(scope="session")
def shared_analysis(shared_clip):
    return analyze_clip(shared_clip, catalog=default_catalog())


@pytest.fixture(scope="session")
def analysis_schema():
    result = run_cli("schema", "analysis")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="session")
def offline(tmp_path_factory) -> tuple[tuple[str, ...], dict[str, str], str]:
    """How to run a command without network: a prefix, an environment, and how."""
    guard = tmp_path_factory.mktemp("no-network")
    (guard / "sitecustomize.py").write_text(NO_NETWORK)
    env = {"PYTHONPATH": str(guard)}
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "-rn", "true"], capture_output=True).returncode == 0:
        return (unshare, "-rn"), env, "network namespace (unshare -rn) and socket guard"
    return (), env, "socket guard"


@pytest.fixture(scope="session")
def offline_run(shared_clip, offline, tmp_path_factory):
    prefix, env, _ = offline
    out = tmp_path_factory.mktemp("offline")
    result = run_cli(
        "analyze",
        str(shared_clip),
        "--json",
        "--annotated",
        str(out / "clip.mp4"),
        "--plot",
        str(out / "angles.png"),
        env=env,
        prefix=prefix,
    )
    return result, out


def test_the_model_finds_the_person_in_most_frames_of_the_real_clip(shared_analysis):
    frames = shared_analysis.track.frames
    assert sum(frame is not None for frame in frames) / len(frames) >= 0.6


def test_walking_and_a_backflip_are_never_a_hinge_rep(shared_analysis):
    report = shared_analysis.report
    assert report.reps == [] and report.faults == []
    assert report.assessable or report.reason


def test_the_clip_is_read_to_its_end(shared_analysis):
    assert shared_analysis.decoded == 230
    assert shared_analysis.report.clip.duration_s == pytest.approx(7.67, abs=0.05)
    assert (shared_analysis.video.width, shared_analysis.video.height) == (1768, 994)


def test_the_report_validates_against_the_published_schema(shared_analysis, analysis_schema):
    jsonschema.validate(shared_analysis.report.model_dump(mode="json"), analysis_schema)


def test_the_analysis_runs_with_the_network_blocked(offline_run, offline, analysis_schema):
    result, _ = offline_run
    assert result.returncode == 0, f"{offline[2]}: {result.stderr}"
    assert result.stderr == ""
    report = json.loads(result.stdout)
    jsonschema.validate(report, analysis_schema)
    assert report["reps"] == []


def test_the_network_really_is_blocked_in_that_run(offline):
    prefix, env, how = offline
    probe = "import socket; socket.create_connection(('1.1.1.1', 53), timeout=3)"
    result = subprocess.run(
        [*prefix, sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=60,
    )
    assert result.returncode != 0, how
    assert "OSError" in result.stderr or "blocked" in result.stderr


def test_the_annotated_video_and_the_plot_are_valid_files(offline_run):
    result, out = offline_run
    report = json.loads(result.stdout)
    capture = cv2.VideoCapture(str(out / "clip.mp4"))
    frames = 0
    while capture.read()[0]:
        frames += 1
    assert frames == len(report["series"]["t_s"])
    assert (out / "angles.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert sorted(p.name for p in out.iterdir()) == ["angles.png", "clip.mp4"]


def test_a_damaged_clip_exits_2_with_one_line_and_leaves_no_output(shared_clip, tmp_path):
    damaged = tmp_path / "damaged.mp4"
    damaged.write_bytes(shared_clip.read_bytes()[:400_000])
    result = run_cli("analyze", str(damaged), "--plot", str(tmp_path / "angles.png"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "is damaged: the decoder stopped after" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["damaged.mp4"]


@pytest.fixture(scope="session")
def filmed_squats(tmp_path_factory):
    """A mannequin drawn around a generated track: two hinges that turn into squats."""
    path, truth = film_two_hinges(
        tmp_path_factory.mktemp("filmed") / "squats.mp4", frozenset({"knee-dominant"})
    )
    return analyze_clip(path, catalog=default_catalog()), truth


def test_the_model_follows_a_filmed_mannequin_through_its_reps(filmed_squats):
    analysis, truth = filmed_squats
    report = analysis.report
    assert report.assessable and report.side == truth.side
    assert len(report.reps) == len(truth.reps)
    for got, want in zip(report.reps, truth.reps, strict=True):
        assert got.bottom_s == pytest.approx(want.bottom_s, abs=0.5)


def test_a_hinge_that_turns_into_a_squat_is_found_on_the_filmed_mannequin(filmed_squats):
    analysis, truth = filmed_squats
    for got, want in zip(analysis.report.reps, truth.reps, strict=True):
        knee = [f for f in got.faults if f.fault == "knee-dominant"]
        assert knee and knee[0].value == pytest.approx(want.values["knee-dominant"], abs=10)


def test_tracking_both_ways_follows_the_filmed_mannequin_through_its_reps(filmed_squats):
    analysis, truth = filmed_squats
    both = analyze_clip(analysis.video.path, both_ways=True, catalog=default_catalog())
    assert len(both.track.frames) == len(analysis.track.frames)
    assert sum(f is not None for f in both.track.frames) >= 0.9 * len(both.track.frames)
    assert [rep.bottom_s for rep in both.report.reps] == pytest.approx(
        [rep.bottom_s for rep in truth.reps], abs=0.5
    )


BACKS = {
    "keeps its shape": frozenset(),
    "rounds": frozenset({"lumbar-flexion"}),
    "over-arches": frozenset({"lumbar-extension"}),
}
LUMBAR = {"lumbar-flexion", "lumbar-extension"}


@pytest.fixture(scope="session", params=list(BACKS))
def filmed_back(request, tmp_path_factory):
    """A mannequin whose back outline (buttocks, a lordosis of its own) keeps its shape,
    rounds or over-arches through two hinges, run through the real model and its mask."""
    backs = tmp_path_factory.mktemp("backs")
    path, truth = film_two_hinges(backs / "back.mp4", BACKS[request.param])
    return request.param, analyze_clip(path, catalog=default_catalog()).report, truth


def test_the_lower_back_is_judged_from_the_real_mask_on_a_filmed_mannequin(filmed_back):
    back, report, truth = filmed_back
    assert report.assessable and report.reps
    assert all(f.fault not in LUMBAR for f in report.not_assessed)
    for rep in report.reps:
        assert {f.fault for f in rep.faults} & LUMBAR == BACKS[back], (back, rep.measures)
    for rep in report.reps:
        want = min(truth.reps, key=lambda t: abs(t.bottom_s - rep.bottom_s))
        assert rep.measures["lumbar-flexion"] == pytest.approx(
            want.values["lumbar-flexion"], abs=10
        )


def test_the_summary_names_the_fault_its_fix_and_its_step_down(filmed_squats, capsys):
    from hingecoach.cli.render_analysis import show_analysis

    show_analysis(filmed_squats[0], default_catalog(), ["out.png"])
    text = capsys.readouterr().out
    fault = default_catalog().faults["knee-dominant"]
    for words in (
        "Turns into a squat",
        "Fix:",
        "Step down while it persists",
        "Kneeling Hip Hinge",
        "Test not passed",
        "wrote out.png",
    ):
        assert words in text
    assert " ".join(fault.fix.split()[:4]) in " ".join(text.split())


def test_the_summary_of_a_clip_without_reps_says_so(shared_analysis, capsys):
    from hingecoach.cli.render_analysis import show_analysis

    show_analysis(shared_analysis, default_catalog(), [])
    text = " ".join(capsys.readouterr().out.split())
    assert "Video analysis" in text and "person-backflip-walk.mp4" in text
    assert "No hinge reps found" in text or "Not assessable" in text


@pytest.fixture(scope="session")
def unassessable_runs(shared_clip, tmp_path_factory):
    """The CLI on an empty scene and on the first 2.5 s of the real clip (a man on a box,
    facing the camera)."""
    folder = tmp_path_factory.mktemp("unassessable")
    empty = write_clip(folder / "empty-scene.mp4", frames=45)
    front = folder / "front-view.mp4"
    capture = cv2.VideoCapture(str(shared_clip))
    writer = cv2.VideoWriter(str(front), cv2.VideoWriter_fourcc(*"mp4v"), 30, (884, 497))
    for _ in range(75):
        writer.write(cv2.resize(capture.read()[1], (884, 497), interpolation=cv2.INTER_AREA))
    writer.release()
    return {
        name: run_cli("analyze", str(path), "--json")
        for name, path in (("empty", empty), ("front", front))
    }


@pytest.mark.parametrize(
    ("clip", "reason"),
    [
        ("empty", "no person found in the clip"),
        ("front", "filmed from the front or back, not the side"),
    ],
)
def test_a_clip_without_a_side_view_person_is_not_assessable_with_exit_0(
    unassessable_runs, analysis_schema, clip, reason
):
    result = unassessable_runs[clip]
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    jsonschema.validate(report, analysis_schema)
    assert report["assessable"] is False and report["reason"].startswith(reason)
    assert (report["side"], report["reps"], report["faults"]) == (None, [], [])
