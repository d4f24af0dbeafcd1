"""The pipeline's plumbing with a pose backend that replays a generated track: frame
sampling, resizing, rotation, scaling back to the clip's pixels, and the outputs."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from hingecoach.core import default_catalog
from hingecoach.core.errors import CaseError
from hingecoach.core.kinematics import Frame, Landmark, Track, analyze_track
from hingecoach.synthetic import ClipSpec, generate_clip
from hingecoach.video import Sampling, analyze_clip
from hingecoach.video.annotate import write_annotated
from hingecoach.video.plot import draw_plot

from .support import ReplayBackend, scaled_track, set_rotation, write_clip

CATALOG = default_catalog()


@pytest.fixture(scope="module")
def knee_hinge() -> Track:
    """Two reps turning into squats, seen from the left, shrunk to a 320x180 clip."""
    spec = ClipSpec(faults=frozenset({"knee-dominant"}), size="hd", reps=2, seed=3)
    return scaled_track(generate_clip(spec)[0], 0.25)


@pytest.fixture(scope="module")
def replayed(knee_hinge, tmp_path_factory):
    path = write_clip(
        tmp_path_factory.mktemp("replay") / "hinge.mp4",
        frames=len(knee_hinge.frames),
        size=(320, 180),
    )
    backend = ReplayBackend(knee_hinge, step=2)
    seen = []
    analysis = analyze_clip(
        path,
        backend=backend,
        sampling=Sampling(long_side=160),
        progress=lambda *args: seen.append(args),
        catalog=default_catalog(),
    )
    return analysis, backend, seen


def every(track: Track, step: int) -> Track:
    from hingecoach.core.kinematics import ClipInfo

    clip = ClipInfo(fps=track.clip.fps / step, width=track.clip.width, height=track.clip.height)
    return Track(clip=clip, frames=list(track.frames[::step]))


def test_every_second_frame_of_a_30_fps_clip_is_analysed_at_15_fps(replayed, knee_hinge):
    analysis, backend, _ = replayed
    assert analysis.step == 2 and analysis.decoded == len(knee_hinge.frames)
    assert backend.calls == len(analysis.track.frames) == (len(knee_hinge.frames) + 1) // 2
    assert analysis.report.clip.fps == 15.0
    assert not backend.closed  # the caller's backend is the caller's to close


def test_the_model_sees_the_resized_image_and_landmarks_come_back_in_clip_pixels(
    replayed, knee_hinge
):
    analysis, backend, _ = replayed
    assert backend.sizes == {(160, 90)}
    sampled = every(knee_hinge, 2)
    for got, want in zip(analysis.track.frames, sampled.frames, strict=True):
        assert (got is None) == (want is None)
        if got is not None:
            a, b = got.landmarks["left_knee"], want.landmarks["left_knee"]
            assert (a.x, a.y) == pytest.approx((b.x, b.y), abs=1e-6)


def test_the_report_is_what_the_kinematics_make_of_the_sampled_track(replayed, knee_hinge):
    analysis, _, _ = replayed
    direct = analyze_track(every(knee_hinge, 2), catalog=CATALOG)
    report = analysis.report
    assert report.assessable and report.side == "left"
    assert len(report.reps) == len(direct.reps) == 2
    assert report.faults == direct.faults == ["knee-dominant"]
    assert report.series.hip_deg == direct.series.hip_deg


def test_progress_is_reported_after_every_analysed_frame(replayed):
    analysis, _, seen = replayed
    assert [done for _, done, _ in seen] == list(range(1, len(analysis.track.frames) + 1))
    assert {stage for stage, _, _ in seen} == {"analyse"}
    assert seen[-1][2] == len(analysis.track.frames)


def test_a_portrait_phone_clip_is_analysed_upright(tmp_path):
    spec = ClipSpec(size="portrait", reps=1, seed=5)
    track = scaled_track(generate_clip(spec)[0], 1 / 6)  # 180x320
    path = set_rotation(
        write_clip(tmp_path / "phone.mp4", frames=len(track.frames), size=(320, 180)), 90
    )
    backend = ReplayBackend(track, step=2)
    analysis = analyze_clip(path, backend=backend, catalog=default_catalog())
    assert backend.sizes == {(180, 320)}
    clip = analysis.report.clip
    assert (clip.width, clip.height) == (180, 320)
    assert analysis.report.assessable and len(analysis.report.reps) == 1


def test_an_unknown_exercise_is_refused_before_any_decoding(tmp_path):
    with pytest.raises(CaseError, match="exercise: unknown exercise 'kneeling-squat-dance'"):
        analyze_clip(
            tmp_path / "not-even-there.mp4", "kneeling-squat-dance", catalog=default_catalog()
        )


def test_the_annotated_video_has_one_frame_per_analysed_frame(replayed, tmp_path):
    analysis, _, _ = replayed
    out = tmp_path / "annotated.mp4"
    stages = []
    write_annotated(analysis, out, progress=lambda *args: stages.append(args))
    capture = cv2.VideoCapture(str(out))
    frames = 0
    while capture.read()[0]:
        frames += 1
    assert frames == len(analysis.track.frames)
    assert capture.get(cv2.CAP_PROP_FPS) == pytest.approx(15.0)
    assert stages[-1] == ("annotate", frames, frames)


def test_the_fault_is_marked_on_the_frame_it_was_read(replayed, tmp_path):
    analysis, _, _ = replayed
    out = tmp_path / "annotated.mp4"
    write_annotated(analysis, out)
    fault = analysis.report.reps[0].faults[0]
    at = analysis.report.series.t_s.index(fault.t_s)
    capture = cv2.VideoCapture(str(out))
    images = []
    while True:
        ok, image = capture.read()
        if not ok:
            break
        images.append(image)
    red_border = [float(np.mean(img[:4, :, 2]) - np.mean(img[:4, :, 0])) for img in images]
    assert red_border[at] > 100
    assert max(red_border[: at - 10] + red_border[at + 10 : at + 11]) < 100


def test_the_plot_is_a_png(replayed, tmp_path):
    analysis, _, _ = replayed
    out = tmp_path / "angles.png"
    draw_plot(analysis.report, out, "hinge.mp4")
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


class BystanderFirst:
    """A pose backend for a scene with someone standing still at the left and an
    athlete hinging at the right: like the pose model, it follows the bystander, and finds the
    athlete (if any) only once the bystander's place is painted over."""

    name = "bystander-first"

    def __init__(self, bystander: Frame, athlete: Track | None, step: int) -> None:
        self.bystander = bystander
        self.athlete = ReplayBackend(athlete, step) if athlete is not None else None
        self.calls = 0

    def landmarks(self, frame_rgb: np.ndarray) -> Frame | None:
        self.calls += 1
        hip = self.bystander.landmarks["right_hip"]
        x, y = int(hip.x), int(hip.y)
        patch = frame_rgb[y - 3 : y + 4, x - 3 : x + 4].astype(float)
        painted = patch.std(axis=(0, 1)).max() < 2 and patch.mean() > 5  # black in the clip
        if not painted:
            return self.bystander
        if self.athlete is None:
            return None
        self.athlete.calls %= len(self.athlete.track.frames[:: self.athlete.step])
        return self.athlete.landmarks(frame_rgb)

    def close(self) -> None:
        pass


