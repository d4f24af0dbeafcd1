"""``ladder --out FILE``: an SVG or PNG chart of the ladder, with or without an athlete."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from .runner import Call, example, run_many

pytestmark = pytest.mark.cli

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
CASE = example("passed-technique.json")


@pytest.fixture(scope="module")
def charts(tmp_path_factory):
    folder = tmp_path_factory.mktemp("charts")
    outs = {
        name: folder / name for name in ("plain.svg", "athlete.svg", "plain.png", "athlete.PNG")
    }
    calls = {
        name: Call(
            (
                "ladder",
                "--out",
                str(path),
                *(("--case", CASE) if name.startswith("athlete") else ()),
            )
        )
        for name, path in outs.items()
    }
    results = run_many(calls)
    for name, result in results.items():
        assert result.code == 0, f"{name}: {result.err}"
        assert result.err == ""
    return outs


@pytest.mark.parametrize("name", ["plain.svg", "athlete.svg"])
def test_svg_is_well_formed(name, charts):
    root = ET.parse(charts[name]).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert len(list(root.iter())) > 100


@pytest.mark.parametrize("name", ["plain.png", "athlete.PNG"])
def test_png_is_a_real_image(name, charts):
    data = charts[name].read_bytes()
    assert data.startswith(PNG_MAGIC)
    assert len(data) > 10_000


def test_marking_an_athlete_changes_the_chart(charts):
    assert charts["plain.svg"].read_bytes() != charts["athlete.svg"].read_bytes()
