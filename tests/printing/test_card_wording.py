"""Every card's words fit its exercise, read off the printed PDF in both units: no bar
named on a kettlebell or dumbbell card, no standing cue on a lying exercise, no legs to
brush on a hex bar, and no kilograms on a card printed in pounds."""

from __future__ import annotations

import re

import pytest

from hingecoach.printing.cards import cards_for
from hingecoach.printing.deck import cards_html
from hingecoach.printing.paper import card_grid, sheet_paper
from hingecoach.printing.render import pdf_bytes, render_document

from .conftest import Pdf

# A card's cues and its faults, between the printed headings: what a coach says with it.
CUES = re.compile(r"\bCUES\b(.*?)\bSET-UP\b", re.S)
FAULTS = re.compile(r"FAULTS TO WATCH(.*?)(?:AFRAID OR SORE\?|EASIER START|↓ Step down)", re.S)
BAR = re.compile(r"\bbar\b", re.I)
STANDING = re.compile(
    r"\b(stand|stands|standing|finish tall|stand tall|feet flat on the floor"
    r" as you rise)\b",
    re.I,
)
LEGS = re.compile(r"\b(brush|brushing|legs?|thighs?)\b", re.I)
# A hex bar is held by handles at the sides; the catalog does not say so in a field of
# its own, so the test names it.
HANDLES_AT_SIDES = {"hex-bar-deadlift"}
LYING = {"hip-bridge", "hip-thrust", "hamstring-curl"}


@pytest.fixture(scope="module")
def pages(catalog, decks):
    """Each card's page text, by exercise id, in kilograms and in pounds."""
    ids = [c.id for c in catalog]
    grid = card_grid(sheet_paper("a4"), "single")
    lb = pdf_bytes(render_document(cards_html(cards_for(catalog, units="lb"), grid, mode="pdf")))
    return {
        "kg": dict(zip(ids, Pdf(decks[("a4", "single")].pdf).texts(), strict=True)),
        "lb": dict(zip(ids, Pdf(lb).texts(), strict=True)),
    }


def coaching(text: str) -> str:
    """The cues and the faults of one card's page."""
    cues, faults = CUES.search(text), FAULTS.search(text)
    assert cues and faults, text
    return f"{cues.group(1)} {faults.group(1)}"


def test_the_catalog_says_which_exercises_are_done_lying_down(catalog):
    assert {e.id for e in catalog if e.position == "lying"} == LYING


@pytest.mark.parametrize("units", ["kg", "lb"])
def test_no_card_names_a_bar_for_a_kettlebell_or_dumbbell_exercise(catalog, pages, units):
    for ex in catalog:
        if ex.loads.implement in ("kettlebell", "dumbbell"):
            said = coaching(pages[units][ex.id])
            assert not BAR.search(said), (ex.id, BAR.findall(said), said)


@pytest.mark.parametrize("units", ["kg", "lb"])
def test_no_card_of_a_lying_exercise_gives_a_standing_cue_or_fix(catalog, pages, units):
    for ex in catalog:
        if ex.position == "lying":
            said = coaching(pages[units][ex.id])
            assert not STANDING.search(said), (ex.id, STANDING.findall(said))


def test_the_hex_bar_card_never_has_the_weight_travel_along_the_legs(pages):
    for exercise in HANDLES_AT_SIDES:
        said = coaching(pages["kg"][exercise])
        assert not LEGS.search(said), (exercise, LEGS.findall(said), said)


def test_a_card_printed_in_pounds_has_no_kilograms_anywhere(catalog, pages):
    for ex in catalog:
        text = pages["lb"][ex.id]
        assert not re.search(r"\d\s*kg\b|kilogram", text, re.I), (ex.id, text)
        assert ex.loads.adult is None or " lb" in text, ex.id


def test_no_card_prints_its_exercise_id(catalog, pages):
    # An id of one word ("deadlift") is also a word of the card's prose: a slug with a
    # hyphen is not, so those are looked for.
    slugs = [ex.id for ex in catalog if "-" in ex.id]
    assert len(slugs) > len(catalog.exercises) // 2
    for slug in slugs:
        assert slug not in pages["kg"][slug], slug


def test_a_first_rung_says_it_has_no_step_down(catalog, pages):
    text = pages["kg"]["hip-bridge"]
    assert "Step down none: this is a first rung" in text
    assert "Step down a first rung" not in text
