"""``hingecoach import`` refuses a bad file the way every command refuses bad input: one
line naming the file and the part of it, exit status 2, no traceback."""

from __future__ import annotations

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
    ],
)
def test_a_bad_export_file_is_one_line_and_exit_status_two(tmp_path, content, line):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    result = hingecoach("import", str(path), env=_env(tmp_path))
    assert (result.code, result.err_lines) == (2, [line])
    assert "Traceback" not in result.err
