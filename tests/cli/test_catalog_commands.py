"""``catalog list``, ``catalog show`` and ``catalog validate``, with edited catalog copies."""

from __future__ import annotations

import jsonschema
import pytest

from .runner import Call, example, hingecoach, run_many

pytestmark = pytest.mark.cli

IDS = (
    "kneeling-hip-hinge",
    "kneeling-good-morning",
    "good-morning",
    "bodyweight-hip-hinge",
    "romanian-deadlift",
    "stiff-legged-deadlift",
    "nordic-hip-hinge",
    "glute-ham-raise",
    "hex-bar-deadlift",
    "sumo-deadlift",
    "deadlift",
    "single-leg-romanian-deadlift",
    "hip-bridge",
    "hip-thrust",
    "step-up",
    "hamstring-curl",
    "elevated-deadlift",
)


@pytest.fixture(scope="module")
def shipped():
    return run_many(
        {
            "list": Call(("catalog", "list")),
            "list-json": Call(("catalog", "list", "--json")),
            "show": Call(("catalog", "show", "good-morning")),
            "show-json": Call(("catalog", "show", "good-morning", "--json")),
            "validate": Call(("catalog", "validate")),
        }
    )


def test_list_shows_every_exercise_with_its_place(shipped):
    result = shipped["list"]
    assert result.code == 0, result.err
    for column in ("id", "name", "role", "theme", "level", "subcategory", "hinge", "range"):
        assert column in result.out
    for exercise_id in IDS:
        assert exercise_id in result.out


def test_list_json_holds_every_exercise_in_ladder_order(shipped):
    exercises = shipped["list-json"].json()
    assert {e["id"] for e in exercises} >= set(IDS)
    levels = [e["level"] for e in exercises]
    assert levels == sorted(levels)


def test_show_prints_every_field_with_setup_and_cues_as_lists(shipped):
    out = shipped["show"].out
    for label in ("setup", "cues", "faults to watch", "loads", "summary", "source"):
        assert label in out
    assert "• Keep the bar pinned" in out


def test_show_json_validates_against_the_exercise_schema(shipped, schemas):
    exercise = shipped["show-json"].json()
    jsonschema.validate(exercise, schemas["exercise"])
    assert exercise["id"] == "good-morning" and len(exercise["cues"]) >= 3


def test_validate_the_shipped_catalog(shipped):
    result = shipped["validate"]
    assert result.code == 0, result.err
    assert result.out.startswith("catalog OK: 17 exercises, 6 faults, 8 red flags, ")


def test_validate_a_broken_copy_names_the_file_and_the_field(catalog_copy):
    path = catalog_copy / "exercises" / "romanian-deadlift.yaml"
    path.write_text(path.read_text().replace("level: 5", "level: 11"))
    runs = run_many(
        {
            "validate": Call(("catalog", "validate", str(catalog_copy))),
            "plan": Call(("plan", example("failed-test.json"), "--catalog", str(catalog_copy))),
        }
    )
    for result in runs.values():
        assert result.code == 2
        assert len(result.err_lines) == 1 and "Traceback" not in result.err
        line = result.err_lines[0]
        assert line.startswith("exercises/romanian-deadlift.yaml: level: 11")


def test_an_edited_copy_is_used_by_option_and_by_environment(catalog_copy):
    path = catalog_copy / "exercises" / "good-morning.yaml"
    path.write_text(path.read_text().replace("name: Good Morning", "name: Barbell Good Morning"))
    runs = run_many(
        {
            "option": Call(
                ("catalog", "show", "good-morning", "--json", "--catalog", str(catalog_copy))
            ),
            "env": Call(
                ("catalog", "show", "good-morning", "--json"),
                env={"HINGECOACH_CATALOG": str(catalog_copy)},
            ),
            "global": Call(
                ("--catalog", str(catalog_copy), "plan", example("failed-test.json"), "--json")
            ),
        }
    )
    for name in ("option", "env"):
        assert runs[name].json()["name"] == "Barbell Good Morning", name
    names = [item["name"] for item in runs["global"].json()["session"]]
    assert "Barbell Good Morning" in names


def test_version():
    result = hingecoach("--version")
    assert (result.code, result.out.strip()) == (0, "hingecoach 0.1.0")
