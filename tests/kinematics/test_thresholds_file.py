"""video-thresholds.yaml: every number has a default, a source and a strict schema."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hingecoach.core import default_catalog
from hingecoach.core.errors import CatalogError
from hingecoach.core.kinematics import (
    FAULT_IDS,
    default_video_thresholds,
    load_video_thresholds,
    read_video_thresholds,
    video_thresholds_in,
)
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


def test_a_fault_the_coachs_file_lacks_takes_the_shipped_rule(copy):
    text = copy.read_text(encoding="utf-8")
    copy.write_text(text[: text.index("  lumbar-extension:")], encoding="utf-8")
    thresholds, taken = read_video_thresholds(copy)
    assert thresholds.faults == default_video_thresholds().faults
    assert taken is not None and taken.keys == ("faults.lumbar-extension",)


def drop_lines(path: Path, *keys: str) -> None:
    """The file as a release before ``keys`` were added wrote it."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if line.strip().split(":")[0] not in keys]
    assert len(kept) == len(lines) - len(keys)
    path.write_text("".join(kept), encoding="utf-8")


NEW_KEYS = ("min_flight_s", "min_standing_s", "max_trunk_change_standing", "facing_nose_trunk")


def test_a_file_from_before_keys_were_added_loads_with_the_shipped_values(copy):
    drop_lines(copy, *NEW_KEYS)
    thresholds, taken = read_video_thresholds(copy)
    assert thresholds == default_video_thresholds()
    assert taken is not None
    assert taken.note() == (
        "video-thresholds.yaml does not set tracking.facing_nose_trunk, reps.min_flight_s, "
        "reps.min_standing_s, reps.max_trunk_change_standing: using the shipped values"
    )


def test_a_section_merges_key_by_key_and_keeps_the_coachs_values(tmp_path):
    own = tmp_path / "mine.yaml"
    own.write_text("reps:\n  min_trunk_lean_deg: 35\n", encoding="utf-8")
    thresholds, taken = read_video_thresholds(own)
    shipped = default_video_thresholds()
    assert thresholds.reps.min_trunk_lean_deg == 35
    assert thresholds.reps.max_ankle_travel_leg == shipped.reps.max_ankle_travel_leg
    assert thresholds.tracking == shipped.tracking
    assert taken is not None and "reps.min_trunk_lean_deg" not in taken.keys
    assert taken.keys[:2] == ("tracking", "clip")
    assert "reps.max_ankle_travel_leg" in taken.keys
    assert taken.note().startswith("mine.yaml does not set tracking, clip, back, ")
    assert taken.note().endswith(" more: using the shipped values")


def test_a_value_the_coachs_file_sets_is_checked_as_before(tmp_path):
    own = tmp_path / "mine.yaml"
    own.write_text("reps:\n  min_trunk_lean_deg: steep\n", encoding="utf-8")
    with pytest.raises(CatalogError, match=r"^mine\.yaml: reps\.min_trunk_lean_deg: .*'steep'"):
        load_video_thresholds(own)
    own.write_text("reps: 30\n", encoding="utf-8")
    with pytest.raises(CatalogError, match=r"^mine\.yaml: reps: .*30"):
        load_video_thresholds(own)


def test_a_misspelt_key_is_refused_though_the_right_one_comes_from_the_shipped_file(tmp_path):
    own = tmp_path / "mine.yaml"
    own.write_text("reps:\n  min_trunk_lean: 35\n", encoding="utf-8")
    with pytest.raises(CatalogError, match=r"reps\.min_trunk_lean: unknown field \(value 35\)"):
        load_video_thresholds(own)


def test_the_shipped_file_takes_nothing_from_itself():
    assert read_video_thresholds()[1] is None
    assert video_thresholds_in(DEFAULT_PATH.parent) == (default_video_thresholds(), None)


def test_a_catalog_folder_without_the_file_uses_the_shipped_one_and_says_so(tmp_path):
    thresholds, taken = video_thresholds_in(tmp_path)
    assert thresholds == default_video_thresholds()
    assert taken is not None
    assert (
        taken.note(tmp_path)
        == f"{tmp_path}/video-thresholds.yaml is missing: using the shipped file"
    )


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
