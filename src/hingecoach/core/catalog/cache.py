"""A validated catalog kept on disk, keyed by the content of the files it was read from.

Validating the 24 data files costs far more than the rules that use them, and a command
line pays it on every call. A catalog that passed validation is pickled under the user's
cache folder, in a file named by a SHA-256 of every catalog file's name and bytes (for a
coach's copy, the shipped thresholds its own fill in from too) and of the code that
validates them. A changed byte gives another name, so the old entry is
never read again (mtimes are not trusted). Only catalogs that passed are stored: a broken
file is validated every time and refused with the same message. A cache file that cannot
be read or does not hold what its name says is ignored and written again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path

from hingecoach.core.catalog.model import Catalog

CACHE_ENV = "HINGECOACH_CACHE"
HOME_ENV = "HINGECOACH_HOME"
KEEP = 8  # cache files kept: a coach's copies plus the shipped catalog
_CODE = ("loader.py", "model.py", "schema.py", "cache.py", "../shipped.py")


def cache_dir() -> Path:
    """HINGECOACH_CACHE, else ``cache`` in HINGECOACH_HOME, else the user's cache dir."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    if os.environ.get(HOME_ENV):
        return Path(os.environ[HOME_ENV]) / "cache"
    import platformdirs  # only when no folder is named

    return Path(platformdirs.user_cache_dir("hingecoach"))


def content_key(root: Path, files: list[Path]) -> str | None:
    """The SHA-256 of the files' names and bytes and of the validating code; None if a
    file cannot be read (validation then names the problem)."""
    digest = hashlib.sha256(f"{sys.version_info[:2]}".encode())
    here = Path(__file__).parent
    try:
        for path in [*(here / name for name in _CODE), *files]:
            inside = path.is_relative_to(root)
            name = path.relative_to(root).as_posix() if inside else f"<outside>/{path.name}"
            data = path.read_bytes()
            digest.update(f"{name}\0{len(data)}\0".encode())
            digest.update(data)
    except OSError:
        return None
    return digest.hexdigest()


def read(key: str, folder: Path | None = None) -> Catalog | None:
    """The catalog stored under ``key``, or None if there is none or it is unusable."""
    path = (folder or cache_dir()) / f"catalog-{key}.pickle"
    try:
        with path.open("rb") as stream:
            stored_key, catalog = pickle.load(stream)
    except Exception:  # missing, corrupt or foreign: only a cache miss
        return None
    if stored_key != key or not isinstance(catalog, Catalog):
        return None
    return catalog


def write(key: str, catalog: Catalog, folder: Path | None = None) -> None:
    """Store ``catalog`` under ``key`` atomically (a whole file or none); a folder that
    cannot be written is no error: the next call validates again."""
    folder = folder or cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=folder, prefix=".catalog-", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as stream:
            pickle.dump((key, catalog), stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, folder / f"catalog-{key}.pickle")
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        return
    _prune(folder)


def _prune(folder: Path) -> None:
    """Keep the KEEP newest entries; another process may be pruning at the same time."""
    entries = sorted(folder.glob("catalog-*.pickle"), key=_mtime, reverse=True)
    for old in entries[KEEP:]:
        with contextlib.suppress(OSError):
            old.unlink()


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
