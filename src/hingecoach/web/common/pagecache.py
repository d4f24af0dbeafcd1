"""What a page works out from an athlete's records, kept until those records change.

One slot per athlete and kind (``athlete:12:advice``) in the ``pages`` cache (a file cache
in the data folder, shared by every gunicorn worker). A slot holds its value with a
*stamp*: a digest of everything the value was worked out from that is not in the slot's
name: the athlete's data version (a random token every write to their records replaces,
``athletes.services``), the catalog's content key, the team's unit, today's date, and
this code (``code_key``). A read whose stamp differs is a miss: the value is worked out
again and replaces the slot. So a write shows on the next page view in every worker,
with nothing to delete; erasing an athlete deletes their slots (``forget``).

A slot that cannot be read (a corrupt file, a class renamed by an upgrade) is a miss too.

A *shelf* is a slot holding a few values, each under its own key and stamp (a team's
athlete list, one value per filter and page shown lately): one name to forget.
"""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import django
from django.core.cache import caches

import hingecoach

T = TypeVar("T")

ALIAS = "pages"  # settings.CACHES
TTL_S = 30 * 24 * 3600  # a slot not read for a month goes; a stale stamp never counts


@functools.cache
def code_key() -> str:
    """A digest of the installed code that words and renders pages: every Python file,
    template and data file of the package (path, size, modification time) and Django's
    version. An upgrade or an edit (the server restarts to load it) gives another key."""
    root = Path(hingecoach.__file__).parent
    digest = hashlib.sha256(django.get_version().encode())
    for folder, dirs, files in sorted(os.walk(root)):
        dirs.sort()
        for name in sorted(files):
            if name.endswith((".py", ".html", ".yaml")):
                info = os.stat(os.path.join(folder, name))
                digest.update(f"{folder}/{name}:{info.st_size}:{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def stamp(*parts: object) -> str:
    """The stamp of a value worked out from ``parts`` (by this code)."""
    return hashlib.sha256(repr((code_key(), parts)).encode()).hexdigest()


def slot(name: str, stamp: str, work_out: Callable[[], T]) -> T:
    """The value in slot ``name`` if it carries ``stamp``, else ``work_out()``, stored."""
    cache = caches[ALIAS]
    try:
        held = cache.get(name)
    except Exception:  # unreadable: only a miss; the set below replaces it
        held = None
    if isinstance(held, tuple) and len(held) == 2 and held[0] == stamp:
        value: T = held[1]
        return value
    value = work_out()
    keep(name, stamp, value)
    return value


def shelf(name: str, key: str, stamp: str, work_out: Callable[[], T], size: int) -> T:
    """The value under ``key`` in shelf ``name`` if it carries ``stamp``, else
    ``work_out()``, stored; the shelf keeps the ``size`` values stored last."""
    cache = caches[ALIAS]
    try:
        held = cache.get(name)
    except Exception:  # unreadable: only a miss; the set below replaces it
        held = None
    values = held if isinstance(held, dict) else {}
    entry = values.pop(key, None)
    if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == stamp:
        found: T = entry[1]
        return found
    value = work_out()
    values[key] = (stamp, value)
    for old in list(values)[: max(0, len(values) - size)]:
        del values[old]
    cache.set(name, values, TTL_S)
    return value


def keep(name: str, stamp: str, value: object) -> None:
    """Store ``value`` in slot ``name`` under ``stamp`` (worked out where it was cheap to)."""
    caches[ALIAS].set(name, (stamp, value), TTL_S)


def forget(*names: str) -> None:
    """Delete slots (an erased athlete's, say), whatever their stamp."""
    caches[ALIAS].delete_many(list(names))


def held(name: str) -> Any:
    """The raw content of a slot, ``(stamp, value)`` or None (for tests and benchmarks)."""
    return caches[ALIAS].get(name)
