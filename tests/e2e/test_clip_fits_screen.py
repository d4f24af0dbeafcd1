"""A clip's annotated video and key frames fit the window at every width, their shape
kept: a phone's portrait clip is no taller than a laptop's screen, so the coach does not
scroll past it to see it whole. In Debian's chromium, with a portrait WebM and JPEG key
frames written where the worker leaves them."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from .pages import CHROMIUM, NO_CHROMIUM, loaded
from .site import run_script

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM)]

WIDTH, HEIGHT = 720, 1280  # a phone held upright
STORE = """
import json, sys
import cv2
import numpy as np
from hingecoach.web.setup import setup_django
setup_django()
from hingecoach.core.kinematics.analyze import not_assessable
from hingecoach.core.kinematics.report import ClipSummary
from hingecoach.web.athletes.models import Athlete
from hingecoach.web.clips.models import Clip, clips_dir

width, height, with_report = json.loads(sys.argv[1])
summary = ClipSummary(fps=10, frames=10, duration_s=1.0, width=width, height=height)
report = not_assessable({"clip": summary, "exercise": "bodyweight-hip-hinge"},
                        "no person was found in the clip", frames=10, fps=10)
clip = Clip.objects.create(
    report=report.model_dump(mode="json") if with_report else None,
    athlete=Athlete.objects.get(name="Isla Brown"), extension="mp4",
    exercise="bodyweight-hip-hinge", original_name="portrait.mp4", status=Clip.Status.DONE,
    progress=100, annotated=True,
    frames=[{"label": "rep 1: bottom", "t_s": 0.2}, {"label": "rep 2: bottom", "t_s": 0.6}])
clips_dir().mkdir(parents=True, exist_ok=True)
picture = np.full((height, width, 3), 90, dtype=np.uint8)
cv2.rectangle(picture, (40, 40), (width - 40, height - 40), (0, 180, 240), 12)
writer = cv2.VideoWriter(str(clip.annotated_path), cv2.VideoWriter.fourcc(*"VP80"), 10,
                         (width, height))
for _ in range(10):
    writer.write(picture)
writer.release()
for n in range(2):
    cv2.imwrite(str(clip.frame_path(n)), picture)
print(clip.pk)
"""
SCREENS = [
    {"width": 390, "height": 844},
    {"width": 768, "height": 1024},
    {"width": 1280, "height": 900},
    {"width": 1920, "height": 1080},
]
BOX = "e => { const r = e.getBoundingClientRect(); return [r.width, r.height]; }"


@pytest.fixture(scope="module", params=[True, False], ids=["with its report", "no report"])
def portrait_clip(request, server_environment) -> str:
    """A portrait clip's page; its report gives the video's shape before it loads (an
    imported clip's page may lack one: then the video's own size counts)."""
    stored = run_script(server_environment, STORE, json.dumps([WIDTH, HEIGHT, request.param]))
    return f"/clips/{int(stored)}/"


def _fits(box: list[float], screen: dict[str, int], what: str) -> None:
    width, height = box
    assert 0 < height <= screen["height"], f"{what} is {width}x{height} in {screen}"
    assert width <= screen["width"], f"{what} is {width}x{height} in {screen}"
    assert abs(width / height - WIDTH / HEIGHT) < 0.02, f"{what} lost its shape: {box}"


@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: f"{s['width']}x{s['height']}")
def test_a_portrait_clip_fits_the_window(browsing, coach_state, portrait_clip, screen):
    page = browsing.page(viewport=screen, signed_in=coach_state)
    page.goto(portrait_clip)
    loaded(page)
    video = page.locator("#clip-video video")
    expect(video).to_be_visible()
    page.wait_for_function("v => v.readyState >= 1", arg=video.element_handle())
    box = video.evaluate(BOX)
    _fits(box, screen, "the video")
    if "sized" in (video.get_attribute("class") or ""):  # as large as the window allows
        assert box[1] >= 0.8 * screen["height"] or box[0] >= min(screen["width"] - 80, 960)

    frames = page.locator("#key-frames img")
    expect(frames).to_have_count(2)
    for n in range(2):
        frame = frames.nth(n)
        frame.scroll_into_view_if_needed()
        page.wait_for_function("i => i.complete && i.naturalWidth > 0", arg=frame.element_handle())
        _fits(frame.evaluate(BOX), screen, f"key frame {n + 1}")
