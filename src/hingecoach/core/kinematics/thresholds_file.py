"""Read and validate ``video-thresholds.yaml`` (the shipped one, or a coach's copy).

A coach's copy states what the coach changed: a key it leaves out takes the shipped
file's value (``hingecoach.core.shipped``), so a copy made before a release added keys
keeps loading, and the caller is told which keys were taken.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from hingecoach.core.errors import CatalogError
from hingecoach.core.kinematics.thresholds import VideoThresholds
from hingecoach.core.shipped import FromShipped, over_shipped
from hingecoach.core.validation import first_error

FILE_NAME = "video-thresholds.yaml"
DEFAULT_PATH = Path(__file__).resolve().parents[2] / "data" / "catalog" / FILE_NAME


def default_video_thresholds() -> VideoThresholds:
    """The shipped defaults (read once per process)."""
    return _cached(str(DEFAULT_PATH))


@lru_cache(maxsize=4)
def _cached(path: str) -> VideoThresholds:
    return load_video_thresholds(path)


def load_video_thresholds(path: Path | str | None = None) -> VideoThresholds:
    """Load ``path`` (a file, or a catalog folder holding one); CatalogError names the
    file, the field and the value on the first problem."""
    return read_video_thresholds(path)[0]


def read_video_thresholds(
    path: Path | str | None = None,
) -> tuple[VideoThresholds, FromShipped | None]:
    """``load_video_thresholds``, and the keys the file left to the shipped one (None
    when it set them all, or is the shipped file)."""
    target = _target(path)
    own = _read(target)
    if target.resolve() == DEFAULT_PATH:
        return _validated(own, target), None
    merged, taken = over_shipped(own, _read(DEFAULT_PATH), VideoThresholds)
    return _validated(merged, target), FromShipped(target.name, taken) if taken else None


def video_thresholds_in(folder: Path | str) -> tuple[VideoThresholds, FromShipped | None]:
    """The video thresholds of a catalog folder: its own file over the shipped one, or
    the shipped file whole when the folder holds none (said in the FromShipped)."""
    target = Path(folder) / FILE_NAME
    if not target.exists():
        return default_video_thresholds(), FromShipped(FILE_NAME)
    if target.resolve() == DEFAULT_PATH:
        return default_video_thresholds(), None
    return read_video_thresholds(target)


def _target(path: Path | str | None) -> Path:
    target = Path(path) if path is not None else DEFAULT_PATH
    return target / FILE_NAME if target.is_dir() else target


def _read(target: Path) -> Any:
    try:
        return yaml.safe_load(target.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CatalogError(target.name, "file is missing") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise CatalogError(target.name, f"invalid YAML{where}") from None


def _validated(data: Any, target: Path) -> VideoThresholds:
    try:
        return VideoThresholds.model_validate(data)
    except ValidationError as exc:
        field, message = first_error(exc)
        raise CatalogError(f"{target.name}: {field}", message) from None
