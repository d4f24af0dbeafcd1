"""The report follows DOMAIN.md section 5 and validates against its own JSON Schema."""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator

from hingecoach.core import default_catalog
from hingecoach.core.kinematics import AnalysisReport, analyze_track
from hingecoach.synthetic import ClipSpec, generate_clip
from kinematics.builders import track

CATALOG = default_catalog()

VALIDATOR = Draft202012Validator(AnalysisReport.model_json_schema(mode="serialization"))
CONTRACT_KEYS = {"clip", "assessable", "reason", "side", "series", "reps", "faults", "not_assessed"}


def as_json(report: AnalysisReport) -> dict:
    return json.loads(json.dumps(report.model_dump(mode="json"), allow_nan=False))


@pytest.fixture(scope="module")
def faulty() -> dict:
    spec = ClipSpec(faults=frozenset({"knee-dominant", "lumbar-flexion"}), seed=21)
    return as_json(analyze_track(generate_clip(spec)[0], catalog=CATALOG))


def test_the_schema_itself_is_valid():
    Draft202012Validator.check_schema(VALIDATOR.schema)


def test_a_report_with_reps_and_faults_validates(faulty):
    VALIDATOR.validate(faulty)
    assert faulty["faults"] == ["lumbar-flexion", "knee-dominant"]


def test_a_not_assessable_report_validates():
    report = as_json(analyze_track(track([None] * 40), catalog=CATALOG))
    VALIDATOR.validate(report)
    assert report["side"] is None and report["reps"] == [] and report["faults"] == []


def test_the_report_holds_every_key_of_the_contract(faulty):
    assert set(faulty) >= CONTRACT_KEYS
    assert set(faulty["clip"]) == {"fps", "frames", "duration_s", "width", "height"}
    assert {"t_s", "hip_deg", "knee_deg", "trunk_deg"} <= set(faulty["series"])
    rep = faulty["reps"][0]
    assert {"start_s", "bottom_s", "end_s", "hip_rom_deg", "faults"} <= set(rep)
    assert {"fault", "t_s", "value", "threshold", "confidence"} <= set(rep["faults"][0])


def test_every_series_has_one_entry_per_frame(faulty):
    frames = faulty["clip"]["frames"]
    assert all(len(values) == frames for values in faulty["series"].values())
    assert faulty["clip"]["duration_s"] == pytest.approx(frames / faulty["clip"]["fps"], abs=1e-3)


def test_angles_read_as_the_contract_says(faulty):
    standing = faulty["series"]["hip_deg"][0]
    assert standing > 160 and faulty["series"]["trunk_deg"][0] < 10
    bottom = faulty["series"]["t_s"].index(faulty["reps"][0]["bottom_s"])
    assert faulty["series"]["hip_deg"][bottom] < 130 and faulty["series"]["trunk_deg"][bottom] > 30


def test_an_unknown_key_in_a_report_is_refused_by_its_schema(faulty):
    broken = dict(faulty, verdict="pass")
    assert list(VALIDATOR.iter_errors(broken))
