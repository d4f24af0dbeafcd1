"""What the CLI and the web ask for: cards, session sheets and the poster, as PDF, SVG or
an HTML page. Options arrive as the words a person types (``"a4"``, ``"four"``, ``"lb"``)
and are checked here, so both front ends refuse the same things in the same words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from hingecoach.core import Block, Case, Catalog
from hingecoach.core import block as make_block
from hingecoach.core import plan as make_plan
from hingecoach.printing import deck as decks
from hingecoach.printing.cards import cards_for
from hingecoach.printing.paper import card_grid, card_layout, poster_paper, sheet_paper
from hingecoach.printing.render import Mode, css_for, pdf_bytes, render_document, render_html
from hingecoach.printing.sheet import Sheet, block_sheet, plan_sheet
from hingecoach.printing.words import units_of

SHEET_MARGIN = "12mm"
SHEET_FONT_PT = 9.6
# A session too long for its page at the design size is set smaller, step by step (each
# item's why fills the page of a long session: most need at most the first step).
SHEET_SCALES = (1.0, 0.96, 0.92, 0.85, 0.78)


@dataclass(frozen=True)
class Printout:
    pdf: bytes
    pages: int


def cards_pdf(
    catalog: Catalog,
    ids: Iterable[str] = (),
    *,
    size: str = "a4",
    layout: str = "single",
    units: str = "kg",
) -> decks.Deck:
    """Every card of ``ids`` (all when empty): one per page, or four to a sheet."""
    grid = card_grid(sheet_paper(size), card_layout(layout))
    return decks.render_deck(cards_for(catalog, ids, units_of(units)), grid)


def cards_page(
    catalog: Catalog,
    ids: Iterable[str] = (),
    *,
    size: str = "a4",
    layout: str = "single",
    units: str = "kg",
    title: str = "Coaching cards",
    toolbar: dict[str, Any] | None = None,
) -> str:
    """The same cards as an HTML page for a browser, with its print stylesheet."""
    grid = card_grid(sheet_paper(size), card_layout(layout))
    cards = cards_for(catalog, ids, units_of(units))
    return decks.cards_html(cards, grid, mode="screen", title=title, toolbar=toolbar)


def session_sheet(
    catalog: Catalog,
    case: Case,
    *,
    weeks: int | None = None,
    units: str = "kg",
    athlete: str | None = None,
) -> Sheet:
    """Today's plan (one page), or a block of ``weeks`` weeks (one page per week)."""
    chosen = units_of(units)
    if weeks is None:
        return plan_sheet(make_plan(case, catalog), catalog, units=chosen, athlete=athlete)
    return block_sheet(make_block(case, weeks, catalog), catalog, units=chosen, athlete=athlete)


def sheet_html(
    sheet: Sheet,
    *,
    size: str = "a4",
    mode: Mode = "pdf",
    scale: float = 1.0,
    toolbar: dict[str, Any] | None = None,
) -> str:
    paper = sheet_paper(size)
    title = f"Session sheet · {sheet.athlete}" if sheet.athlete else "Session sheet"
    return render_html(
        "sheet.html",
        mode=mode,
        title=title,
        paper=paper,
        sheet=sheet,
        page_margin=SHEET_MARGIN,
        css=css_for(mode, "sheet.css"),
        font_pt=SHEET_FONT_PT * scale,
        toolbar=toolbar or {},
    )


def sheet_pdf(
    catalog: Catalog,
    case: Case,
    *,
    weeks: int | None = None,
    size: str = "a4",
    units: str = "kg",
    athlete: str | None = None,
) -> Printout:
    sheet = session_sheet(catalog, case, weeks=weeks, units=units, athlete=athlete)
    return _sheet_printout(sheet, size)


def block_sheet_pdf(
    catalog: Catalog,
    result: Block,
    *,
    size: str = "a4",
    units: str = "kg",
    athlete: str | None = None,
) -> Printout:
    """A block built earlier (one a coach assigned and stored): one page per week."""
    sheet = block_sheet(result, catalog, units=units_of(units), athlete=athlete)
    return _sheet_printout(sheet, size)


def _sheet_printout(sheet: Sheet, size: str) -> Printout:
    for scale in SHEET_SCALES:
        document = render_document(sheet_html(sheet, size=size, scale=scale))
        if len(document.pages) <= len(sheet.pages):
            break
    return Printout(pdf_bytes(document), len(document.pages))


def poster_pdf(catalog: Catalog, case: Case | None = None, *, size: str = "a2") -> bytes:
    """The ladder poster (A2 or A1, landscape); ``case`` marks an athlete on it."""
    paper = poster_paper(size)
    from hingecoach.printing import poster  # matplotlib: only when a poster is asked for

    return poster.poster_pdf(catalog, paper, case)


def poster_svg(catalog: Catalog, case: Case | None = None, *, size: str = "a2") -> str:
    paper = poster_paper(size)
    from hingecoach.printing import poster

    return poster.poster_svg(catalog, paper, case)
