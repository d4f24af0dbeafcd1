"""Paper sizes and card layouts, in millimetres."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from hingecoach.printing.errors import PrintError

SizeName = Literal["a4", "letter", "a2", "a1"]
LayoutName = Literal["single", "four"]
MM_PER_PT = 25.4 / 72


@dataclass(frozen=True)
class Paper:
    name: str
    css: str  # the @page size keyword
    width_mm: float
    height_mm: float

    @property
    def width_pt(self) -> float:
        return self.width_mm / MM_PER_PT

    @property
    def height_pt(self) -> float:
        return self.height_mm / MM_PER_PT

    def landscape(self) -> Paper:
        return Paper(self.name, f"{self.css} landscape", self.height_mm, self.width_mm)


PAPERS: dict[str, Paper] = {
    "a4": Paper("A4", "A4", 210.0, 297.0),
    "letter": Paper("Letter", "letter", 215.9, 279.4),
    "a2": Paper("A2", "A2", 420.0, 594.0),
    "a1": Paper("A1", "A1", 594.0, 841.0),
}
SHEET_SIZES = ("a4", "letter")
POSTER_SIZES = ("a2", "a1")
LAYOUTS: tuple[LayoutName, ...] = ("single", "four")
# Card width and height in mm per point of body text. Four to a sheet leaves out the
# summary and what each fault looks like, so its text runs a little larger for its size.
FONT_DIVISORS: dict[str, tuple[float, float]] = {"single": (16.0, 23.5), "four": (14.0, 20.5)}


def _choose(field: str, value: str, allowed: tuple[str, ...]) -> str:
    key = str(value).lower()
    if key not in allowed:
        choices = ", ".join(f"'{a}'" for a in allowed)
        raise PrintError(field, f"'{value}' is not one of {choices}")
    return key


def sheet_paper(value: str = "a4") -> Paper:
    """A4 or Letter, for cards and session sheets."""
    return PAPERS[_choose("size", value, SHEET_SIZES)]


def poster_paper(value: str = "a2") -> Paper:
    """A2 or A1, landscape, for the ladder poster."""
    return PAPERS[_choose("size", value, POSTER_SIZES)].landscape()


def card_layout(value: str = "single") -> LayoutName:
    return "four" if _choose("layout", value, LAYOUTS) == "four" else "single"


@dataclass(frozen=True)
class CardGrid:
    """Where cards sit on a sheet: page margin, the gap between cards, each card's size."""

    paper: Paper
    layout: LayoutName
    margin_mm: float
    gap_mm: float

    @property
    def per_page(self) -> int:
        return 4 if self.layout == "four" else 1

    @property
    def card_width_mm(self) -> float:
        across = 2 if self.layout == "four" else 1
        return (self.paper.width_mm - 2 * self.margin_mm - (across - 1) * self.gap_mm) / across

    @property
    def card_height_mm(self) -> float:
        down = 2 if self.layout == "four" else 1
        return (self.paper.height_mm - 2 * self.margin_mm - (down - 1) * self.gap_mm) / down

    @property
    def base_font_pt(self) -> float:
        """The card's body text, scaled with the card so the design is the same at any size
        (the longest shipped card fits at this size; a longer one is set smaller)."""
        per_width, per_height = FONT_DIVISORS[self.layout]
        return round(min(self.card_width_mm / per_width, self.card_height_mm / per_height), 2)


def card_grid(paper: Paper, layout: LayoutName) -> CardGrid:
    if layout == "four":
        return CardGrid(paper, layout, margin_mm=8.0, gap_mm=8.0)
    return CardGrid(paper, layout, margin_mm=12.0, gap_mm=0.0)
