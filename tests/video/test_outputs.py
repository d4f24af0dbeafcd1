"""No half-written result: outputs appear only when everything succeeded."""

from __future__ import annotations

import os

import pytest

from hingecoach.video.outputs import staged


def test_outputs_are_renamed_into_place_only_after_the_block(tmp_path):
    targets = [tmp_path / "a.mp4", tmp_path / "b.png"]
    with staged(targets) as temps:
        for temp in temps:
            temp.write_bytes(b"done")
        assert not any(target.exists() for target in targets)
    assert [t.read_bytes() for t in targets] == [b"done", b"done"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.mp4", "b.png"]
    umask = os.umask(0)
    os.umask(umask)
    assert all(t.stat().st_mode & 0o777 == 0o666 & ~umask for t in targets)


def test_a_failure_leaves_no_file_and_keeps_an_older_result(tmp_path):
    old = tmp_path / "b.png"
    old.write_bytes(b"yesterday")
    with pytest.raises(RuntimeError), staged([tmp_path / "a.mp4", old]) as temps:
        temps[0].write_bytes(b"half")
        raise RuntimeError("the encoder failed")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.png"]
    assert old.read_bytes() == b"yesterday"
