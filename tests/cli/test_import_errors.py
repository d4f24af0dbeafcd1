"""``hingecoach import`` refuses a bad file the way every command refuses bad input: one
line naming the file and the part of it, exit status 2, no traceback."""

from __future__ import annotations

import json

import pytest

from .runner import hingecoach

pytestmark = pytest.mark.cli


def _env(home) -> dict[str, str]:
    return {"HINGECOACH_HOME": str(home), "DATABASE_URL": ""}


@pytest.mark.parametrize(
    ("content", "line"),
    [
        ('{"format": "other"}', "bad.json: format: expected 'hingecoach-export'"),
        (
            '{"format": "hingecoach-export", "version": 9, "records": []}',
            "bad.json: version: 9 is not supported",
        ),
        (
            '{"format": "hingecoach-export", "version": null, "records": []}',
            "bad.json: version: null is not supported",
        ),
    ],
)
def test_a_bad_export_file_is_one_line_and_exit_status_two(tmp_path, content, line):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    result = hingecoach("import", str(path), env=_env(tmp_path))
    assert (result.code, result.err_lines) == (2, [line])
    assert "Traceback" not in result.err


def test_export_says_what_the_file_leaves_out_and_why(tmp_path):
    home = tmp_path / "home"
    assert hingecoach("demo", env=_env(home)).code == 0
    result = hingecoach("export", str(tmp_path / "all.json"), env=_env(home))
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].startswith("exported ") and lines[1] == "not in the file:"
    assert "  - live sessions, live pictures: a live session's landmarks are kept" in result.out


def test_export_of_one_team_is_its_file_and_names_what_it_leaves_out(tmp_path):
    home = tmp_path / "home"
    assert hingecoach("demo", env=_env(home)).code == 0
    path = tmp_path / "team.json"
    result = hingecoach("export", str(path), "--team", "demo strength club", env=_env(home))
    assert result.code == 0, result.err
    assert result.out.splitlines()[0].startswith("exported ")
    assert "  - api tokens: an API token is its coach's own credential" in result.out
    assert "  - the coaches' passwords: after an import, each coach sets one with" in result.out
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["team"]["name"] == "Demo Strength Club"
    assert all(r["fields"]["password"] == "!" for r in data["records"] if r["model"] == "auth.user")
    assert hingecoach("import", str(path), env=_env(tmp_path / "new")).code == 0


def test_export_of_a_team_that_does_not_exist_is_one_line_naming_the_teams(tmp_path):
    home = tmp_path / "home"
    assert hingecoach("demo", env=_env(home)).code == 0
    result = hingecoach("export", str(tmp_path / "t.json"), "--team", "Nobody", env=_env(home))
    assert (result.code, result.err_lines) == (
        2,
        ["team: no team is named 'Nobody' (teams: 'Demo Strength Club')"],
    )
    assert not (tmp_path / "t.json").exists()
