"""Every example CASE runs through the CLI and reaches the stage examples/README.md gives."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .runner import EXAMPLES, Call, run_many

pytestmark = pytest.mark.cli

ROW = re.compile(r"^\| \[`([\w-]+\.json)`\]\([^)]*\) \| .+ \| `([\w-]+)` \|$", re.MULTILINE)


def readme_stages() -> dict[str, str]:
    return dict(ROW.findall((EXAMPLES / "README.md").read_text(encoding="utf-8")))


def test_the_readme_lists_every_example_file():
    assert sorted(readme_stages()) == sorted(p.name for p in EXAMPLES.glob("*.json"))


@pytest.fixture(scope="module")
def answers():
    calls = {name: Call(("recommend", str(EXAMPLES / name), "--json")) for name in readme_stages()}
    return run_many(calls)


@pytest.mark.parametrize("name", sorted(p.name for p in Path(EXAMPLES).glob("*.json")))
def test_each_example_reaches_the_stage_the_readme_gives(name, answers):
    result = answers[name]
    assert result.code == 0, result.err
    assert result.json()["stage"] == readme_stages()[name]
