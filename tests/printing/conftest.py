"""Printouts rendered once per test session, and helpers to read them back.

Every PDF the tests make is also written to ``test-output/printing/`` with a few pages
as PNG (pdftoppm, when installed), for a person to look at.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from hingecoach import printing
from hingecoach.core import Catalog, case_from_json, default_catalog
from hingecoach.printing.cards import cards_for
from hingecoach.printing.deck import cards_html, fill_ratios
from hingecoach.printing.paper import card_grid, sheet_paper
from hingecoach.printing.render import pdf_bytes, render_document
from web.conftest import athlete, coach, coach_client, stranger, team  # noqa: F401 (fixtures)

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
OUTPUT = ROOT / "test-output" / "printing"
PT_PER_MM = 72 / 25.4


@dataclass(frozen=True)
class Pdf:
    data: bytes

    @property
    def reader(self) -> PdfReader:
        return PdfReader(io.BytesIO(self.data))

    def texts(self) -> list[str]:
        """Each page's text with its whitespace squeezed to single spaces."""
        return _texts(self.data)

    def sizes(self) -> list[tuple[float, float]]:
        return [
            (round(float(p.mediabox.width)), round(float(p.mediabox.height)))
            for p in self.reader.pages
        ]


@lru_cache(maxsize=16)
def _texts(data: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(data))
    return [" ".join((page.extract_text() or "").split()) for page in reader.pages]


def squeeze(text: str) -> str:
    return " ".join(text.split())


def card_of(exercise_id: str) -> Any:
    """The card the default catalog prints for ``exercise_id``."""
    return next(c for c in cards_for(default_catalog()) if c.id == exercise_id)


def heading(card: Any) -> str:
    """A printed card's heading as the PDF's text reads it: the band (set in capitals)
    and the exercise's name."""
    band = f"{card.theme_label} · Level {card.level} {card.role_label}".upper()
    return f"{band} {card.name}"


def keep(name: str, data: bytes | str, png_pages: tuple[int, ...] = (), dpi: int = 60) -> Path:
    """Write ``name`` under test-output/printing, with the given pages as PNG."""
    OUTPUT.mkdir(parents=True, exist_ok=True)
    target = OUTPUT / name
    if isinstance(data, str):
        target.write_text(data, encoding="utf-8")
    else:
        target.write_bytes(data)
    if png_pages and shutil.which("pdftoppm"):
        for page in png_pages:
            subprocess.run(
                [
                    "pdftoppm",
                    "-r",
                    str(dpi),
                    "-png",
                    "-singlefile",
                    "-f",
                    str(page),
                    "-l",
                    str(page),
                    str(target),
                    str(target.with_suffix("")) + f"-p{page}",
                ],
                check=True,
                timeout=120,
            )
    return target


def example_case(name: str, catalog: Catalog):
    return case_from_json((EXAMPLES / name).read_text(encoding="utf-8"), catalog)


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return default_catalog()


@dataclass(frozen=True)
class Rendered:
    """A whole deck laid out once: the PDF, and the layout to measure overflow on."""

    pdf: bytes
    document: Any
    ratios: dict[str, float]


@pytest.fixture(scope="session")
def decks(catalog: Catalog) -> dict[tuple[str, str], Rendered]:
    """The whole deck in every size and layout, each rendered once at the design size."""
    made = {}
    cards = cards_for(catalog)
    for size in printing.SHEET_SIZES:
        for layout in printing.LAYOUTS:
            grid = card_grid(sheet_paper(size), layout)
            document = render_document(cards_html(cards, grid, mode="pdf"))
            rendered = Rendered(pdf_bytes(document), document, fill_ratios(document))
            keep(
                f"cards-{size}-{layout}.pdf",
                rendered.pdf,
                png_pages=(1, 4, 8) if layout == "single" else (1,),
                dpi=70,
            )
            made[(size, layout)] = rendered
    return made
