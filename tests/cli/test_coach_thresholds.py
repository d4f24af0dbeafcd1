"""``--catalog`` with a coach's copy made before a release added thresholds: it loads,
the keys it leaves out come from the shipped file (said in one line on standard error),
and a value it does set is checked as before (the real CLI)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from .runner import Call, example, run_many

NOTE = (
    "{folder}/thresholds.yaml does not set loads.tolerance, loads.older_adult_from: "
    "using the shipped values"
)


def rewrite(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def older_copy(catalog: Path, folder: Path) -> Path:
    """The catalog as a release without the older-adult age and the tolerance wrote it."""
    shutil.copytree(catalog, folder)
    rewrite(folder / "thresholds.yaml", "  tolerance: 0.03\n", "")
    rewrite(folder / "thresholds.yaml", "  older_adult_from: 65\n", "")
    return folder


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> tuple[Path, dict[str, object]]:
    from importlib import resources

    shipped = Path(str(resources.files("hingecoach") / "data" / "catalog"))
    root = tmp_path_factory.mktemp("coach")
    older = older_copy(shipped, root / "older")
    wrong = older_copy(shipped, root / "wrong")
    rewrite(wrong / "thresholds.yaml", "refer_at_or_above: 7", "refer_at_or_above: 70")
    typo = older_copy(shipped, root / "typo")
    rewrite(typo / "thresholds.yaml", "  safe_max: 2", "  safe_maximum: 2")
    seventy = root / "seventy.json"
    case = json.loads(Path(example("passed-hamstring-load.json")).read_text(encoding="utf-8"))
    seventy.write_text(json.dumps({**case, "athlete": {"age": 70}}), encoding="utf-8")
    env = {"HINGECOACH_CACHE": str(root / "cache")}
    calls = {
        (name, catalog): Call(("--catalog", str(folder), "recommend", case, "--json"), env=env)
        for name, case in (("seventy", str(seventy)), ("flare", example("pain-flare.json")))
        for catalog, folder in (("shipped", shipped), ("older", older))
    }
    calls["wrong"] = Call(("--catalog", str(wrong), "plan", str(seventy)), env=env)
    calls["typo"] = Call(("catalog", "validate", str(typo)), env=env)
    video = older_copy(shipped, root / "video")
    rewrite(video / "video-thresholds.yaml", "min_fps: 10", "min_fps: 0")
    calls["video"] = Call(("catalog", "validate", str(video)), env=env)
    return root, run_many(calls)


@pytest.mark.parametrize("case", ["seventy", "flare"])
def test_an_older_copy_gives_the_shipped_answer_and_says_which_keys_it_took(runs, case):
    root, results = runs
    shipped, older = results[(case, "shipped")], results[(case, "older")]
    assert shipped.code == older.code == 0, older.err
    assert older.json() == shipped.json()
    assert older.err_lines == [NOTE.format(folder=root / "older")]
    assert shipped.err == ""


def test_a_value_the_copy_sets_is_still_checked_naming_the_field(runs):
    result = runs[1]["wrong"]
    assert result.code == 2 and result.out == ""
    assert len(result.err_lines) == 1 and "Traceback" not in result.err
    assert result.err_lines[0].startswith("thresholds.yaml: pain.refer_at_or_above: 70 is not")


def test_an_unknown_key_in_the_copy_is_refused(runs):
    result = runs[1]["typo"]
    assert result.code == 2 and result.out == ""
    assert result.err_lines == ["thresholds.yaml: pain.safe_maximum: unknown field (value 2)"]


def test_validate_checks_the_copys_video_thresholds_too(runs):
    result = runs[1]["video"]
    assert result.code == 2 and result.out == ""
    assert result.err_lines[-1].startswith("video-thresholds.yaml: clip.min_fps: 0 is not allowed")
