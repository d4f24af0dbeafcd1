"""The project's texts are its own words: no 8-word run from the source articles."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO.parent / "shared" / "seeds"
RUN = 8
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("\u2019", "'").replace("\u2018", "'"))


def runs(text: str) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i:i + RUN]) for i in range(len(w) - RUN + 1)}


def shipped_texts() -> list[Path]:
    files = sorted((REPO / "src" / "hingecoach" / "data").rglob("*.yaml"))
    if (REPO / "README.md").exists():
        files.append(REPO / "README.md")
    files += sorted((REPO / "docs").rglob("*.md")) if (REPO / "docs").is_dir() else []
    return files


def test_the_word_runs_are_found_after_lowercasing_and_across_punctuation():
    assert runs("One two, THREE four five six seven eight!") == \
        {("one", "two", "three", "four", "five", "six", "seven", "eight")}
    assert words("Don\u2019t dwell") == ["don't", "dwell"]


def test_no_shipped_text_repeats_eight_words_in_a_row_from_the_articles():
    articles = sorted(p for p in SEEDS.glob("*") if p.is_file()) if SEEDS.is_dir() else []
    if not articles:
        pytest.skip(f"the source articles are not at {SEEDS} (../shared/seeds from the repo)")
    borrowed: set[tuple[str, ...]] = set()
    for article in articles:
        borrowed |= runs(article.read_text(encoding="utf-8", errors="replace"))
    texts = shipped_texts()
    assert texts, "no shipped text found to check"
    copied = {
        path.relative_to(REPO).as_posix(): sorted(" ".join(r) for r in runs(
            path.read_text(encoding="utf-8")) & borrowed)
        for path in texts
    }
    assert {path: found for path, found in copied.items() if found} == {}
