"""Each catalog words its own reasons: the engine keeps worded reasons per catalog, so a
coach's edited rule text shows at once, beside the shipped catalog's unchanged words."""

from __future__ import annotations

import json
from pathlib import Path

from hingecoach.core import default_catalog, load_catalog, plan, recommend

CASE = json.loads((Path(__file__).parents[2] / "examples" / "red-flag.json").read_text())
SHIPPED = "Red flag, Constant night pain"


def edit_rule_text(folder: Path, old: str, new: str) -> None:
    rules = folder / "rules.yaml"
    text = rules.read_text()
    assert old in text
    rules.write_text(text.replace(old, new))


def test_an_edited_rule_reads_anew_while_the_shipped_catalog_keeps_its_words(catalog_copy):
    shipped = default_catalog()
    before = recommend(CASE, shipped).warnings_why[0].text
    assert before.startswith(SHIPPED)

    edit_rule_text(
        catalog_copy,
        'text: "red flag, {flag} ({why}): load nothing',
        'text: "stop here, {flag} ({why}): load nothing',
    )
    edited = load_catalog(catalog_copy)
    rec, today = recommend(CASE, edited), plan(CASE, edited)

    assert rec.warnings_why[0].text.startswith("Stop here, Constant night pain")
    assert today.warnings_why[0].text == rec.warnings_why[0].text
    assert rec.warnings == recommend(CASE, shipped).warnings  # the log voice is unchanged
    assert recommend(CASE, shipped).warnings_why[0].text == before
