"""Bad input anywhere: exit status 2, exactly one line on standard error, no traceback."""

from __future__ import annotations

import pytest

from .runner import Call, example, run_many

pytestmark = pytest.mark.cli

FAILED = example("failed-test.json")


def case(text: str) -> Call:
    return Call(("plan", "-"), stdin=text)


# (call, the exact line on standard error, or a tuple of fragments it must hold)
BAD_INPUTS: dict[str, tuple[Call, str | tuple[str, ...]]] = {
    "invalid-json": (
        case("{x"),
        "CASE: invalid JSON at line 1 column 2: Expecting property name enclosed in double quotes",
    ),
    "not-an-object": (case("[]"), "CASE: expected a JSON object, got an array"),
    "no-such-file": (Call(("plan", "x.json")), "CASE: no such file 'x.json'"),
    "case-is-a-folder": (Call(("recommend", "examples")), ("CASE:", "'examples'")),
    "unknown-exercise": (
        case('{"athlete": {"age": 30}, "mastered": ["kneeling-squat-dance"]}'),
        "mastered[0]: unknown exercise 'kneeling-squat-dance'",
    ),
    "missing-age": (case('{"athlete": {}}'), "athlete.age: is required"),
    "pain-out-of-range": (
        case('{"athlete": {"age": 30, "pain_nrs": 11}}'),
        ("athlete.pain_nrs:", "11"),
    ),
    "age-not-a-number": (case('{"athlete": {"age": "thirty"}}'), ("athlete.age:", "'thirty'")),
    "unknown-goal": (case('{"athlete": {"age": 30}, "goal": "fast"}'), ("goal:", "'fast'")),
    "unknown-fault": (
        case('{"athlete": {"age": 30}, "tests": [{"date": "2026-01-01", "faults": ["wobble"]}]}'),
        "tests[0].faults[0]: unknown fault 'wobble'",
    ),
    "misspelt-key": (case('{"athlte": {"age": 30}}'), 'athlte: unknown field (value {"age": 30})'),
    "age-true": (
        case('{"athlete": {"age": true}}'),
        "athlete.age: input should be a valid integer (got true)",
    ),
    "age-null": (
        case('{"athlete": {"age": null}}'),
        "athlete.age: input should be a valid integer (got null)",
    ),
    "age-a-list": (
        case('{"athlete": {"age": [1, 2]}}'),
        "athlete.age: input should be a valid integer (got [1, 2])",
    ),
    "goal-false": (case('{"athlete": {"age": 30}, "goal": false}'), ("goal: false is not",)),
    "unknown-key-long-list": (
        case('{"athlete": {"age": 30}, "notes": [' + ", ".join(["1"] * 40) + "]}"),
        "notes: unknown field (value [" + "1, " * 18 + "1,...)",  # cut to 60 characters
    ),
    "misspelt-nested-key": (
        case('{"athlete": {"age": 30, "pain": 3}}'),
        "athlete.pain: unknown field (value 3)",
    ),
    "nested-too-deep": (
        case("[" * 1000 + "]" * 1000),
        "CASE: JSON nested deeper than 8 levels at line 1, which no CASE needs",
    ),
    "nested-too-deep-in-a-field": (
        case('{"athlete": ' * 1000 + "1" + "}" * 1000),
        ("CASE:", "nested deeper than 8 levels"),
    ),
    "mastered-twice": (
        case(
            '{"athlete": {"age": 30}, "mastered": '
            '["kneeling-hip-hinge", "good-morning", "kneeling-hip-hinge"]}'
        ),
        "mastered[2]: 'kneeling-hip-hinge' is listed twice",
    ),
    "condition-twice": (
        case('{"athlete": {"age": 30, "conditions": ["cannot-kneel", "cannot-kneel"]}}'),
        "athlete.conditions[1]: 'cannot-kneel' is listed twice",
    ),
    "key-given-twice": (
        case('{"athlete": {"age": 30}, "athlete": {"age": 40}}'),
        "athlete: given twice",
    ),
    "nested-key-given-twice": (
        case('{"athlete": {"age": 30, "age": 40}}'),
        "athlete.age: given twice",
    ),
    "red-flag-twice": (
        case('{"athlete": {"age": 30, "red_flags": ["fever", "fever"]}}'),
        "athlete.red_flags[1]: 'fever' is listed twice",
    ),
    "fault-twice": (
        case(
            '{"athlete": {"age": 30}, "tests": '
            '[{"date": "2026-01-01", "faults": ["toes-lift", "toes-lift"]}]}'
        ),
        "tests[0].faults[1]: 'toes-lift' is listed twice",
    ),
    "test-in-the-future": (
        case('{"athlete": {"age": 30}, "tests": [{"date": "2099-01-01"}]}'),
        ("tests[0].date:", "'2099-01-01' is after today"),
    ),
    "session-in-the-future": (
        case('{"athlete": {"age": 30}, "last_session": {"date": "2099-01-01"}}'),
        ("last_session.date:", "'2099-01-01' is after today"),
    ),
    "weeks-zero": (
        Call(("block", FAILED, "--weeks", "0")),
        "Invalid value for '--weeks': 0 is not in the range 1<=x<=52.",
    ),
    "weeks-not-a-number": (Call(("block", FAILED, "--weeks", "many")), ("'--weeks'", "'many'")),
    "unknown-units": (
        Call(("plan", FAILED, "--units", "stone")),
        "Invalid value for '--units': 'stone' is not one of 'kg', 'lb'.",
    ),
    "catalog-not-a-folder": (
        Call(("plan", FAILED, "--catalog", "nowhere")),
        "nowhere: not a catalog folder",
    ),
    "unknown-catalog-id": (Call(("catalog", "show", "x")), "ID: unknown exercise 'x'"),
    "unknown-schema": (
        Call(("schema", "athlete")),
        ("NAME:", "'athlete'", "case", "recommendation", "block"),
    ),
    "ladder-format": (Call(("ladder", "--out", "chart.pdf")), ("--out:", "'.pdf'", ".svg", ".png")),
    "ladder-folder": (
        Call(("ladder", "--out", "no/such/folder/chart.svg")),
        ("--out:", "'no/such/folder'"),
    ),
}


@pytest.fixture(scope="module")
def outcomes():
    return run_many({name: call for name, (call, _) in BAD_INPUTS.items()})


@pytest.mark.parametrize("name", list(BAD_INPUTS))
def test_bad_input_exits_2_with_one_line_and_no_traceback(name, outcomes):
    result = outcomes[name]
    assert result.code == 2
    assert "Traceback" not in result.err
    assert len(result.err_lines) == 1, result.err
    assert result.out == ""
    expected = BAD_INPUTS[name][1]
    if isinstance(expected, str):
        assert result.err_lines[0] == expected
    else:
        assert all(part in result.err_lines[0] for part in expected), result.err


def test_a_case_that_starts_with_a_byte_order_mark_is_read_as_utf8(tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + b'{"athlete": {"age": 30}}')
    text = '\ufeff{"athlete": {"age": 30}}'
    results = run_many(
        {
            "file": Call(("plan", str(path), "--json")),
            "stdin": Call(("plan", "-", "--json"), stdin=text),
        }
    )
    for result in results.values():
        assert result.code == 0, result.err
        assert result.json()["stage"] == "corrective"
