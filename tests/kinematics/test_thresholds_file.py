"""video-thresholds.yaml: every number has a default, a source and a strict schema."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hingecoach.core import default_catalog
from hingecoach.core.errors import CatalogError
from hingecoach.core.kinematics import FAULT_IDS, default_video_thresholds, load_video_thresholds
from hingecoach.core.kinematics.thresholds_file import DEFAULT_PATH

CATALOG = default_catalog()


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "video-thresholds.yaml"
    shutil.copy(DEFAULT_PATH, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_shipped_file_has_a_rule_and_a_source_for_every_fault():
    th = default_video_thresholds()
    assert set(th.faults) == set(FAULT_IDS)
    assert all(len(rule.source) > 20 for rule in th.faults.values())
    assert th.reps.min_trunk_lean_deg == 30 and th.reps.max_ankle_travel_leg == 0.1


def test_a_folder_holding_the_file_loads_too(copy):
    assert load_video_thresholds(copy.parent) == load_video_thresholds(copy)


def test_an_unknown_key_is_refused_naming_it(copy):
    edit(copy, "  max_gap_s: 0.25", "  max_gap_s: 0.25\n  max_gap_frames: 8")
    with pytest.raises(
        CatalogError,
        match=r"^video-thresholds\.yaml: tracking\.max_gap_frames: "
        r"unknown field \(value 8\)$",
    ):
        load_video_thresholds(copy)


def test_a_value_out_of_range_is_refused_naming_field_and_value(copy):
    edit(copy, "min_visibility: 0.5", "min_visibility: 1.5")
    with pytest.raises(CatalogError, match=r"tracking\.min_visibility: 1\.5 is not allowed"):
        load_video_thresholds(copy)


def test_a_missing_fault_is_refused(copy):
    text = copy.read_text(encoding="utf-8")
    copy.write_text(text[: text.index("  lumbar-extension:")], encoding="utf-8")
    with pytest.raises(CatalogError, match="'lumbar-extension' has no rule"):
        load_video_thresholds(copy)


def test_an_unknown_fault_id_is_refused(copy):
    edit(copy, "  toes-lift:", "  toes-lifts:")
    with pytest.raises(CatalogError, match=r"faults\.toes-lifts"):
        load_video_thresholds(copy)


def test_a_missing_file_and_broken_yaml_are_named(tmp_path, copy):
    with pytest.raises(CatalogError, match=r"video-thresholds\.yaml: file is missing"):
        load_video_thresholds(tmp_path / "nowhere" / "video-thresholds.yaml")
    edit(copy, "min_fps: 10", "min_fps: [10")
    with pytest.raises(CatalogError, match=r"video-thresholds\.yaml: invalid YAML at line \d+"):
        load_video_thresholds(copy)


def test_thresholds_passed_in_are_used_instead_of_the_shipped_ones():
    from hingecoach.core.kinematics import analyze_track
    from hingecoach.synthetic import ClipSpec, generate_clip

    th = default_video_thresholds()
    strict = th.model_copy(
        update={
            "faults": {
                **th.faults,
                "knee-dominant": th.faults["knee-dominant"].model_copy(update={"threshold": 1.0}),
            }
        }
    )
    clip, _ = generate_clip(ClipSpec(seed=31))
    assert "knee-dominant" not in analyze_track(clip, catalog=CATALOG).faults
    assert "knee-dominant" in analyze_track(clip, thresholds=strict, catalog=CATALOG).faults
