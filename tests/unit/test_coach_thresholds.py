"""A coach's catalog copy from an earlier release: its thresholds.yaml states what the coach
changed, every key it leaves out comes from the shipped file, and the cache follows both."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hingecoach.core import CatalogError, default_catalog, load_catalog
from hingecoach.core.catalog import loader

SHIPPED = default_catalog()


def rewrite(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def older(catalog: Path) -> Path:
    """The copy's thresholds as a release without the older-adult age and the tolerance
    wrote them."""
    path = catalog / "thresholds.yaml"
    rewrite(path, "  tolerance: 0.03\n", "")
    rewrite(path, "  older_adult_from: 65\n", "")
    return path


@pytest.fixture(autouse=True)
def _own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("HINGECOACH_CACHE", str(tmp_path / "cache"))


def test_keys_the_coachs_thresholds_leave_out_take_the_shipped_values(catalog_copy):
    older(catalog_copy)
    catalog = load_catalog(catalog_copy)
    assert catalog.thresholds == SHIPPED.thresholds
    assert catalog.shipped_notes() == [
        f"{catalog_copy}/thresholds.yaml does not set loads.tolerance, "
        "loads.older_adult_from: using the shipped values"
    ]
    assert SHIPPED.shipped_notes() == []


def test_a_whole_section_left_out_comes_from_the_shipped_file(catalog_copy):
    path = catalog_copy / "thresholds.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("tsk11:")], encoding="utf-8")
    catalog = load_catalog(catalog_copy)
    assert catalog.thresholds.tsk11 == SHIPPED.thresholds.tsk11
    assert catalog.from_shipped[0].keys == ("tsk11", "loads")


def test_a_list_or_an_implement_the_coach_sets_replaces_the_shipped_one_whole(catalog_copy):
    path = catalog_copy / "thresholds.yaml"
    rewrite(path, "kg: {sizes: [4, 8, 12, 16, 20, 24, 28, 32, 36, 40, 44, 48]}", "kg: {step: 4}")
    rewrite(path, "      same_bells: true\n", "")
    rewrite(path, "pain_aware_bands: [high]", "pain_aware_bands: [moderate, high]")
    rewrite(path, "caution_bands: [moderate]", "caution_bands: [low]")
    catalog = load_catalog(catalog_copy)
    kettlebell = catalog.thresholds.loads.implements["kettlebell"]
    assert kettlebell.kg.step == 4 and kettlebell.kg.sizes is None
    assert kettlebell.same_bells is False  # the coach's implement, not the shipped one's
    assert catalog.thresholds.tsk11.pain_aware_bands == ["moderate", "high"]
    assert catalog.from_shipped == ()


def test_a_value_the_coach_sets_is_checked_as_before(catalog_copy):
    older(catalog_copy)
    rewrite(catalog_copy / "thresholds.yaml", "refer_at_or_above: 7", "refer_at_or_above: 70")
    with pytest.raises(CatalogError, match=r"^thresholds\.yaml: pain\.refer_at_or_above: 70 is"):
        load_catalog(catalog_copy)


def test_an_unknown_key_is_refused(catalog_copy):
    older(catalog_copy)
    rewrite(catalog_copy / "thresholds.yaml", "  safe_max: 2", "  safe_maximum: 2")
    with pytest.raises(
        CatalogError, match=r"^thresholds\.yaml: pain\.safe_maximum: unknown field \(value 2\)$"
    ):
        load_catalog(catalog_copy)


def test_an_edit_to_the_coachs_file_between_two_loads_is_used(catalog_copy):
    path = older(catalog_copy)
    assert load_catalog(catalog_copy).thresholds.pain.safe_max == 2
    rewrite(path, "safe_max: 2 ", "safe_max: 1 ")
    assert load_catalog(catalog_copy).thresholds.pain.safe_max == 1
    loader._loaded.clear()  # as a new process: from the on-disk cache
    assert load_catalog(catalog_copy).thresholds.pain.safe_max == 1


def test_an_edit_to_the_shipped_file_reaches_a_copy_that_leaves_the_key_out(
    catalog_copy, tmp_path, monkeypatch
):
    """The shipped folder stood in for by a copy of it, so the test can edit it."""
    shipped = tmp_path / "shipped"
    shutil.copytree(catalog_copy, shipped)
    monkeypatch.setattr(loader, "DEFAULT_DIR", shipped)
    older(catalog_copy)
    assert load_catalog(catalog_copy).thresholds.loads.older_adult_from == 65
    rewrite(shipped / "thresholds.yaml", "older_adult_from: 65", "older_adult_from: 70")
    assert load_catalog(catalog_copy).thresholds.loads.older_adult_from == 70
    loader._loaded.clear()
    assert load_catalog(catalog_copy).thresholds.loads.older_adult_from == 70
    cached = list((tmp_path / "cache").glob("catalog-*.pickle"))
    assert len(cached) == 2  # one entry per content of the two files together
