"""The ladder poster: one large landscape page (A2 or A1), as PDF and as SVG."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from hingecoach import printing
from hingecoach.charts.layout import ladder_layout
from hingecoach.core import case_from_json, recommend
from hingecoach.core.present import why_text
from hingecoach.printing.poster import theme_spans

from .conftest import PT_PER_MM, Pdf, example_case, keep, squeeze

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def poster(catalog):
    case = example_case("passed-technique.json", catalog)
    data = printing.poster_pdf(catalog, case)
    keep("poster-a2.pdf", data, png_pages=(1,), dpi=30)
    return Pdf(data)


def test_the_poster_is_one_a2_landscape_page(poster):
    assert len(poster.reader.pages) == 1
    assert poster.sizes() == [(round(594 * PT_PER_MM), round(420 * PT_PER_MM))]


def test_the_poster_shows_every_exercise_the_columns_the_themes_and_the_athlete(poster, catalog):
    text = poster.texts()[0]
    for exercise in catalog:
        assert exercise.name.split()[0] in text
    for column in catalog.programme.subcategories:
        assert column.name.split()[0] in text
    assert "Themes" in text and "Corrective" in text and "Fundamental" in text
    assert "athlete at stage: fundamental" in text
    for label in ("Drill (dashed)", "Exercise (solid)", "Test (double border)"):
        assert label in text


@pytest.mark.parametrize(
    ("example", "warning"),
    [
        ("pain-flare.json", "Pain during the last session was 7/10"),
        ("fear-high.json", None),
        ("passed-technique.json", None),
    ],
)
def test_the_athletes_warnings_are_printed_above_the_ladder(catalog, example, warning):
    case = example_case(example, catalog)
    text = squeeze(Pdf(printing.poster_pdf(catalog, case)).texts()[0])
    said = [squeeze(why_text(catalog, w)) for w in recommend(case, catalog).warnings_why]
    for line in said:
        assert f"! {line}" in text
    assert warning is None or said[0].startswith(warning)
    assert ("! " in text) == bool(said)


def test_a_referral_says_so_on_the_ladder(catalog):
    case = case_from_json('{"athlete": {"age": 50, "conditions": ["spinal-fusion"]}}', catalog)
    text = squeeze(Pdf(printing.poster_pdf(catalog, case)).texts()[0])
    assert "athlete at stage: refer" in text
    assert "! Spinal fusion is recorded without medical clearance" in text


def test_theme_bands_span_the_levels_their_exercises_reach(catalog):
    spans = dict((t, (lo, hi)) for t, lo, hi in theme_spans(ladder_layout(catalog)))
    assert spans["corrective"] == (1, 4)
    assert spans["fundamental"] == (3, 8)
    assert spans["challenge"] == (8, 8)


def test_a1_is_offered_and_a4_is_not(catalog):
    data = printing.poster_pdf(catalog, size="a1")
    assert Pdf(data).sizes() == [(round(841 * PT_PER_MM), round(594 * PT_PER_MM))]
    with pytest.raises(printing.PrintError, match="size: 'a4' is not one of 'a2', 'a1'"):
        printing.poster_pdf(catalog, size="a4")


def test_the_svg_poster_is_the_paper_size_with_text_as_outlines(catalog):
    svg = printing.poster_svg(catalog)
    keep("poster-a2.svg", svg)
    root = ET.fromstring(svg.encode())
    assert root.tag == f"{SVG}svg"
    assert (root.get("width"), root.get("height")) == ("594mm", "420mm")
    assert root.get("viewBox")
    assert root.findall(f".//{SVG}text") == []  # outlines: no font needed to view it
    assert len(root.findall(f".//{SVG}path")) > 100
    assert "http://" not in svg.replace("http://www.w3.org", "").replace(
        "http://purl.org", ""
    ).replace("http://creativecommons.org", "").replace("http://matplotlib.org", "")
