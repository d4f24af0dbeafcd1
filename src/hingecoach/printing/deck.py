"""A deck of cards on paper: one card to a page or four to a sheet, fitted so that no
card's text runs into its footer or off its page.

A card that is too long at the design size (a coach's catalog may say more than the
shipped one) is set smaller and the deck laid out again, down to ``SMALLEST``; a card
still too long then is reported in ``Deck.overflow`` rather than cut. Every shipped card
fits at the design size, so the shipped deck is laid out once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from hingecoach.printing.cards import Card
from hingecoach.printing.paper import CardGrid
from hingecoach.printing.render import (
    Mode,
    bottom,
    boxes,
    classes,
    css_for,
    page_box,
    pdf_bytes,
    render_document,
    render_html,
)

SMALLEST = 0.7  # a card is never set below 70 % of the design size
FIT_PASSES = 4
TOLERANCE = 0.002
LOST_FOOTER = 1.3
TOLERANCE_PX = 0.5


@dataclass(frozen=True)
class Placed:
    card: Card
    left_mm: float
    top_mm: float
    width_mm: float
    height_mm: float
    font_pt: float


@dataclass
class Deck:
    pdf: bytes
    pages: int
    overflow: list[str] = field(default_factory=list)
    scales: dict[str, float] = field(default_factory=dict)


def place(
    cards: Sequence[Card], grid: CardGrid, scales: dict[str, float] | None = None
) -> list[list[Placed]]:
    """The cards in sheets of ``grid.per_page``, each with its box on the paper."""
    scales = scales or {}
    sheets: list[list[Placed]] = []
    w, h = grid.card_width_mm, grid.card_height_mm
    for start in range(0, len(cards), grid.per_page):
        sheet = []
        for n, card in enumerate(cards[start : start + grid.per_page]):
            col, row = (n % 2, n // 2) if grid.per_page == 4 else (0, 0)
            sheet.append(
                Placed(
                    card,
                    grid.margin_mm + col * (w + grid.gap_mm),
                    grid.margin_mm + row * (h + grid.gap_mm),
                    w,
                    h,
                    round(grid.base_font_pt * scales.get(card.id, 1.0), 2),
                )
            )
        sheets.append(sheet)
    return sheets


def cards_html(
    cards: Sequence[Card],
    grid: CardGrid,
    *,
    mode: Mode,
    scales: dict[str, float] | None = None,
    title: str = "Coaching cards",
    toolbar: dict[str, Any] | None = None,
) -> str:
    return render_html(
        "cards.html",
        mode=mode,
        title=title,
        paper=grid.paper,
        grid=grid,
        page_margin="0",
        sheets=place(cards, grid, scales),
        css=css_for(mode, "card.css"),
        toolbar=toolbar or {},
    )


def fill_ratios(document: Any) -> dict[str, float]:
    """For each card, the height its text needs over the height it has (above 1: too long).

    A card whose box leaves its page counts as too long as well.
    """
    ratios: dict[str, float] = {}
    for page in document.pages:
        for box in boxes(page_box(page)):
            if "card" not in classes(box):
                continue
            parts = {
                name: b
                for b in boxes(box)
                for name in classes(b)
                if name in ("card-body", "card-foot")
            }
            body, foot = parts["card-body"], parts.get("card-foot")
            if foot is None:  # pushed off the page by a body far too long
                ratio = LOST_FOOTER
            else:
                room = max(foot.position_y - body.position_y, 1.0)
                ratio = (bottom(body) - body.position_y) / room
            if bottom(box) > page.height + TOLERANCE_PX:
                ratio = max(ratio, bottom(box) / page.height)
            ratios[box.element.get("data-id")] = ratio
    return ratios


def overflowing(document: Any) -> list[str]:
    """Ids of the cards whose text runs into the footer, or whose box leaves its page."""
    return [card_id for card_id, ratio in fill_ratios(document).items() if ratio > 1 + TOLERANCE]


def render_deck(cards: Sequence[Card], grid: CardGrid) -> Deck:
    """The PDF of ``cards``; a card too long at the design size is set smaller, by the
    square root of how much too long it was (text height grows about as the square of
    its size), and the deck laid out again."""
    scales = {card.id: 1.0 for card in cards}
    for _ in range(FIT_PASSES):
        document = render_document(cards_html(cards, grid, mode="pdf", scales=scales))
        ratios = fill_ratios(document)
        over = [i for i, r in ratios.items() if r > 1 + TOLERANCE and scales[i] > SMALLEST]
        if not over:
            break
        for card_id in over:
            shrink = (1 / ratios[card_id]) ** 0.5 * 0.985
            scales[card_id] = max(SMALLEST, round(scales[card_id] * shrink, 3))
    return Deck(
        pdf_bytes(document),
        len(document.pages),
        overflowing(document),
        {i: s for i, s in scales.items() if s != 1.0},
    )
