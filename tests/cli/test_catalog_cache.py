"""The validated catalog kept on disk: keyed by the files' content, never a stale answer.

Each command runs in its own process (the real CLI), so only the on-disk cache carries
a catalog from one call to the next.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .runner import example, hingecoach


@pytest.fixture
def cache_env(tmp_path: Path) -> dict[str, str]:
    return {"HINGECOACH_CACHE": str(tmp_path / "cache")}


def kneeling_good_morning_load(result) -> tuple[float, float]:
    assert result.code == 0, result.err
    option = next(o for o in result.json()["options"] if o["exercise"] == "kneeling-good-morning")
    load = option["prescription"]["load_kg"]
    return load["min"], load["max"]


def sixteen_year_old(tmp_path: Path) -> str:
    path = tmp_path / "sixteen.json"
    path.write_text('{"athlete": {"age": 16}}', encoding="utf-8")
    return str(path)


def edit_keeping_size_and_mtime(path: Path, old: str, new: str) -> None:
    """Change the file's bytes but not its size or its modification time."""
    assert len(old) == len(new)
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    assert path.stat().st_mtime_ns == before.st_mtime_ns


def recommend(case: str, catalog: Path, env: dict[str, str]):
    return hingecoach("recommend", case, "--json", "--catalog", str(catalog), env=env)


def test_a_validated_catalog_is_stored_once_under_the_cache_folder(catalog_copy, cache_env):
    first = recommend(example("failed-test.json"), catalog_copy, cache_env)
    stored = list(Path(cache_env["HINGECOACH_CACHE"]).glob("catalog-*.pickle"))
    second = recommend(example("failed-test.json"), catalog_copy, cache_env)
    assert first.code == second.code == 0
    assert len(stored) == 1
    assert list(Path(cache_env["HINGECOACH_CACHE"]).glob("catalog-*.pickle")) == stored
    assert first.out == second.out


def test_an_edited_catalog_answers_differently_at_once_even_with_its_mtime_kept(
    tmp_path, catalog_copy, cache_env
):
    case = sixteen_year_old(tmp_path)
    assert kneeling_good_morning_load(recommend(case, catalog_copy, cache_env)) == (7.5, 7.5)
    edit_keeping_size_and_mtime(
        catalog_copy / "thresholds.yaml", "adult_from: 18", "adult_from: 16"
    )
    assert kneeling_good_morning_load(recommend(case, catalog_copy, cache_env)) == (10, 10)


def test_a_corrupt_cache_file_is_ignored_and_written_again(catalog_copy, cache_env):
    expected = recommend(example("failed-test.json"), catalog_copy, cache_env)
    [stored] = Path(cache_env["HINGECOACH_CACHE"]).glob("catalog-*.pickle")
    good = stored.read_bytes()
    for garbage in (b"", b"not a pickle", good[: len(good) // 2]):
        stored.write_bytes(garbage)
        again = recommend(example("failed-test.json"), catalog_copy, cache_env)
        assert (again.code, again.out, again.err) == (0, expected.out, "")
        rewritten = stored.read_bytes()  # a pickle again (sets may pickle in another order)
        assert rewritten != garbage and rewritten[:2] == good[:2]
        assert len(rewritten) == len(good)


def test_a_cache_file_holding_something_else_is_not_trusted(catalog_copy, cache_env, tmp_path):
    """A file renamed over another catalog's entry (or any other pickle) is refused: the
    key inside must match the name."""
    case = sixteen_year_old(tmp_path)
    recommend(case, catalog_copy, cache_env)
    [shipped_entry] = Path(cache_env["HINGECOACH_CACHE"]).glob("catalog-*.pickle")
    edit_keeping_size_and_mtime(
        catalog_copy / "thresholds.yaml", "adult_from: 18", "adult_from: 16"
    )
    recommend(case, catalog_copy, cache_env)
    [edited_entry] = [
        p
        for p in Path(cache_env["HINGECOACH_CACHE"]).glob("catalog-*.pickle")
        if p != shipped_entry
    ]
    edited_entry.write_bytes(shipped_entry.read_bytes())
    assert kneeling_good_morning_load(recommend(case, catalog_copy, cache_env)) == (10, 10)


def test_a_broken_catalog_is_refused_the_same_way_every_time(catalog_copy, cache_env):
    level = catalog_copy / "exercises" / "good-morning.yaml"
    level.write_text(
        level.read_text(encoding="utf-8").replace("level: 3", "level: 11", 1), encoding="utf-8"
    )
    first = recommend(example("failed-test.json"), catalog_copy, cache_env)
    second = recommend(example("failed-test.json"), catalog_copy, cache_env)
    assert first.code == second.code == 2
    assert first.err == second.err
    assert first.err.startswith("exercises/good-morning.yaml: level: 11")
    assert len(first.err_lines) == 1
    assert not list(Path(cache_env["HINGECOACH_CACHE"]).glob("catalog-*.pickle"))


def test_a_cache_folder_that_cannot_be_written_costs_only_speed(catalog_copy, tmp_path):
    blocked = tmp_path / "a-file-not-a-folder"
    blocked.write_text("", encoding="utf-8")
    result = recommend(
        example("failed-test.json"), catalog_copy, {"HINGECOACH_CACHE": str(blocked / "cache")}
    )
    assert result.code == 0 and result.err == ""
