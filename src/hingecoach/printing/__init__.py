"""Printouts: coaching cards, session sheets and the ladder poster (an adapter).

It depends on the core (and on ``hingecoach.charts`` for the ladder's geometry and
drawing); the core never imports it. Jinja2 templates in ``templates/`` and stylesheets
in ``static/`` make both the web pages and the PDFs, which WeasyPrint renders with a URL
fetcher that reads shipped files only (``fetcher.LocalOnlyFetcher``).

- ``cards``: what each coaching card says, from the catalog alone.
- ``deck``: cards on paper, one to a page or four to a sheet, fitted without overflow.
- ``sheet``: session sheets for today's plan or one page per week of a block.
- ``poster``: the hinge ladder at A2 or A1, PDF or SVG.
- ``documents``: the entry points below, taking options as words (``"a4"``, ``"four"``).
"""

from hingecoach.printing.deck import Deck
from hingecoach.printing.documents import (
    Printout,
    block_sheet_pdf,
    cards_page,
    cards_pdf,
    poster_pdf,
    poster_svg,
    session_sheet,
    sheet_html,
    sheet_pdf,
)
from hingecoach.printing.errors import FetchRefused, PrintError
from hingecoach.printing.paper import LAYOUTS, POSTER_SIZES, SHEET_SIZES

__all__ = [
    "LAYOUTS",
    "POSTER_SIZES",
    "SHEET_SIZES",
    "Deck",
    "FetchRefused",
    "PrintError",
    "Printout",
    "block_sheet_pdf",
    "cards_page",
    "cards_pdf",
    "poster_pdf",
    "poster_svg",
    "session_sheet",
    "sheet_html",
    "sheet_pdf",
]
