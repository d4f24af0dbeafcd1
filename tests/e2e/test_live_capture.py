"""Filming without live mode, in Debian's chromium at a phone's width: "Film the test"
on the athlete's page is a file input that opens the rear camera (it works over plain
http, where a browser refuses live camera access) and sends the clip into the ordinary
upload and analysis; and an athlete's check-in link takes a clip that waits on the
coach's Today page as a clip to review."""

from __future__ import annotations

import json
import re
from pathlib import Path

import cv2
import pytest
from playwright.sync_api import expect

from .pages import CHROMIUM, NO_CHROMIUM, PHONE, add_athlete
from .site import run_script

DEADLIFTS = (
    Path(__file__).resolve().parents[2].parent / "shared" / "video" / "deadlift-4reps-portrait.mp4"
)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.video,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM),
    pytest.mark.skipif(not DEADLIFTS.exists(), reason=f"{DEADLIFTS} is not here"),
]

ANALYSIS_TIMEOUT_MS = 120_000
LINK = """
import datetime
import json
from hingecoach.web.setup import setup_django
setup_django()
from hingecoach.web.athletes import services
from hingecoach.web.athletes.models import Athlete
from hingecoach.web.teams.models import Team
team = Team.objects.get(athletes__name="Isla Brown")
born = datetime.date(1994, 2, 3)
athlete = services.athlete_create(team=team, name="Cara Homefilm", date_of_birth=born)
print(json.dumps({"url": "/c/" + services.checkin_link_create(athlete=athlete) + "/"}))
"""


@pytest.fixture(scope="module")
def small_clip(tmp_path_factory) -> Path:
    """The first deadlift of the shared set, 360 px wide: a small real phone clip."""
    out = tmp_path_factory.mktemp("clips") / "first-pull.mp4"
    capture = cv2.VideoCapture(str(DEADLIFTS))
    fps = capture.get(cv2.CAP_PROP_FPS) or 30.0
    writer = None
    for _ in range(int(3.5 * fps)):
        ok, image = capture.read()
        if not ok:
            break
        height = round(image.shape[0] * 360 / image.shape[1] / 2) * 2
        small = cv2.resize(image, (360, height), interpolation=cv2.INTER_AREA)
        if writer is None:
            writer = cv2.VideoWriter(str(out), cv2.VideoWriter_fourcc(*"mp4v"), fps, (360, height))
        writer.write(small)
    capture.release()
    assert writer is not None
    writer.release()
    return out


def test_a_coach_films_the_test_on_a_phone_and_gets_the_report(browsing, coach_state, small_clip):
    page = browsing.page(viewport=PHONE, signed_in=coach_state)
    add_athlete(page, name="Pia Phone", born="1993-07-08")
    page.get_by_role("link", name="Film the test").click()
    expect(page.get_by_role("heading", name="Film the test", level=1)).to_be_visible()
    picker = page.get_by_label("Film the test")
    assert picker.get_attribute("capture") == "environment"
    assert picker.get_attribute("accept") == "video/*"
    expect(page.get_by_text("Side-on")).to_be_visible()
    # 127.0.0.1 is a secure context: the page points to live mode as well.
    expect(page.locator("#film-live")).to_be_visible()
    picker.set_input_files(str(small_clip))
    expect(page.locator("#film-chosen")).to_contain_text("first-pull.mp4")
    page.get_by_role("button", name="Upload and analyse").click()
    expect(page).to_have_url(re.compile(r"/clips/\d+/$"))
    expect(page.locator("#clip-report")).to_be_visible(timeout=ANALYSIS_TIMEOUT_MS)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_an_athlete_sends_a_clip_that_waits_on_the_coachs_today_page(
    browsing, coach_state, server_environment, small_clip
):
    link = json.loads(run_script(server_environment, LINK))["url"]
    phone = browsing.page(viewport=PHONE)
    phone.goto(link)
    phone.get_by_role("link", name="Film or choose a clip").click()
    expect(phone.get_by_role("heading", name="Send your coach a clip", level=1)).to_be_visible()
    phone.get_by_label("Clip").set_input_files(str(small_clip))
    phone.get_by_role("button", name="Send to my coach").click()
    expect(phone.get_by_role("status")).to_have_text("Thanks, your clip is with your coach.")

    coach = browsing.page(signed_in=coach_state)
    coach.goto("/today/?who=team")
    row = (
        coach.locator("li, tr, article")
        .filter(has_text="Cara Homefilm")
        .filter(has_text="to review")
    )
    deadline_ms = ANALYSIS_TIMEOUT_MS
    waited = 0
    while not row.count() and waited < deadline_ms:  # the clip is listed once analysed
        coach.wait_for_timeout(2000)
        waited += 2000
        coach.reload()
    expect(row.first).to_contain_text("1 clip to review")
    row.first.get_by_role("link", name="Review clip").click()
    expect(coach.locator("#clip-report")).to_be_visible()
    expect(coach.locator("main")).to_contain_text("Cara Homefilm")
