"""A coach uploads a clip, watches the background worker's progress bar, reads the report
and plays the annotated video (WebM, served in byte ranges) in Debian's chromium."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .pages import CHROMIUM, NO_CHROMIUM, add_athlete, shoot

SHARED_CLIP = (
    Path(__file__).resolve().parents[2].parent / "shared" / "video" / "person-backflip-walk.mp4"
)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.video,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM),
    pytest.mark.skipif(not SHARED_CLIP.exists(), reason=f"{SHARED_CLIP} is not here"),
]

ANALYSIS_TIMEOUT_MS = 90_000
NO_REPS = re.compile(r"No hinge reps found|Not assessable")


def test_a_coach_uploads_a_clip_and_reads_the_report_when_the_worker_is_done(page):
    add_athlete(page, name="Ivo Clipper", born="1990-03-02")
    page.get_by_role("link", name="Analyse a clip").click()
    expect(page.get_by_role("heading", name="Analyse a clip", level=1)).to_be_visible()
    page.get_by_label("Clip").set_input_files(str(SHARED_CLIP))
    page.get_by_role("button", name="Upload and analyse").click()

    expect(page).to_have_url(re.compile(r"/clips/\d+/$"))
    bar = page.get_by_role("progressbar", name="Analysis progress")
    report = page.locator("#clip-report")
    expect(bar.or_(report)).to_be_visible()

    expect(report).to_be_visible(timeout=ANALYSIS_TIMEOUT_MS)
    expect(report).to_contain_text(NO_REPS)
    expect(bar).to_have_count(0)
    expect(page.locator("#key-frames img").first).to_be_visible()
    _expect_the_video_loads(page)
    expect(page.locator("#no-test")).to_contain_text("cannot be saved as a test")
    expect(page.get_by_role("button", name="Save as test")).to_have_count(0)
    shoot(page, "20-clip-report")


def _expect_the_video_loads(page) -> None:
    video = page.locator("#clip-video video")
    expect(video).to_be_visible()
    # HAVE_METADATA (1) or more: the browser read the WebM header, so it can play it.
    page.wait_for_function("v => v.readyState >= 1", arg=video.element_handle())
    state = video.evaluate(
        "v => ({ready: v.readyState, duration: v.duration, "
        "width: v.videoWidth, error: v.error && v.error.code})"
    )
    assert state["error"] is None
    assert 0 < state["duration"] < 60, state  # finite: the file says how long it is
    assert state["width"] > 0
