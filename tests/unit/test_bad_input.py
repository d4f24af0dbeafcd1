"""Bad input: one clear CaseError naming the field and quoting the value."""

from __future__ import annotations

import json

import pytest

from hingecoach.core import (
    CaseError,
    block,
    case_from_json,
    default_catalog,
    parse_case,
    plan,
    recommend,
)
from unit.builders import case

CATALOG = default_catalog()


def error_of(data) -> str:
    with pytest.raises(CaseError) as error:
        parse_case(data, CATALOG)
    return str(error.value)


def test_an_unknown_mastered_exercise_is_named_with_its_position():
    assert (
        error_of(case(mastered=["kneeling-squat-dance"]))
        == "mastered[0]: unknown exercise 'kneeling-squat-dance'"
    )


def test_the_position_of_a_bad_mastered_exercise_is_its_index():
    assert (
        error_of(case(mastered=["good-morning", "zercher-twirl"]))
        == "mastered[1]: unknown exercise 'zercher-twirl'"
    )


def test_an_unknown_fault_in_a_test_is_named_with_its_path():
    data = case(tests=[{"date": "2026-11-01", "faults": ["wobbly-knees"]}])
    assert error_of(data) == "tests[0].faults[0]: unknown fault 'wobbly-knees'"


def test_an_unknown_red_flag_is_refused():
    assert (
        error_of(case(red_flags=["headache"]))
        == "athlete.red_flags[0]: unknown red flag 'headache'"
    )


def test_an_unknown_condition_is_refused():
    assert (
        error_of(case(conditions=["sore-knee"]))
        == "athlete.conditions[0]: unknown condition 'sore-knee'"
    )


def test_pain_above_ten_is_refused():
    assert (
        error_of(case(pain_nrs=11))
        == "athlete.pain_nrs: 11 is not allowed: input should be less than or equal to 10"
    )


def test_a_tsk11_total_below_eleven_is_refused():
    assert (
        error_of(case(tsk11=10))
        == "athlete.tsk11: 10 is not allowed: input should be greater than or equal to 11"
    )


def test_a_tsk11_total_above_forty_four_is_refused():
    message = error_of(case(tsk11=45))
    assert message.startswith("athlete.tsk11: 45 ")


def test_a_missing_age_is_refused():
    assert error_of({"athlete": {}}) == "athlete.age: is required"


def test_a_missing_athlete_is_refused():
    assert error_of({}) == "athlete: is required"


def test_an_age_given_as_a_string_is_refused():
    assert error_of(case(age="34")) == "athlete.age: input should be a valid integer (got '34')"


def test_a_fractional_age_is_refused():
    assert error_of(case(age=34.5)).startswith("athlete.age: ")


def test_an_unknown_goal_is_refused_naming_the_value():
    message = error_of(case(goal="speed"))
    assert message.startswith("goal: 'speed' is not allowed")


def test_an_unknown_top_level_key_is_refused():
    assert error_of({**case(), "colour": "red"}) == "colour: unknown field (value 'red')"


def test_an_unknown_athlete_key_is_refused():
    assert error_of(case(height_cm=180)).startswith("athlete.height_cm: unknown field")


def test_a_test_with_a_bad_date_is_refused():
    message = error_of(case(tests=[{"date": "yesterday", "faults": []}]))
    assert message.startswith("tests[0].date: ")
    assert "'yesterday'" in message


def test_invalid_json_is_refused_with_where_it_broke():
    with pytest.raises(CaseError) as error:
        case_from_json('{"athlete": {"age": 34}', CATALOG)
    assert str(error.value) == "CASE: invalid JSON at line 1 column 24: Expecting ',' delimiter"


def test_a_number_too_long_for_python_to_read_is_refused_as_invalid_json():
    with pytest.raises(CaseError) as error:
        case_from_json('{"athlete": {"age": ' + "9" * 5000 + "}}", CATALOG)
    assert str(error.value) == "CASE: invalid JSON: a number with more than 4300 digits"


