"""``hingecoach --catalog DIR analyze``: the folder's video-thresholds.yaml is the one
used. A copy made before a release added keys loads, says in one line which keys came
from the shipped file and gives the shipped file's answer; a value it sets that is wrong,
or a key the schema does not know, is refused naming the field (the real CLI and the
real pose model, on a filmed mannequin)."""

from __future__ import annotations

import json
import shutil
from concurrent.futures import ThreadPoolExecutor
from importlib import resources
from pathlib import Path

import pytest

from .mannequin import film_two_hinges
from .support import run_cli

pytestmark = pytest.mark.video

SHIPPED = Path(str(resources.files("hingecoach") / "data" / "catalog"))
# Keys the last two releases added: what a coach's older copy does not have.
ADDED = ("min_flight_s", "min_standing_s", "max_trunk_change_standing", "facing_nose_trunk")
ADAPTER = "adapter:\n"


def older_copy(folder: Path) -> Path:
    """The shipped catalog with its video thresholds as an older release wrote them."""
    shutil.copytree(SHIPPED, folder)
    path = folder / "video-thresholds.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index(ADAPTER)
    text = text[:start] + text[text.index("faults:\n", start) :]
    lines = text.splitlines(keepends=True)
    kept = [line for line in lines if line.strip().split(":")[0] not in ADDED]
    assert len(kept) == len(lines) - len(ADDED)
    path.write_text("".join(kept), encoding="utf-8")
    return folder


def rewrite(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    root = tmp_path_factory.mktemp("coach-video")
    clip, _ = film_two_hinges(root / "squats.mp4", frozenset({"knee-dominant"}))
    older = older_copy(root / "older")
    wrong = older_copy(root / "wrong")
    rewrite(wrong / "video-thresholds.yaml", "min_visibility: 0.5", "min_visibility: 1.5")
    typo = older_copy(root / "typo")
    rewrite(typo / "video-thresholds.yaml", "  max_gap_s: 0.25", "  max_gap_frames: 4")
    lenient = older_copy(root / "lenient")
    rewrite(lenient / "video-thresholds.yaml", "threshold: 45\n", "threshold: 120\n")
    catalogs = {
        "shipped": SHIPPED,
        "older": older,
        "lenient": lenient,
        "wrong": wrong,
        "typo": typo,
    }
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {
            name: pool.submit(run_cli, "--catalog", str(folder), "analyze", str(clip), "--json")
            for name, folder in catalogs.items()
        }
        return root, {name: future.result() for name, future in futures.items()}


def test_an_older_copy_gives_the_shipped_answer_and_says_which_keys_it_took(runs):
    root, results = runs
    shipped, older = results["shipped"], results["older"]
    assert shipped.returncode == older.returncode == 0, older.stderr
    assert json.loads(shipped.stdout)["faults"] == ["knee-dominant"]
    assert json.loads(older.stdout) == json.loads(shipped.stdout)
    assert shipped.stderr == ""
    assert older.stderr.splitlines() == [
        f"{root / 'older' / 'video-thresholds.yaml'} does not set tracking.facing_nose_trunk, "
        "reps.min_flight_s, reps.min_standing_s, reps.max_trunk_change_standing, adapter: "
        "using the shipped values"
    ]


def test_a_value_the_older_copy_sets_is_the_one_analyze_uses(runs):
    result = runs[1]["lenient"]
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["faults"] == []


@pytest.mark.parametrize(
    ("copy", "line"),
    [
        ("wrong", "video-thresholds.yaml: tracking.min_visibility: 1.5 is not allowed"),
        ("typo", "video-thresholds.yaml: tracking.max_gap_frames: unknown field (value 4)"),
    ],
)
def test_a_wrong_value_or_an_unknown_key_in_the_copy_is_refused_naming_it(runs, copy, line):
    result = runs[1][copy]
    assert result.returncode == 2 and result.stdout == ""
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith(line)
