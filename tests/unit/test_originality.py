"""The project's texts are its own words: no 8-word run from the source articles."""

from __future__ import annotations

from pathlib import Path

from unit.originality import REPO, article_runs, runs, words


def shipped_texts() -> list[Path]:
    files = sorted((REPO / "src" / "hingecoach" / "data").rglob("*.yaml"))
    if (REPO / "README.md").exists():
        files.append(REPO / "README.md")
    files += sorted((REPO / "docs").rglob("*.md")) if (REPO / "docs").is_dir() else []
    return files


def test_the_word_runs_are_found_after_lowercasing_and_across_punctuation():
    assert runs("One two, THREE four five six seven eight!") == {
        ("one", "two", "three", "four", "five", "six", "seven", "eight")
    }
    assert words("Don\u2019t dwell") == ["don't", "dwell"]


def test_no_shipped_text_repeats_eight_words_in_a_row_from_the_articles():
    borrowed = article_runs()
    texts = shipped_texts()
    assert texts, "no shipped text found to check"
    copied = {
        path.relative_to(REPO).as_posix(): sorted(
            " ".join(r) for r in runs(path.read_text(encoding="utf-8")) & borrowed
        )
        for path in texts
    }
    assert {path: found for path, found in copied.items() if found} == {}
