"""The printouts are in the project's own words: no run of eight words from either source
article in the templates, the stylesheets, or the text of any printed card or sheet."""

from __future__ import annotations

from pathlib import Path

import pytest

from hingecoach import printing
from hingecoach.printing.assets import STATIC, TEMPLATES
from unit.originality import article_runs, runs

from .conftest import ROOT, Pdf, example_case


@pytest.fixture(scope="module")
def borrowed() -> set[tuple[str, ...]]:
    return article_runs()


def shipped_files() -> list[Path]:
    files = [*sorted(TEMPLATES.rglob("*.html")), *sorted(STATIC.rglob("*.css"))]
    web = ROOT / "src" / "hingecoach" / "web" / "printouts"
    files += sorted(web.rglob("*.html")) + sorted(web.rglob("*.py"))
    files += sorted((ROOT / "src" / "hingecoach" / "printing").glob("*.py"))
    return files


def test_no_template_stylesheet_or_module_repeats_eight_words_from_the_articles(borrowed):
    files = shipped_files()
    assert len(files) > 8
    copied = {
        p.relative_to(ROOT).as_posix(): sorted(
            " ".join(r) for r in runs(p.read_text("utf-8")) & borrowed
        )
        for p in files
    }
    assert {path: found for path, found in copied.items() if found} == {}


def test_no_printed_card_or_sheet_repeats_eight_words_from_the_articles(borrowed, decks, catalog):
    texts = Pdf(decks[("a4", "single")].pdf).texts()
    sheet = printing.sheet_pdf(catalog, example_case("fear-high.json", catalog), weeks=2)
    texts += Pdf(sheet.pdf).texts()
    copied = sorted(" ".join(r) for text in texts for r in runs(text) & borrowed)
    assert copied == []


def test_the_check_finds_a_copied_sentence(borrowed):
    sentence = (
        "Once an athlete has mastered a drill move on. Exercises can be used to "
        "strengthen with progressive overload"
    )
    assert runs(sentence) & borrowed
