"""The shipped catalog, its public identifiers, its defaults and its validation."""

from __future__ import annotations

import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from hingecoach.core import CatalogError, default_catalog, load_catalog, recommend
from hingecoach.core.schemas import json_schema
from unit.builders import FAULTS, RED_FLAGS, case, option, options, passed

CATALOG = default_catalog()

# DOMAIN.md section 3: id -> (role, theme, level, hinge)
TABLE = {
    "kneeling-hip-hinge": ("drill", "corrective", 1, True),
    "kneeling-good-morning": ("drill", "corrective", 2, True),
    "good-morning": ("exercise", "corrective", 3, True),
    "bodyweight-hip-hinge": ("test", "corrective", 4, True),
    "elevated-deadlift": ("exercise", "corrective", 2, True),
    "romanian-deadlift": ("exercise", "fundamental", 5, True),
    "stiff-legged-deadlift": ("exercise", "fundamental", 5, True),
    "nordic-hip-hinge": ("exercise", "fundamental", 5, True),
    "glute-ham-raise": ("exercise", "fundamental", 6, True),
    "hex-bar-deadlift": ("exercise", "fundamental", 7, True),
    "sumo-deadlift": ("exercise", "fundamental", 8, True),
    "deadlift": ("exercise", "fundamental", 8, True),
    "single-leg-romanian-deadlift": ("exercise", "challenge", 8, True),
    "hip-bridge": ("exercise", "corrective", 1, False),
    "hip-thrust": ("exercise", "fundamental", 4, False),
    "step-up": ("exercise", "corrective", 1, False),
    "hamstring-curl": ("exercise", "fundamental", 3, False),
}