def standing_bystander() -> Frame:
    """A small person standing still, hips at (110, 150) of a 320x180 clip (where the
    clip of ``write_clip`` is black)."""
    track = scaled_track(generate_clip(ClipSpec(size="hd", reps=1, seed=8, side="right"))[0], 0.12)
    frame = track.frames[0]
    hip = frame.landmarks["right_hip"]
    dx, dy = 110 - hip.x, 150 - hip.y
    return Frame(
        landmarks={
            n: Landmark(m.x + dx, m.y + dy, m.visibility) for n, m in frame.landmarks.items()
        }
    )


def test_when_the_person_followed_never_hinges_a_second_look_finds_the_athlete(
    knee_hinge, tmp_path
):
    path = write_clip(tmp_path / "two.mp4", frames=len(knee_hinge.frames), size=(320, 180))
    backend = BystanderFirst(standing_bystander(), knee_hinge, step=2)
    seen = []
    analysis = analyze_clip(
        path,
        backend=backend,
        progress=lambda *args: seen.append(args),
        catalog=default_catalog(),
    )
    analysed = len(analysis.track.frames)
    assert analysis.second_look and backend.calls == 2 * analysed
    assert analysis.report.side == "left" and len(analysis.report.reps) == 2
    assert seen[-1] == ("analyse", 2 * analysed, 2 * analysed)


def test_the_first_look_stands_when_the_second_finds_no_one_who_hinges(knee_hinge, tmp_path):
    path = write_clip(tmp_path / "one.mp4", frames=90, size=(320, 180))
    backend = BystanderFirst(standing_bystander(), None, step=2)
    analysis = analyze_clip(path, backend=backend, catalog=default_catalog())
    assert not analysis.second_look and backend.calls == 2 * len(analysis.track.frames)
    assert all(frame is not None for frame in analysis.track.frames)
    assert analysis.report.reps == []


class ForgetfulReplay(ReplayBackend):
    """A replaying backend that can forget the person, as ``BlazePose`` can: the
    replay starts over."""

    def reset(self) -> None:
        self.calls = 0


def _placed_in_1080p(factor: float) -> Track:
    """A generated 1920x1080 hinge with the person drawn ``factor`` times their size,
    in a frame of the same 1920x1080."""
    track = generate_clip(ClipSpec(size="landscape", reps=1, seed=1))[0]
    small = scaled_track(track, factor)
    return Track(clip=track.clip, frames=small.frames)


@pytest.mark.parametrize(
    ("factor", "seen"),
    [
        # trunk, thigh and shank about 460 px: 230 at 960 px, the usual working size
        (1.0, {(960, 540)}),
        # about 170 px: 85 at 960 px, fewer than the landmark model's 256 px input holds
        (0.37, {(960, 540), (1920, 1080)}),
    ],
)
def test_a_person_small_in_the_frame_is_analysed_at_full_size(tmp_path, factor, seen):
    track = _placed_in_1080p(factor)
    path = write_clip(tmp_path / "hinge.mp4", frames=len(track.frames), size=(1920, 1080))
    backend = ForgetfulReplay(track, step=2)
    analysis = analyze_clip(path, backend=backend, catalog=CATALOG)
    assert backend.sizes == seen  # sized at 960 px first, then the whole pass
    assert analysis.scale == (1.0 if factor < 1 else 0.5)
    knee, want = analysis.track.frames[10], track.frames[20]
    assert knee is not None and want is not None
    a, b = knee.landmarks["left_knee"], want.landmarks["left_knee"]
    assert (a.x, a.y) == pytest.approx((b.x, b.y), abs=1e-6)


def test_a_backend_that_cannot_forget_keeps_the_set_size(tmp_path):
    track = _placed_in_1080p(0.37)
    path = write_clip(tmp_path / "hinge.mp4", frames=len(track.frames), size=(1920, 1080))
    backend = ReplayBackend(track, step=2)
    analysis = analyze_clip(path, backend=backend, catalog=CATALOG)
    assert backend.sizes == {(960, 540)} and analysis.scale == 0.5
    assert backend.calls == len(analysis.track.frames)
