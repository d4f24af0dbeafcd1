"""Live mode in Debian's chromium with a video file as its camera: the skeleton, a rep
counter and a cue after each rep come from the server's pose and the core's rules; the
recorded clip goes into the ordinary analysis. The shared 4-deadlift clip counts its
reps within one with a cue per rep; the walk-and-backflip clip counts none.

Chromium reads a ``.y4m`` file as its camera (``--use-file-for-fake-video-capture``),
played in a loop at the frame rate its header declares; there is no ffmpeg here, so
the file is written from the shared MP4 with OpenCV (a text header, then raw I420
frames), and the set is ended after one pass.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import cv2
import pytest
from playwright.sync_api import expect

from .conftest import CHROMIUM_ARGS
from .pages import CHROMIUM, DESKTOP, NO_CHROMIUM, PHONE, SCREENSHOTS, add_athlete, shoot

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "video"
DEADLIFTS = SHARED / "deadlift-4reps-portrait.mp4"
BACKFLIP = SHARED / "person-backflip-walk.mp4"

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.video,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM),
    pytest.mark.skipif(not SHARED.is_dir(), reason=f"{SHARED} is not here"),
]

CAMERA_WIDTH = 270  # pixels; the page sends 320 px on the long side anyway
CAMERA_FPS = 15
ANALYSIS_TIMEOUT_MS = 240_000
END_EARLY_S = 1.0  # the last deadlift ends 1.6 s before the clip does
MEASURED = SCREENSHOTS.parent / "live-mode.json"  # what benchmarks/live/README.md records


@dataclass(frozen=True)
class Camera:
    path: Path
    seconds: float


def write_y4m(
    clip: Path,
    out: Path,
    width: int = CAMERA_WIDTH,
    fps: int = CAMERA_FPS,
) -> Camera:
    """The clip as a Y4M file Chromium can use as its camera: ``width`` pixels wide,
    ``fps`` frames a second of the clip's own time (frames dropped to get there)."""
    capture = cv2.VideoCapture(str(clip))
    source_fps = capture.get(cv2.CAP_PROP_FPS) or 30.0
    step = max(1, round(source_fps / fps))
    frames = 0
    with out.open("wb") as y4m:
        index, header = 0, False
        while True:
            ok, image = capture.read()
            if not ok:
                break
            index += 1
            if (index - 1) % step:
                continue
            if not header:
                height = round(image.shape[0] * width / image.shape[1] / 2) * 2
                y4m.write(f"YUV4MPEG2 W{width} H{height} F{fps}:1 Ip A1:1 C420jpeg\n".encode())
                header = True
            small = cv2.resize(image, (width, height), interpolation=cv2.INTER_AREA)
            y4m.write(b"FRAME\n" + cv2.cvtColor(small, cv2.COLOR_BGR2YUV_I420).tobytes())
            frames += 1
    capture.release()
    return Camera(out, frames / fps)


@pytest.fixture
def camera_page(browser, server, coach_state, tmp_path):
    """A page of a chromium whose camera plays ``clip``, signed in as the demo coach."""
    opened: list[Any] = []

    def open_with(clip: Path, viewport: dict[str, int] = DESKTOP) -> tuple[Any, Camera, list[str]]:
        if not clip.exists():
            pytest.skip(f"{clip} is not here")
        camera = write_y4m(clip, tmp_path / f"{clip.stem}.y4m")
        chromium = browser.browser_type.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=[
                *CHROMIUM_ARGS,
                "--use-fake-device-for-media-stream",
                "--use-fake-ui-for-media-stream",
                f"--use-file-for-fake-video-capture={camera.path}",
            ],
        )
        opened.append(chromium)
        context = chromium.new_context(
            base_url=server.url,
            storage_state=str(coach_state),
            viewport=viewport,
            locale="en-GB",
        )
        context.set_default_timeout(15_000)
        outside: list[str] = []
        context.route(lambda url: _outside(url, outside), lambda route: route.abort())
        page = context.new_page()
        refused: list[str] = []
        page.on(
            "console",
            lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None,
        )
        page.on("pageerror", lambda error: refused.append(str(error)))
        page.refused = refused
        return page, camera, outside

    yield open_with
    for chromium in opened:
        chromium.close()


def _outside(url: str, seen: list[str]) -> bool:
    parts = urlsplit(url)
    if parts.scheme in {"data", "blob"} or parts.hostname == "127.0.0.1":
        return False
    seen.append(url)
    return True


def _film_a_set(page: Any, camera: Camera, name: str, exercise: str | None = None) -> None:
    add_athlete(page, name=name, born="1991-04-05")
    page.get_by_role("link", name="Live mode").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Live mode · {name}")
    if exercise is not None:
        page.get_by_label("Exercise filmed").select_option(label=exercise)
    page.get_by_role("button", name="Start the set").click()
    expect(page.get_by_role("button", name="End the set")).to_be_visible()
    expect(page.get_by_role("button", name="Start the set")).to_be_hidden()
    # End the set within the camera file's first pass: it loops, and the deadlift clip
    # starts at the bottom of a pull, which a set ending there would count (as a clip
    # that ends mid-rep does). The camera started playing before the session did.
    page.wait_for_timeout(int((camera.seconds - END_EARLY_S) * 1000))
    page.get_by_role("button", name="End the set").click()
    expect(page.locator("#live-summary")).to_be_visible(timeout=30_000)
    expect(page.get_by_role("button", name="End the set")).to_be_hidden()