def break_file(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{name} no longer holds {old!r}: update this test"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def refused(folder: Path) -> str:
    with pytest.raises(CatalogError) as error:
        load_catalog(folder)
    return str(error.value)


def test_the_shipped_catalog_loads():
    catalog = load_catalog()
    assert set(TABLE) <= set(catalog.exercises)


def test_an_unchanged_copy_of_the_catalog_loads(catalog_copy):
    assert set(load_catalog(catalog_copy).exercises) == set(default_catalog().exercises)


@pytest.mark.parametrize("exercise", TABLE)
def test_each_public_exercise_sits_where_the_domain_table_puts_it(exercise):
    ex = default_catalog().exercises[exercise]
    assert (ex.role, ex.theme, ex.level, ex.hinge) == TABLE[exercise]


def test_the_elevated_deadlift_is_the_reduced_range_way_in():
    catalog = default_catalog()
    assert catalog.exercises["elevated-deadlift"].range == "reduced"
    assert [e.id for e in catalog.exercises.values() if e.range == "reduced"] == [
        "elevated-deadlift"
    ]


def test_the_test_is_never_loaded():
    loads = default_catalog().exercises["bodyweight-hip-hinge"].loads
    assert loads.youth is None and loads.adult is None


def test_the_catalog_holds_the_domains_fault_ids():
    assert set(default_catalog().faults) == set(FAULTS)


def test_the_catalog_holds_the_domains_red_flags():
    assert set(default_catalog().red_flags) == set(RED_FLAGS)


def test_the_catalog_holds_the_domains_conditions():
    assert set(default_catalog().conditions) == {"spinal-fusion", "low-back-pain", "cannot-kneel"}


def test_the_catalog_defaults_are_the_domains_numbers():
    t = default_catalog().thresholds
    assert t.age.adult_from == 18
    assert t.pain.refer_at_or_above == 7
    assert t.pain.pain_aware_at_or_above == 3
    assert t.pain.safe_max == 2
    assert t.pain.during_max == 5
    assert t.pain.next_morning_max == 2
    assert [(b.name, b.max) for b in t.tsk11.bands] == [
        ("minimal", 22),
        ("low", 28),
        ("moderate", 35),
        ("high", 44),
    ]
    assert t.tsk11.pain_aware_bands == ["high"]
    assert t.tsk11.caution_bands == ["moderate"]


def test_the_domains_load_guidance_is_in_the_catalog():
    ex = default_catalog().exercises
    kgm, gm = ex["kneeling-good-morning"].loads, ex["good-morning"].loads
    assert (kgm.youth.min, kgm.youth.max) == (6, 10)
    assert (kgm.adult.min, kgm.adult.max) == (10, 15)
    assert (gm.adult.min, gm.adult.max) == (20, 40)


# --- broken copies -----------------------------------------------------------------------


def test_a_level_of_eleven_is_refused_naming_file_field_and_value(catalog_copy):
    break_file(catalog_copy, "exercises/romanian-deadlift.yaml", "level: 5", "level: 11")
    message = refused(catalog_copy)
    assert message.startswith("exercises/romanian-deadlift.yaml: level: 11")


def test_an_unknown_step_up_is_refused_naming_file_field_and_id(catalog_copy):
    break_file(
        catalog_copy,
        "exercises/good-morning.yaml",
        "step_up: [romanian-deadlift",
        "step_up: [zercher-deadlift",
    )
    assert (
        refused(catalog_copy)
        == "exercises/good-morning.yaml: step_up: unknown exercise 'zercher-deadlift'"
    )


def test_a_missing_required_field_is_refused(catalog_copy):
    break_file(catalog_copy, "exercises/hip-bridge.yaml", "theme: corrective\n", "")
    assert refused(catalog_copy) == "exercises/hip-bridge.yaml: theme: is required"


def test_invalid_yaml_is_refused_naming_the_file_and_line(catalog_copy):
    break_file(catalog_copy, "exercises/step-up.yaml", "level: 1", "level: [1")
    message = refused(catalog_copy)
    assert message.startswith("exercises/step-up.yaml: invalid YAML at line ")


def test_a_duplicate_fault_id_is_refused_naming_the_entry(catalog_copy):
    break_file(catalog_copy, "faults.yaml", "id: lumbar-extension", "id: lumbar-flexion")
    message = refused(catalog_copy)
    assert message.startswith("faults.yaml: faults[1] (lumbar-flexion): id: ")
    assert "'lumbar-flexion'" in message


def test_a_file_whose_id_does_not_match_its_name_is_refused(catalog_copy):
    exercises = catalog_copy / "exercises"
    (exercises / "romanian-deadlift.yaml").rename(exercises / "rdl.yaml")
    message = refused(catalog_copy)
    assert message.startswith("exercises/rdl.yaml: id: 'romanian-deadlift'")
    assert "file name" in message


def test_an_unknown_key_in_an_exercise_is_refused(catalog_copy):
    break_file(catalog_copy, "exercises/deadlift.yaml", "level: 8", "level: 8\ncolour: red")
    assert refused(catalog_copy).startswith("exercises/deadlift.yaml: colour: unknown field")


def test_an_unknown_red_flag_field_is_refused_naming_the_entry(catalog_copy):
    break_file(
        catalog_copy,
        "red-flags.yaml",
        "name: Fever with back pain",
        "name: Fever with back pain\n    urgent: yes",
    )
    message = refused(catalog_copy)
    assert message.startswith("red-flags.yaml: red_flags[")
    assert "(fever)" in message and "urgent" in message


def test_a_fault_that_steps_back_to_an_unknown_exercise_is_refused(catalog_copy):
    break_file(
        catalog_copy, "faults.yaml", "regress_to: kneeling-hip-hinge", "regress_to: kneeling-squat"
    )
    message = refused(catalog_copy)
    assert message.startswith("faults.yaml: ")
    assert "regress_to" in message and "'kneeling-squat'" in message


def test_thresholds_out_of_order_are_refused(catalog_copy):
    break_file(catalog_copy, "thresholds.yaml", "refer_at_or_above: 7", "refer_at_or_above: 2")
    assert refused(catalog_copy).startswith("thresholds.yaml: pain: ")


def test_a_missing_catalog_folder_is_refused(tmp_path):
    assert "not a catalog folder" in refused(tmp_path / "nowhere")


def test_every_public_id_is_kebab_case():
    catalog = default_catalog()
    kebab = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
    for ids in (
        catalog.exercises,
        catalog.faults,
        catalog.red_flags,
        catalog.conditions,
        catalog.rules,
    ):
        assert [i for i in ids if not kebab.match(i)] == []


# --- defaults a coach can change ----------------------------------------------------------


def test_a_coach_who_moves_the_adult_age_to_sixteen_gets_adult_loads_at_sixteen(catalog_copy):
    break_file(catalog_copy, "thresholds.yaml", "adult_from: 18", "adult_from: 16")
    catalog = load_catalog(catalog_copy)
    load = option(recommend(case(16), catalog), "kneeling-good-morning").prescription.load_kg
    assert (load.min, load.max) == (10, 10)  # the adult start, not the youth 7.5 kg
    load = option(recommend(case(16), CATALOG), "kneeling-good-morning").prescription.load_kg
    assert (load.min, load.max) == (7.5, 7.5)  # the youth start: 6 kg made a bar load


def test_a_coach_who_allows_more_pain_during_sees_no_flare_at_six(catalog_copy):
    break_file(catalog_copy, "thresholds.yaml", "during_max: 5", "during_max: 6")
    catalog = load_catalog(catalog_copy)
    c = case(mastered=["good-morning"], tests=[passed()], last_session={"pain_during": 6})
    assert "romanian-deadlift" in options(recommend(c, catalog))
    assert "romanian-deadlift" not in options(recommend(c, CATALOG))


def test_a_coach_who_refers_from_pain_six_sees_pain_six_refer(catalog_copy):
    break_file(catalog_copy, "thresholds.yaml", "refer_at_or_above: 7", "refer_at_or_above: 6")
    assert recommend(case(pain_nrs=6), load_catalog(catalog_copy)).refer is True
    assert recommend(case(pain_nrs=6), CATALOG).refer is False


# --- the exported JSON Schema ------------------------------------------------------------


def _exercise_files() -> list[Path]:
    source = default_catalog().source
    assert source is not None
    return sorted(Path(source, "exercises").glob("*.yaml"))


def test_the_exercise_schema_validates_every_shipped_exercise_file():
    validator = jsonschema.Draft202012Validator(json_schema("exercise"))
    files = _exercise_files()
    assert len(files) >= len(TABLE)
    for path in files:
        errors = list(validator.iter_errors(yaml.safe_load(path.read_text(encoding="utf-8"))))
        assert errors == [], (path.name, [e.message for e in errors])


def test_the_exercise_schema_rejects_an_extra_key():
    validator = jsonschema.Draft202012Validator(json_schema("exercise"))
    data = yaml.safe_load(_exercise_files()[0].read_text(encoding="utf-8"))
    assert validator.is_valid(data)
    assert not validator.is_valid({**data, "colour": "red"})


def test_the_exercise_schema_rejects_a_level_of_eleven():
    validator = jsonschema.Draft202012Validator(json_schema("exercise"))
    data = yaml.safe_load(_exercise_files()[0].read_text(encoding="utf-8"))
    assert not validator.is_valid({**data, "level": 11})


@pytest.mark.parametrize("name", ["case", "recommendation", "plan", "block"])
def test_each_contract_schema_is_a_valid_json_schema(name):
    jsonschema.Draft202012Validator.check_schema(json_schema(name))


def test_a_catalog_missing_a_rule_the_engine_speaks_is_refused_at_load(catalog_copy):
    break_file(catalog_copy, "rules.yaml", "  red-flag:", "  red-flag-renamed:")
    assert refused(catalog_copy) == (
        "rules.yaml: rules: rule 'red-flag' is missing (the engine gives this reason: copy its "
        "entry from the shipped rules.yaml)"
    )


def test_every_rule_the_engine_speaks_is_listed_and_every_listed_rule_is_spoken():
    from hingecoach.core.catalog.model import ENGINE_RULES

    source = Path(__file__).resolve().parents[2] / "src" / "hingecoach" / "core"
    text = "\n".join(p.read_text() for p in source.rglob("*.py"))
    spoken = set(re.findall(r'say\([^,]+, "([a-z-]+)"', text))
    spoken |= {step.rule for step in default_catalog().programme.pain_aware_path}
    spoken |= set(re.findall(r'"([a-z]+(?:-[a-z]+)+)" if ', text))
    spoken |= set(re.findall(r' else "([a-z]+(?:-[a-z]+)+)"', text))
    assert spoken <= ENGINE_RULES
    assert spoken | set(default_catalog().rules) >= ENGINE_RULES
