"""Eight-word runs: how the originality tests compare the project's texts with the two
source articles (kept outside the repository, in ../shared/seeds)."""

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
    return {tuple(w[i : i + RUN]) for i in range(len(w) - RUN + 1)}


def article_runs() -> set[tuple[str, ...]]:
    """Every eight-word run of the articles; skips the test when they are not there."""
    articles = sorted(p for p in SEEDS.glob("*") if p.is_file()) if SEEDS.is_dir() else []
    if not articles:
        pytest.skip(f"the source articles are not at {SEEDS} (../shared/seeds from the repo)")
    found: set[tuple[str, ...]] = set()
    for article in articles:
        found |= runs(article.read_text(encoding="utf-8", errors="replace"))
    return found