def test_a_top_level_json_array_is_refused():
    with pytest.raises(CaseError) as error:
        case_from_json(json.dumps([case()]), CATALOG)
    assert str(error.value) == "CASE: expected a JSON object, got an array"


def test_an_unknown_key_in_json_is_refused():
    with pytest.raises(CaseError) as error:
        case_from_json(json.dumps({**case(), "x": 1}), CATALOG)
    assert str(error.value) == "x: unknown field (value 1)"


def test_valid_json_is_accepted():
    parsed = case_from_json(json.dumps(case(mastered=["good-morning"])), CATALOG)
    assert parsed.athlete.age == 34
    assert parsed.goal == "technique"


@pytest.mark.parametrize("entry", [recommend, plan])
def test_the_engine_and_planner_refuse_a_bad_case_too(entry):
    with pytest.raises(CaseError) as error:
        entry(case(mastered=["kneeling-squat-dance"]), CATALOG)
    assert str(error.value) == "mastered[0]: unknown exercise 'kneeling-squat-dance'"


def test_a_case_error_carries_the_field_apart_from_the_message():
    with pytest.raises(CaseError) as error:
        parse_case(case(pain_nrs=11), CATALOG)
    assert error.value.field == "athlete.pain_nrs"


def test_every_case_error_is_one_line():
    bad = [
        case(mastered=["x"]),
        case(pain_nrs=-1),
        {"athlete": {}},
        case(tsk11=99),
        {**case(), "tests": "none"},
    ]
    for data in bad:
        assert "\n" not in error_of(data)


@pytest.mark.parametrize(
    ("text", "kind"),
    [("null", "null"), ('"x"', "a string"), ("3", "a number"), ("true", "true or false")],
)
def test_a_json_value_that_is_not_an_object_is_named_in_json_terms(text, kind):
    with pytest.raises(CaseError) as error:
        case_from_json(text, CATALOG)
    assert str(error.value) == f"CASE: expected a JSON object, got {kind}"


def test_a_block_length_that_is_not_a_whole_number_is_refused():
    with pytest.raises(CaseError) as error:
        block(case(), True, CATALOG)
    assert str(error.value) == "weeks: true is not a whole number of weeks"


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ({"age": 30}, '{"age": 30}'),
        (True, "true"),
        (None, "null"),
        ([1, 2], "[1, 2]"),
        (2.5, "2.5"),
    ],
)
def test_a_value_that_is_not_text_is_quoted_as_json_writes_it(value, shown):
    assert error_of({**case(), "extra": value}) == f"extra: unknown field (value {shown})"


def test_an_empty_key_is_still_named():
    assert error_of({**case(), "": 1}) == '"": unknown field (value 1)'


@pytest.mark.parametrize(
    ("day", "message"),
    [
        ("2026-11-01T00:00:00Z", "'2026-11-01T00:00:00Z' is not a date written YYYY-MM-DD"),
        ("2026-11-01 00:00", "'2026-11-01 00:00' is not a date written YYYY-MM-DD"),
        ("20261101", "'20261101' is not a date written YYYY-MM-DD"),
        ("2026-W44-7", "'2026-W44-7' is not a date written YYYY-MM-DD"),
        ("2026-02-30", "'2026-02-30' is not a date: day is out of range for month"),
    ],
)
def test_a_date_is_the_day_written_yyyy_mm_dd_and_nothing_else(day, message):
    assert error_of(case(tests=[{"date": day, "faults": []}])) == f"tests[0].date: {message}"


def test_a_test_without_faults_in_a_case_is_still_read_as_a_pass():
    # DOMAIN.md section 4: everything but athlete.age is optional in a CASE
    parsed = case_from_json(json.dumps(case(tests=[{"date": "2026-11-01"}])), CATALOG)
    assert parsed.tests[0].passed


def test_an_empty_key_given_twice_is_named():
    with pytest.raises(CaseError) as error:
        case_from_json('{"athlete": {"age": 30}, "": 1, "": 2}', CATALOG)
    assert str(error.value) == '"": given twice'
