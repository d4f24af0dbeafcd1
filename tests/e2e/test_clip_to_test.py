"""A coach reads a clip's report and saves it as a test only on evidence: no save for a
clip with no hinge or one not assessable, and a verdict fault by fault for the rest.

The reports are the kinematics' own, made from generated landmark tracks (no pose
model) and stored on the served database as the worker would leave them; the pages and
the form are the real ones, in Debian's chromium.
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from hingecoach.web.clips.evidence import NO_REPS, NOT_ASSESSABLE

from .pages import CHROMIUM, NO_CHROMIUM, PHONE, add_athlete, message, shoot
from .site import run_script

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM)]

STORE = """
import json, sys
from hingecoach.web.setup import setup_django
setup_django()
from hingecoach.core import default_catalog
from hingecoach.core.kinematics import analyze_track
from hingecoach.synthetic import ClipSpec, generate_clip
from hingecoach.web.athletes.models import Athlete
from hingecoach.web.clips.models import Clip

athlete, spec = json.loads(sys.argv[1])
spec["faults"] = frozenset(spec.get("faults", ()))
report = analyze_track(generate_clip(ClipSpec(**spec))[0],
                       catalog=default_catalog()).model_dump(mode="json")
clip = Clip.objects.create(athlete=Athlete.objects.get(name=athlete), extension="mp4",
                           exercise="bodyweight-hip-hinge", original_name="hinge.mp4",
                           status=Clip.Status.DONE, progress=100, report=report)
print(clip.pk)
"""
WALK = {"kind": "walk", "seed": 3}
FRONT = {"view": "front", "seed": 3}
KNEES_FORWARD = {
    "faults": ["knee-dominant"],
    "outline": "none",
    "noise": 0.0,
    "drop_rate": 0.0,
    "seed": 3,
}  # the back's outline unseen
NOT_JUDGED = "the clip could not judge it: say whether you saw it yourself"


@pytest.fixture
def analysed_clip(server_environment):
    """Store a clip of ``athlete`` analysed from ``spec``; its page's path."""

    def store(athlete: str, spec: dict) -> str:
        stored = run_script(server_environment, STORE, json.dumps([athlete, spec]))
        return f"/clips/{int(stored)}/"

    return store


def _no_save(page, *, verdict: str, why: str) -> None:
    expect(page.locator("#clip-report .verdict")).to_contain_text(verdict)
    expect(page.locator("#no-test")).to_have_text(why)
    expect(page.get_by_role("button", name="Save as test")).to_have_count(0)
    expect(page.get_by_role("radio")).to_have_count(0)
    expect(page.get_by_role("link", name="Record the test by eye")).to_be_visible()


def test_a_clip_with_no_hinge_cannot_be_saved_as_a_test(page, analysed_clip):
    add_athlete(page, name="Noa Walker", born="1991-04-09")
    page.goto(analysed_clip("Noa Walker", WALK))
    _no_save(page, verdict="No hinge reps found", why=NO_REPS)
    shoot(page, "21-clip-no-hinge")


def test_a_clip_not_assessable_cannot_be_saved_as_a_test(page, analysed_clip):
    add_athlete(page, name="Fern Front", born="1988-10-21")
    page.goto(analysed_clip("Fern Front", FRONT))
    _no_save(page, verdict="Not assessable", why=NOT_ASSESSABLE)
    expect(page.locator("#clip-report")).to_contain_text("filmed from the front or back")


def _verdict(page, fault: str):
    return page.locator("#save-test").get_by_role("group", name=fault)


def test_a_clip_with_faults_is_saved_fault_by_fault(browsing, coach_state, analysed_clip):
    page = browsing.page(viewport=PHONE, signed_in=coach_state)
    add_athlete(page, name="Kit Kneeson", born="1995-01-30")
    path = analysed_clip("Kit Kneeson", KNEES_FORWARD)
    page.goto(path)
    by_eye = page.locator("#save-test").get_by_role("heading", name="Check by eye")
    expect(by_eye).to_be_visible()
    for fault in ("Back rounds", "Back over-arches"):
        expect(_verdict(page, fault)).to_contain_text("The clip could not judge it (back")
        expect(_verdict(page, fault).get_by_role("radio", checked=True)).to_have_count(0)
        expect(_verdict(page, fault)).to_contain_text(
            f"you confirm by eye that “{fault}” was not seen"
        )
    expect(_verdict(page, "Turns into a squat").get_by_label("Seen", exact=True)).to_be_checked()
    expect(_verdict(page, "Big toes lift").get_by_label("Not seen")).to_be_checked()
    shoot(page, "22-clip-save-test")

    page.get_by_role("button", name="Save as test").click()
    expect(page.locator("#save-test .form-errors")).to_have_text(
        "Nothing was saved: see the faults marked below."
    )
    for fault in ("Back rounds", "Back over-arches"):
        expect(_verdict(page, fault).locator(".error")).to_have_text(f"{fault}: {NOT_JUDGED}")
    expect(_verdict(page, "Turns into a squat").locator(".error")).to_have_count(0)
    shoot(page, "23-clip-save-test-unanswered")

    _verdict(page, "Back rounds").get_by_label("Not seen").check()
    _verdict(page, "Back over-arches").get_by_label("Not seen").check()
    page.get_by_role("button", name="Save as test").click()
    expect(message(page)).to_have_text(
        "Test recorded from the clip: failed. You confirmed by eye that “Back rounds” was "
        "not seen and “Back over-arches” was not seen."
    )
    expect(page.get_by_role("heading", level=1)).to_have_text("Kit Kneeson")

    page.goto(path)
    expect(page.locator("#save-test")).to_contain_text("failed")
    expect(page.locator("#save-test")).to_contain_text(
        "Judged by eye, not by the clip: “Back rounds” not seen; “Back over-arches” not seen."
    )
    expect(page.get_by_role("button", name="Save as test")).to_have_count(0)
