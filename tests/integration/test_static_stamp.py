"""Static files are collected again only when a source file changed."""

from __future__ import annotations

import os

from hingecoach.web.setup import static_sources_stamp


def test_the_stamp_is_stable_and_follows_a_changed_file(settings, tmp_path):
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "note.css").write_text("a {}")
    settings.STATICFILES_DIRS = [*settings.STATICFILES_DIRS, str(extra)]
    first = static_sources_stamp()
    assert static_sources_stamp() == first
    (extra / "note.css").write_text("a { color: red }")
    os.utime(extra / "note.css", ns=(1, 1))
    assert static_sources_stamp() != first
