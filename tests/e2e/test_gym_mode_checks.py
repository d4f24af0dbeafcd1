"""Gym mode in Chromium: a set typed wrong is refused on its own step as the step is left,
named as the coach sees it; a save with no set ticked Done loses nothing (decision 0050)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .pages import CHROMIUM, NO_CHROMIUM, PHONE, add_athlete, loaded, shoot

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM)]


@pytest.fixture
def phone(browsing, coach_state):
    return browsing.page(viewport=PHONE, signed_in=coach_state, is_mobile=True, has_touch=True)


def start(page, name: str) -> None:
    add_athlete(page, name=name, born="1994-05-06")
    page.locator("#actions").get_by_role("link", name="Gym mode").click()
    expect(page.get_by_role("heading", name=re.compile("Gym mode"))).to_be_visible()
    loaded(page)


def step_title(page):
    return page.locator(".gym-step:visible h2")


def next_step(page) -> None:
    page.get_by_role("button", name="Next").click()


def to_the_test(page) -> None:
    while (page.locator(".gym-step:visible .gym-part").text_content() or "").strip() != "The test":
        next_step(page)


def answer_the_test_clear(page) -> None:
    questions = page.locator(".gym-step:visible .fault-q")
    for n in range(questions.count()):
        questions.nth(n).get_by_text("Not seen").click()


def to_the_end(page) -> None:
    while page.get_by_role("button", name="Next").is_visible():
        next_step(page)
    expect(page.get_by_role("heading", name="Finish and save")).to_be_visible()


def test_a_set_typed_wrong_is_refused_on_its_step_as_it_is_left(phone):
    start(phone, "Tara Typo")
    expect(step_title(phone)).to_have_text("Kneeling Hip Hinge")
    reps = phone.locator(".gym-step:visible [data-check=reps]").first
    reps.fill("abc")
    next_step(phone)
    expect(step_title(phone)).to_have_text("Kneeling Hip Hinge")  # not left
    said = phone.locator(".gym-step:visible .field-error")
    expect(said).to_have_text("Kneeling Hip Hinge, set 1: reps 'abc' is not a whole number")
    expect(reps).to_be_focused()
    expect(reps).to_have_attribute("aria-invalid", "true")
    assert "s1-1-reps" not in said.inner_text()
    shoot(phone, "gym-check-01-reps")
    reps.fill("8")
    next_step(phone)
    expect(step_title(phone)).to_have_text("Kneeling Good Morning")
    next_step(phone)
    expect(step_title(phone)).to_have_text("Good Morning")
    load = phone.locator(".gym-step:visible [data-check=load]").first
    load.fill("99999")
    next_step(phone)
    expect(step_title(phone)).to_have_text("Good Morning")
    expect(phone.locator(".gym-step:visible .field-error")).to_have_text(
        "Good Morning, set 1: load 99999 kg is not in 0..500 kg"
    )
    shoot(phone, "gym-check-02-load")
    load.fill("20")
    phone.locator(".gym-step:visible .set-done span").first.click()
    phone.get_by_role("button", name="Skip rest").click()
    reps = phone.locator(".gym-step:visible [data-check=reps]").first
    reps.fill("")
    next_step(phone)
    expect(phone.locator(".gym-step:visible .field-error")).to_have_text(
        "Good Morning, set 1: reps missing: a set marked done needs its reps"
    )
    reps.fill("10")
    next_step(phone)
    expect(phone.locator(".gym-step:visible .gym-part")).to_have_text("The test")


def test_a_save_with_no_set_done_offers_to_mark_the_planned_sets_and_keeps_the_pain(phone):
    start(phone, "Nell Nodone")
    to_the_test(phone)
    answer_the_test_clear(phone)
    next_step(phone)
    to_the_end(phone)
    phone.get_by_label("Pain during the session").select_option("1")
    offer = phone.locator("[data-none-done]")
    expect(offer).to_be_hidden()
    phone.get_by_role("button", name="Save the session").click()
    expect(offer).to_be_visible()
    expect(offer).to_contain_text("No set is marked done")
    # with a pain score, there is no saving without a session
    expect(offer.get_by_role("button", name="Save the test and drills only")).to_be_hidden()
    shoot(phone, "gym-check-03-none-done")
    expect(phone.get_by_role("heading", name="Finish and save")).to_be_visible()  # not sent

    offer.get_by_role("button", name="Go back to the sets").click()
    expect(phone.locator(".gym-step:visible [data-rest]").first).to_be_focused()
    to_the_end(phone)
    phone.get_by_role("button", name="Save the session").click()
    offer.get_by_role("button", name="Mark the planned sets done and save").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Nell Nodone")
    expect(phone.locator("#what-changed")).to_contain_text("What the gym session changed")
    expect(phone.get_by_text("no training session was logged")).to_have_count(0)
    expect(phone.locator(".sessions .session").first).to_contain_text("pain during 1")
