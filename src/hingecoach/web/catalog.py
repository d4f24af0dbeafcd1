"""The catalog the web app coaches with: the folder in the ``HINGECOACH_CATALOG`` setting
(a coach's edited copy, from the environment variable of that name), else the shipped one.

Every view, form and selector asks here, never the core's default, so the web app and
``hingecoach --catalog`` answer from the same files. The core reuses the validated catalog
while its files are unchanged, which it checks with a stat of each file (about 25); a
page asks for names, cues and reasons some 40 times, so within one request the first
answer is kept and the files are looked at once. The next request looks again, so an
edited catalog shows on the next page.

``catalog_key`` names the catalog's content for caches shared between processes
(``hingecoach.web.common.pagecache``): equal keys, equal catalogs.

``web_video_thresholds`` gives the same folder's ``video-thresholds.yaml`` to clip
analysis and live mode. A coach's thresholds that leave keys out take the shipped values;
which keys is logged once per loaded file (the CLI says it on standard error).
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from asgiref.local import Local
from django.conf import settings
from django.core.signals import request_finished, request_started

from hingecoach.core import Catalog, default_catalog, load_catalog

if TYPE_CHECKING:
    from hingecoach.core.kinematics import VideoThresholds

log = logging.getLogger(__name__)

_request = Local()  # per thread (and per async task): this request's catalog
_keys: dict[int, tuple[Catalog, str]] = {}  # id -> (the catalog, kept alive; its key)
_keys_lock = threading.Lock()
_noted: set[str] = set()  # the lines on keys from the shipped file already logged
# The video thresholds by the content of the coach's file and the shipped one.
_video: dict[str, VideoThresholds] = {}


def web_catalog() -> Catalog:
    held = getattr(_request, "catalog", None)
    if held is not None:
        return held
    folder = getattr(settings, "HINGECOACH_CATALOG", None)
    catalog = load_catalog(folder) if folder else default_catalog()
    _note(catalog)
    if getattr(_request, "open", False):
        _request.catalog = catalog
    return catalog


def web_video_thresholds() -> VideoThresholds:
    """The video thresholds in the ``HINGECOACH_CATALOG`` folder (each key the coach's
    file leaves out from the shipped file), else the shipped ones. Read again only when
    either file's bytes change."""
    from hingecoach.core.kinematics import default_video_thresholds, video_thresholds_in
    from hingecoach.core.kinematics.thresholds_file import DEFAULT_PATH, FILE_NAME

    folder = getattr(settings, "HINGECOACH_CATALOG", None)
    if not folder:
        return default_video_thresholds()
    digest = hashlib.sha256()
    for path in (Path(folder) / FILE_NAME, DEFAULT_PATH):
        digest.update(path.read_bytes() if path.is_file() else b"\0missing")
    key = digest.hexdigest()
    known = _video.get(key)
    if known is None:
        known, taken = video_thresholds_in(folder)
        if taken is not None:
            log.warning("%s", taken.note(folder))
        with _keys_lock:
            if len(_video) > 8:
                _video.clear()
            _video[key] = known
    return known


def _note(catalog: Catalog) -> None:
    """Log the keys a coach's thresholds took from the shipped file, once per process
    for each different line (not on every request)."""
    for line in catalog.shipped_notes():
        if line in _noted:
            continue
        log.warning("%s", line)
        with _keys_lock:
            if len(_noted) > 8:
                _noted.clear()
            _noted.add(line)


def catalog_key(catalog: Catalog | None = None) -> str:
    """A digest of the catalog's validated content (every exercise, list, threshold and
    rule), worked out once per loaded catalog: an edit that changes anything the pages
    show gives another key, in every process."""
    catalog = catalog or web_catalog()
    known = _keys.get(id(catalog))
    if known is not None and known[0] is catalog:
        return known[1]
    key = _digest(catalog)
    with _keys_lock:
        if len(_keys) > 8:  # an edited catalog leaves its old object behind
            _keys.clear()
        _keys[id(catalog)] = (catalog, key)
    return key


def _digest(catalog: Catalog) -> str:
    parts = {
        "exercises": catalog.exercises,
        "faults": catalog.faults,
        "red_flags": catalog.red_flags,
        "conditions": catalog.conditions,
        "rules": catalog.rules,
        "thresholds": catalog.thresholds,
        "programme": catalog.programme,
    }
    text = json.dumps(_plain(parts), sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _plain(value: object) -> object:
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def _open(**_kwargs: object) -> None:
    _request.open, _request.catalog = True, None


def _close(**_kwargs: object) -> None:
    _request.open, _request.catalog = False, None


request_started.connect(_open, dispatch_uid="hingecoach.web.catalog.open")
request_finished.connect(_close, dispatch_uid="hingecoach.web.catalog.close")
