"""``hingecoach cards``, ``sheet`` and ``poster`` run as a person runs them."""

from __future__ import annotations

import json
import math
import os
import stat
from pathlib import Path

import pytest

from cli.runner import Call, example, run_many
from hingecoach.core import default_catalog, plan
from hingecoach.core.present import why_text

from .conftest import Pdf, card_of, heading, squeeze

pytestmark = pytest.mark.cli


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> tuple[Path, dict]:
    folder = tmp_path_factory.mktemp("printouts")
    calls = {
        "deck": Call(
            ("cards", "--out", str(folder / "deck.pdf"), "--layout", "four", "--size", "letter")
        ),
        "two": Call(("cards", "hip-bridge", "step-up", "--out", str(folder / "two.pdf"))),
        "sheet": Call(
            (
                "sheet",
                example("failed-test.json"),
                "--out",
                str(folder / "sheet.pdf"),
                "--weeks",
                "2",
                "--units",
                "lb",
                "--name",
                "Maya Ortiz",
            )
        ),
        "poster": Call(
            ("poster", "--out", str(folder / "poster.svg"), "--case", example("failed-test.json"))
        ),
        "flare": Call(
            (
                "sheet",
                example("pain-flare.json"),
                "--out",
                str(folder / "flare.pdf"),
                "--units",
                "lb",
            )
        ),
    }
    return folder, run_many(calls)


def test_cards_writes_the_whole_deck_four_to_a_letter_sheet(made):
    folder, results = made
    assert results["deck"].code == 0, results["deck"].err
    pdf = Pdf((folder / "deck.pdf").read_bytes())
    assert len(pdf.reader.pages) == math.ceil(len(default_catalog().exercises) / 4)
    assert set(pdf.sizes()) == {(612, 792)}
    assert results["deck"].out.startswith(f"wrote {folder / 'deck.pdf'}")


def test_cards_with_ids_prints_only_those_one_per_page(made):
    folder, results = made
    assert results["two"].code == 0, results["two"].err
    texts = Pdf((folder / "two.pdf").read_bytes()).texts()
    assert len(texts) == 2
    first, second = (card_of(i) for i in ("hip-bridge", "step-up"))
    assert texts[0].startswith(heading(first)) and texts[1].startswith(heading(second))


def test_sheet_prints_a_page_per_week_in_pounds_with_the_name(made):
    folder, results = made
    assert results["sheet"].code == 0, results["sheet"].err
    texts = Pdf((folder / "sheet.pdf").read_bytes()).texts()
    assert len(texts) == 2
    assert all("Maya Ortiz" in t and "Loads in lb" in t for t in texts)


def test_sheet_prints_why_each_item_is_there_in_its_units_on_one_page(made):
    folder, results = made
    assert results["flare"].code == 0, results["flare"].err
    assert results["flare"].out.strip().endswith("(1 page)")
    (text,) = Pdf((folder / "flare.pdf").read_bytes()).texts()
    case = json.loads(Path(example("pain-flare.json")).read_text())
    catalog = default_catalog()
    for item in plan(case, catalog).session:
        for why in item.why:
            assert squeeze(why_text(catalog, why, "lb")) in text, (item.exercise, why.rule)
    assert "45 lb, inside the adult range for age 38" in text and " kg" not in text


def test_poster_writes_an_svg_marked_for_the_athlete(made):
    folder, results = made
    assert results["poster"].code == 0, results["poster"].err
    assert (folder / "poster.svg").read_text().lstrip().startswith("<?xml")


@pytest.fixture(scope="module")
def refused(tmp_path_factory) -> tuple[Path, dict]:
    folder = tmp_path_factory.mktemp("refused")
    locked = folder / "locked"
    locked.mkdir()
    locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
    if os.geteuid() == 0:  # root writes anywhere on disk, but not a new file into /proc
        locked = Path("/proc")
    calls = {
        "unknown-id": Call(("cards", "kneeling-squat-dance", "--out", str(folder / "c.pdf"))),
        "extension": Call(("cards", "--out", str(folder / "cards.docx"))),
        "no-folder": Call(("cards", "--out", str(folder / "missing" / "c.pdf"))),
        "locked": Call(("sheet", example("failed-test.json"), "--out", str(locked / "s.pdf"))),
        "size": Call(("cards", "--out", str(folder / "c.pdf"), "--size", "a5")),
        "layout": Call(("cards", "--out", str(folder / "c.pdf"), "--layout", "six")),
        "weeks": Call(
            ("sheet", example("failed-test.json"), "--out", str(folder / "s.pdf"), "--weeks", "0")
        ),
        "case": Call(("sheet", str(folder / "nope.json"), "--out", str(folder / "s.pdf"))),
        "poster-ext": Call(("poster", "--out", str(folder / "poster.png"))),
        "poster-size": Call(("poster", "--out", str(folder / "p.pdf"), "--size", "a4")),
    }
    return folder, run_many(calls)


EXPECTED = {
    "unknown-id": "ID: unknown exercise 'kneeling-squat-dance'",
    "extension": "--out: unsupported format '.docx' (use a .pdf file name)",
    "no-folder": "--out: no such folder",
    "locked": "--out: cannot write",
    "size": "Invalid value for '--size': 'a5' is not one of 'a4', 'letter'.",
    "layout": "Invalid value for '--layout': 'six' is not one of 'single', 'four'.",
    "weeks": "Invalid value for '--weeks': 0 is not in the range 1<=x<=52.",
    "case": "CASE: no such file",
    "poster-ext": "--out: unsupported format '.png' (use a .pdf or .svg file name)",
    "poster-size": "Invalid value for '--size': 'a4' is not one of 'a2', 'a1'.",
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_input_exits_2_with_one_line_naming_it(refused, name):
    folder, results = refused
    result = results[name]
    assert result.code == 2, (result.out, result.err)
    assert len(result.err_lines) == 1, result.err
    assert result.err_lines[0].startswith(EXPECTED[name])
    assert not list(folder.glob("*.pdf"))
