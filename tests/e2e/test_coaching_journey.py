"""A coach takes a new athlete from a failed hinge test to the fundamental stage."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from .pages import (
    CHROMIUM,
    COACH,
    CORRECTIVE_SERIES,
    NO_CHROMIUM,
    PASSWORD,
    loaded,
    message,
    option,
    reason_of_rule,
    shoot,
    sign_in,
    stage_badge,
)

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM)]

NAME = "Rosa Lindqvist"
BACK_ROUNDS = re.compile(r"lumbar-flexion|a rounding lower back", re.IGNORECASE)


def test_a_coach_takes_an_athlete_from_a_failed_test_to_fundamental_and_logs_a_session(browsing):
    page = browsing.page()

    page.goto("/")
    expect(page).to_have_url(re.compile(r"/login/\?next=/today/$"))
    shoot(page, "01-login")
    sign_in(page, COACH, PASSWORD)
    expect(page).to_have_url(re.compile(r"/today/$"))
    expect(page.get_by_role("heading", name="Today", level=1)).to_be_visible()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Athletes").click()
    expect(page.get_by_role("heading", name="Athletes", level=1)).to_be_visible()
    shoot(page, "02-athlete-list")

    # A new athlete, never tested: the corrective series, step 1.
    page.get_by_role("link", name="+ New athlete").click()
    page.get_by_label("Name").fill(NAME)
    page.get_by_label("Date of birth").fill("1994-05-17")
    page.get_by_label("Goal").select_option(label="hamstring load")
    page.get_by_role("button", name="Add athlete").click()
    expect(message(page)).to_have_text(f"{NAME} added.")
    expect(page.get_by_role("heading", level=1)).to_have_text(NAME)
    expect(page.get_by_text("goal: hamstring load")).to_be_visible()
    expect(stage_badge(page)).to_have_text("Corrective")

    # A failed test: the back rounds.
    page.get_by_role("link", name="Record test").click()
    loaded(page)
    page.get_by_label("Back rounds").check()
    preview = page.locator("#preview")
    expect(preview).to_contain_text("If you save this test")
    expect(reason_of_rule(preview, "failed-test")).not_to_have_count(0)
    expect(preview.locator(".banner.warn")).to_contain_text(BACK_ROUNDS)
    shoot(page, "03-record-test-form")
    page.get_by_role("button", name="Save test").click()
    expect(message(page)).to_have_text("Test recorded: failed.")
    expect(stage_badge(page)).to_have_text("Corrective")
    first = page.locator("#advice article.option").first
    expect(first).to_have_class(re.compile(r"\btheme-corrective\b"))
    failed = reason_of_rule(first, "failed-test")
    expect(failed).to_have_count(1)
    expect(page.locator("#advice .banner.warn")).to_contain_text(BACK_ROUNDS)
    expect(failed).to_contain_text("Keep working between the kneeling and the standing")
    expect(page.locator("ul.tests li").first).to_contain_text("failed")
    expect(page.locator("ul.tests li").first).to_contain_text("Back rounds")
    expect(option(page, "Romanian Deadlift")).to_have_count(0)

    # The corrective series mastered.
    page.locator("#actions").get_by_role("link", name="Mastered").click()
    for exercise in CORRECTIVE_SERIES:
        page.get_by_label(exercise, exact=True).check()
    page.get_by_role("button", name="Save mastered list").click()
    expect(message(page)).to_have_text("Mastered list saved (3).")
    expect(page.locator(".ladder .rung.mastered")).to_have_count(3)
    expect(stage_badge(page)).to_have_text("Corrective")
    shoot(page, "04-athlete-before-passed-test")

    # A passed test opens the fundamental options, each with its reasons.
    page.get_by_role("link", name="Record test").click()
    page.get_by_label("No fault seen: the test is passed").check()
    page.get_by_role("button", name="Save test").click()
    expect(message(page)).to_have_text("Test recorded: passed.")
    expect(stage_badge(page)).to_have_text("Fundamental")
    rdl = option(page, "Romanian Deadlift")
    expect(rdl).to_have_count(1)
    expect(rdl).to_have_class(re.compile(r"\btheme-fundamental\b"))
    rdl.locator("summary", has_text="Why").click()
    expect(rdl.locator(".reasons li").first).to_be_visible()
    expect(rdl.locator(".reasons")).to_contain_text("passed")
    expect(rdl.locator(".reasons .rule").first).to_have_text(re.compile(r"^[a-z0-9-]+$"))
    expect(page.locator("#advice article.option").first.locator(".reasons")).to_contain_text(
        "passed"
    )
    expect(page.locator(".ladder .rung.today")).not_to_have_count(0)
    expect(page.locator("ul.tests li").first).to_contain_text("passed")
    shoot(page, "05-athlete-after-passed-test")

    # A session logged from today's plan, with the Romanian deadlift's load changed.
    page.locator("#advice").get_by_role("link", name="Log this session").click()
    expect(page.get_by_role("heading", name="Log session", level=1)).to_be_visible()
    row = page.locator("fieldset.row-card").filter(
        has=page.locator("option[value='romanian-deadlift']:checked")
    )
    expect(row).to_have_count(1)
    row.get_by_label("Load (kg)").fill("32.5")
    page.locator(".field", has_text="Pain during").get_by_label("2", exact=True).check()
    shoot(page, "06-log-session-form")
    page.get_by_role("button", name="Save session").click()
    expect(message(page)).to_have_text("Session logged.")
    recent = page.locator("section.card").filter(
        has=page.get_by_role("heading", name="Recent sessions")
    )
    expect(recent.locator("li.session")).to_have_count(1)
    expect(recent).to_contain_text(re.compile(r"Romanian Deadlift: 3×8 @ 32\.5 kg"))
    expect(recent).to_contain_text("pain during 2")

    # The whole record, downloaded as JSON.
    with page.expect_download() as download:
        page.get_by_role("link", name="Export JSON").click()
    assert download.value.suggested_filename == "rosa-lindqvist-hingecoach.json"
    exported = json.loads(download.value.path().read_text(encoding="utf-8"))
    assert exported["athlete"]["name"] == NAME
    assert [(t["passed"], t["faults"]) for t in exported["tests"]] == [
        (True, []),
        (False, ["lumbar-flexion"]),
    ]
    loads = {done["exercise"]: done["load_kg"] for done in exported["sessions"][0]["exercises"]}
    assert loads["romanian-deadlift"] == 32.5

    # The list shows where the athlete now stands.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Athletes").click()
    listed = page.locator("#results").get_by_role("link", name=re.compile(NAME))
    expect(listed).to_contain_text("Fundamental")
    expect(listed).to_contain_text("test passed")
