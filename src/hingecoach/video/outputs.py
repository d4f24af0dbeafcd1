"""No half-written result: every output goes to a temporary file beside its target, and
all of them are renamed into place only once every one has been written.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path


@contextlib.contextmanager
def staged(targets: Sequence[Path]) -> Iterator[list[Path]]:
    """Temporary paths (same folder and suffix as each target, hidden names); on a clean
    exit each is renamed over its target (atomic on one file system); on an error every
    temporary file is removed and no target is touched."""
    temps: list[Path] = []
    try:
        for target in targets:
            handle, name = tempfile.mkstemp(
                prefix=f".{target.stem}.", suffix=target.suffix, dir=target.parent
            )
            os.close(handle)
            temps.append(Path(name))
        yield temps
    except BaseException:
        for temp in temps:
            temp.unlink(missing_ok=True)
        raise
    mode = _file_mode()
    for temp, target in zip(temps, targets, strict=True):
        os.chmod(temp, mode)
        os.replace(temp, target)


def _file_mode() -> int:
    """What ``open()`` would have given a new file (mkstemp makes it private)."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask
