"""Every coaching card prints whole: its id, cues and faults on its own page, the right
number of pages at the right size, and nothing running off a card or a page."""

from __future__ import annotations

import math

import pytest

from hingecoach import printing
from hingecoach.printing.cards import cards_for
from hingecoach.printing.deck import cards_html, overflowing, place
from hingecoach.printing.paper import card_grid, sheet_paper
from hingecoach.printing.render import bottom, boxes, page_box, render_document

from .conftest import Pdf, heading, squeeze

PAGE_PT = {"a4": (595, 842), "letter": (612, 792)}
COMBOS = [(size, layout) for size in printing.SHEET_SIZES for layout in printing.LAYOUTS]


def card_words(card) -> list[str]:
    faults = [text for f in card.faults for text in (f.name, f.fix)]
    return [heading(card), *card.cues, *faults]


def test_every_card_is_on_its_own_page_with_its_heading_cues_and_faults(decks, catalog):
    pages = Pdf(decks[("a4", "single")].pdf).texts()
    cards = cards_for(catalog)
    assert len(pages) == len(cards) == len(catalog.exercises)
    for card, text in zip(cards, pages, strict=True):
        missing = [w for w in card_words(card) if squeeze(w) not in text]
        assert missing == [], f"{card.id}: {missing}"


def test_a_card_shows_its_loads_setup_steps_and_both_neighbours_on_the_ladder(decks, catalog):
    text = Pdf(decks[("a4", "single")].pdf).texts()[[c.id for c in catalog].index("good-morning")]
    for words in (
        "Adult: 20–40 kg",
        "Youth: 10–20 kg",
        "3 × 10 · rest 1 min 30 s",
        "Step down Kneeling Good Morning",
        "Romanian Deadlift",
        "Level 3 · Good Mornings",
        *catalog["good-morning"].setup,
    ):
        assert squeeze(words) in text


def test_pain_aware_options_say_how_to_make_the_start_easier(decks, catalog):
    texts = dict(
        zip([c.id for c in catalog], Pdf(decks[("a4", "single")].pdf).texts(), strict=True)
    )
    for step in catalog.programme.pain_aware_path:
        exercise = catalog[step.exercise]
        assert exercise.easier_start, step.exercise
        assert "afraid or sore? easier start" in texts[step.exercise].lower()
        assert squeeze(exercise.easier_start) in texts[step.exercise]


@pytest.mark.parametrize(("size", "layout"), COMBOS)
def test_page_count_and_page_size(decks, catalog, size, layout):
    pdf = Pdf(decks[(size, layout)].pdf)
    n = len(catalog.exercises)
    assert len(pdf.reader.pages) == (n if layout == "single" else math.ceil(n / 4))
    assert set(pdf.sizes()) == {PAGE_PT[size]}


def test_four_to_a_sheet_puts_four_cards_on_each_page_in_ladder_order(decks, catalog):
    pages = Pdf(decks[("a4", "four")].pdf).texts()
    cards = cards_for(catalog)
    for number, text in enumerate(pages):
        where = [text.find(heading(card)) for card in cards[number * 4 : (number + 1) * 4]]
        assert -1 not in where and where == sorted(where), (number, where)


@pytest.mark.parametrize(("size", "layout"), COMBOS)
def test_every_shipped_card_fits_at_the_design_size(decks, catalog, size, layout):
    """Each card's text ends above its footer: nothing needs shrinking, nothing overflows."""
    deck = decks[(size, layout)]
    assert set(deck.ratios) == set(catalog.exercises)
    assert {i: round(r, 3) for i, r in deck.ratios.items() if r > 1} == {}
    assert overflowing(deck.document) == []


@pytest.mark.parametrize(("size", "layout"), COMBOS)
def test_every_box_on_every_page_ends_inside_the_page(decks, size, layout):
    for page in decks[(size, layout)].document.pages:
        root = page_box(page)
        lowest = max(bottom(b) for b in boxes(root) if b is not root)
        assert lowest <= page.height + 0.5


def test_the_overflow_check_catches_a_card_that_is_too_long(catalog):
    grid = card_grid(sheet_paper("a4"), "four")
    card = cards_for(catalog, ["good-morning"])[0]
    long_card = type(card)(**{**card.__dict__, "cues": card.cues * 6})
    document = render_document(cards_html([long_card], grid, mode="pdf"))
    assert overflowing(document) == ["good-morning"]


