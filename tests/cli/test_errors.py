"""Only the project's errors (and OSError) become one line and exit status 2; a bug in
the code keeps its traceback, so it shows as a bug."""

from __future__ import annotations

import pytest

from hingecoach import core
from hingecoach.cli.app import run
from hingecoach.core import CaseError, HingecoachError
from hingecoach.video.errors import VideoError

from .runner import example, hingecoach


def test_a_project_error_is_one_line_and_exit_status_two(tmp_path):
    case = tmp_path / "case.json"
    case.write_text('{"athlete": {"age": 4}}', encoding="utf-8")
    result = hingecoach("recommend", str(case), "--json")
    assert result.code == 2
    assert result.err_lines == [
        "athlete.age: 4 is not allowed: input should be greater than or equal to 5"
    ]
    assert "Traceback" not in result.err


def test_every_project_error_carries_its_field_and_message():
    for error in (CaseError("athlete.age", "too young"), VideoError("CLIP", "is empty")):
        assert isinstance(error, HingecoachError)
        assert str(error) == f"{error.field}: {error.message}"


@pytest.mark.parametrize("bug", [ValueError("a bug"), KeyError("a bug"), TypeError("a bug")])
def test_a_bug_in_the_code_is_not_swallowed(monkeypatch, capsys, bug):
    def broken(*args, **kwargs):
        raise bug

    monkeypatch.setattr(core, "recommend", broken)
    with pytest.raises(type(bug)):
        run(["recommend", example("failed-test.json"), "--json"])
    assert capsys.readouterr().err == ""


def test_an_injected_project_error_is_still_shown_as_one_line(monkeypatch, capsys):
    def refuses(*args, **kwargs):
        raise CaseError("athlete", "refused for this test")

    monkeypatch.setattr(core, "recommend", refuses)
    assert run(["recommend", example("failed-test.json"), "--json"]) == 2
    assert capsys.readouterr().err == "athlete: refused for this test\n"


def test_a_misspelt_command_is_named_with_a_suggestion_though_commands_load_lazily():
    result = hingecoach("recomend", example("failed-test.json"))
    assert result.code == 2
    assert result.err_lines == ["No such command 'recomend'. Did you mean 'recommend'?"]