def _sent(page: Any) -> dict[str, Any]:
    """What the page sent: pictures, bytes, seconds, and each cue's delay after its
    rep's end (seconds)."""
    data = page.locator("#live").evaluate("el => ({...el.dataset})")
    return {
        "sent": float(data.get("sent", 0)),
        "bytes": float(data.get("bytes", 0)),
        "seconds": float(data.get("seconds", 0)),
        "cue_delays_s": [float(d) for d in data.get("delays", "").split()],
    }


def _record(sent: dict[str, Any], reps: int) -> None:
    minutes = sent["seconds"] / 60
    MEASURED.parent.mkdir(parents=True, exist_ok=True)
    MEASURED.write_text(
        json.dumps(
            {
                **sent,
                "reps": reps,
                "pictures_per_s": round(sent["sent"] / sent["seconds"], 2),
                "kib_per_minute": round(sent["bytes"] / 1024 / minutes),
            },
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )


def test_live_mode_counts_the_four_deadlifts_with_a_cue_each_and_saves_the_clip(camera_page):
    page, camera, outside = camera_page(DEADLIFTS)
    _film_a_set(page, camera, "Lena Live", exercise="Conventional Deadlift")
    sent = _sent(page)
    assert sent["sent"] / sent["seconds"] >= 4, sent  # the track needs ~4 pictures a second

    reps = int(page.locator("#rep-count").inner_text())
    _record(sent, reps)
    assert abs(reps - 4) <= 1, f"{reps} reps counted"
    cues = page.locator("#live-cues li")
    expect(cues).to_have_count(reps)
    for text in cues.all_inner_texts():
        assert re.match(r"Rep \d: ", text), text
    expect(page.locator("#summary-cues li")).to_have_count(reps)
    expect(page.locator("#summary-line")).to_have_text(f"{reps} reps.")
    # The camera is off: no empty black box above the summary and "Save the clip".
    expect(page.locator(".live-view")).to_be_hidden()
    shoot(page, "40-live-mode")

    page.get_by_role("button", name="Save the clip").click()
    expect(page).to_have_url(re.compile(r"/clips/\d+/$"), timeout=60_000)
    expect(page.locator("main p.muted").first).to_contain_text("· Conventional Deadlift ·")
    report = page.locator("#clip-report")
    expect(report).to_be_visible(timeout=ANALYSIS_TIMEOUT_MS)
    expect(report.locator("table.reps tbody tr").first).to_be_visible()
    assert not page.refused, page.refused
    assert not outside, outside


def test_live_mode_counts_no_rep_for_a_walk_and_a_backflip(camera_page):
    page, camera, outside = camera_page(BACKFLIP)
    _film_a_set(page, camera, "Wes Walker")
    expect(page.locator("#rep-count")).to_have_text("0")
    expect(page.locator("#live-cues li")).to_have_count(0)
    expect(page.locator("#summary-cues li")).to_have_count(0)
    expect(page.locator("#summary-line")).to_have_text("No rep counted.")
    assert not page.refused, page.refused
    assert not outside, outside


def _inside(page: Any, locator: Any) -> dict[str, float]:
    """The element's box, after asserting it lies wholly inside the viewport."""
    box = locator.bounding_box()
    size = page.viewport_size
    assert box is not None, locator
    assert box["y"] >= 0 and box["y"] + box["height"] <= size["height"], (locator, box)
    assert box["x"] >= 0 and box["x"] + box["width"] <= size["width"], (locator, box)
    return box


def test_a_running_set_fits_one_phone_screen(camera_page):
    """Filming on a 390 x 844 phone the coach sees the picture, the count, the cue and
    End the set without scrolling."""
    page, _, _ = camera_page(DEADLIFTS, viewport=PHONE)  # filmed upright
    add_athlete(page, name="Pia Phone", born="1993-02-03")
    page.get_by_role("link", name="Live mode").click()
    page.get_by_role("button", name="Start the set").click()
    stop = page.get_by_role("button", name="End the set")
    expect(stop).to_be_visible()
    page.wait_for_timeout(1500)  # the camera's picture has its size by now
    expect(page.locator("#live-video")).to_have_js_property("readyState", 4)
    video = _inside(page, page.locator(".live-view"))
    assert video["height"] > 150, video
    for shown in (page.locator("#rep-count"), page.locator("#live-cue"), stop):
        _inside(page, shown)
    page.screenshot(path=SCREENSHOTS / "41-live-mode-running-phone.png")
    stop.click()
    expect(page.locator("#live-summary")).to_be_visible(timeout=30_000)
    expect(page.locator(".live-view")).to_be_hidden()


def test_a_running_sets_picture_fits_a_laptop_screen_with_the_skeleton_on_it(camera_page):
    """An upright phone's picture on a 1280 x 800 screen: no taller than the window, its
    shape kept, and the skeleton's canvas exactly over it (no band beside the picture)."""
    page, _, _ = camera_page(DEADLIFTS, viewport=DESKTOP)
    add_athlete(page, name="Lars Laptop", born="1991-04-05")
    page.get_by_role("link", name="Live mode").click()
    page.get_by_role("button", name="Start the set").click()
    stop = page.get_by_role("button", name="End the set")
    expect(stop).to_be_visible()
    expect(page.locator("#live-video")).to_have_js_property("readyState", 4)
    video = page.locator("#live-video").bounding_box()
    overlay = page.locator("#live-overlay").bounding_box()
    assert video is not None and overlay is not None
    assert 150 < video["height"] <= DESKTOP["height"], video
    natural = page.locator("#live-video").evaluate("v => v.videoWidth / v.videoHeight")
    assert abs(video["width"] / video["height"] - natural) < 0.02, (video, natural)
    assert all(abs(video[k] - overlay[k]) < 1 for k in ("x", "y", "width", "height")), (
        video,
        overlay,
    )
    stop.click()
    expect(page.locator("#live-summary")).to_be_visible(timeout=30_000)