def test_a_card_too_long_for_the_design_size_is_set_smaller_until_it_fits(catalog):
    grid = card_grid(sheet_paper("a4"), "four")
    card = cards_for(catalog, ["good-morning"])[0]
    longer = type(card)(**{**card.__dict__, "cues": [*card.cues, *card.cues[:2]]})
    deck = printing.deck.render_deck([longer], grid)
    assert deck.overflow == []
    assert 0.7 <= deck.scales["good-morning"] < 1


def test_cards_for_named_ids_keep_the_order_given_and_drop_repeats(catalog):
    cards = cards_for(catalog, ["deadlift", "hip-bridge", "deadlift"])
    assert [c.id for c in cards] == ["deadlift", "hip-bridge"]
    assert [len(s) for s in place(cards, card_grid(sheet_paper("a4"), "four"))] == [2]


def test_an_unknown_id_is_refused_by_name(catalog):
    with pytest.raises(printing.PrintError, match="ID: unknown exercise 'kneeling-squat'"):
        printing.cards_pdf(catalog, ["hip-bridge", "kneeling-squat"])


@pytest.mark.parametrize(("option", "value"), [("size", "a5"), ("layout", "two"), ("units", "st")])
def test_a_paper_size_layout_or_unit_not_offered_is_refused(catalog, option, value):
    with pytest.raises(printing.PrintError, match=f"{option}: '{value}' is not one of"):
        printing.cards_pdf(catalog, ["hip-bridge"], **{option: value})


def test_loads_print_in_pounds_when_asked(catalog):
    card = cards_for(catalog, ["good-morning"], units="lb")[0]
    assert (card.adult_load, card.youth_load) == ("45–85 lb", "25–40 lb")  # bar loads in 5 lb steps


def test_a_kettlebell_card_in_pounds_names_the_pound_bells_of_its_kilogram_range(catalog):
    card = cards_for(catalog, ["single-leg-romanian-deadlift"], units="lb")[0]
    assert (card.adult_load, card.youth_load) == ("18–53 lb", "9–26 lb")  # 8-24 kg, 4-12 kg
    assert cards_for(catalog, ["hip-bridge"])[0].adult_load == "body weight"


BAR_IN_HANDS = (
    "romanian-deadlift",
    "stiff-legged-deadlift",
    "hex-bar-deadlift",
    "sumo-deadlift",
    "deadlift",
    "elevated-deadlift",
)


@pytest.mark.parametrize("exercise", BAR_IN_HANDS)
def test_a_bar_in_the_hands_card_never_fixes_a_fault_with_the_bar_on_the_back(catalog, exercise):
    card = cards_for(catalog, [exercise])[0]
    assert card.faults
    for fault in card.faults:
        assert "upper back" not in fault.fix and "along the back" not in fault.fix, fault


@pytest.mark.parametrize("exercise", ["kneeling-good-morning", "good-morning"])
def test_a_bar_on_the_back_card_keeps_the_bar_pressed_into_the_back(catalog, exercise):
    fixes = {f.id: f.fix for f in cards_for(catalog, [exercise])[0].faults}
    assert "upper back" in fixes["lumbar-flexion"]


@pytest.mark.parametrize("exercise", ["hex-bar-deadlift", "sumo-deadlift", "deadlift"])
def test_a_knee_bending_deadlift_card_wants_the_knees_bent_not_fixed(catalog, exercise):
    squat = next(f for f in cards_for(catalog, [exercise])[0].faults if f.id == "knee-dominant")
    assert "soft, fixed knee" not in squat.fix
    assert "hips above the knees" in squat.fix


def test_an_rdl_card_still_keeps_the_knees_soft_and_fixed(catalog):
    squat = next(
        f for f in cards_for(catalog, ["romanian-deadlift"])[0].faults if f.id == "knee-dominant"
    )
    assert "soft, fixed knee" in squat.fix


def test_the_step_up_card_lists_the_step_ups_own_faults(catalog):
    names = [f.name for f in cards_for(catalog, ["step-up"])[0].faults]
    assert names == ["Push-off from the floor", "Knee drifts inward", "Trunk folds forward"]
