"""Rendering a printout logs no WeasyPrint warning: a server making PDFs all day would
otherwise fill its terminal with one line per CSS rule WeasyPrint skips."""

from __future__ import annotations

import logging

import pytest

from hingecoach import printing
from hingecoach.core import Catalog

from .conftest import example_case

CASE = "passed-technique.json"


def _printouts(catalog: Catalog) -> dict[str, object]:
    case = example_case(CASE, catalog)
    return {
        "cards, one a page": lambda: printing.cards_pdf(catalog, ["hip-bridge"]),
        "cards, four a sheet": lambda: printing.cards_pdf(
            catalog, ["hip-bridge"], layout="four", size="letter", units="lb"
        ),
        "session sheet": lambda: printing.sheet_pdf(catalog, case, athlete="Isla Brown"),
        "block sheet": lambda: printing.sheet_pdf(catalog, case, weeks=4),
        "poster": lambda: printing.poster_pdf(catalog, case),
    }


@pytest.mark.parametrize(
    "name",
    ["cards, one a page", "cards, four a sheet", "session sheet", "block sheet", "poster"],
)
def test_a_printout_renders_without_a_weasyprint_warning(catalog, caplog, name):
    with caplog.at_level(logging.INFO, logger="weasyprint"):
        _printouts(catalog)[name]()  # type: ignore[operator]
    said = [
        r.getMessage()
        for r in caplog.records
        if r.name.startswith("weasyprint") and r.levelno >= logging.WARNING
    ]
    assert not said, f"{len(said)} warnings, the first: {said[:3]}"
