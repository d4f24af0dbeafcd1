"""Read and validate ``video-thresholds.yaml`` (the shipped one, or a coach's copy)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import ValidationError

from hingecoach.core.errors import CatalogError
from hingecoach.core.kinematics.thresholds import VideoThresholds
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
    target = Path(path) if path is not None else DEFAULT_PATH
    if target.is_dir():
        target = target / FILE_NAME
    try:
        data = yaml.safe_load(target.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CatalogError(target.name, "file is missing") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise CatalogError(target.name, f"invalid YAML{where}") from None
    try:
        return VideoThresholds.model_validate(data)
    except ValidationError as exc:
        field, message = first_error(exc)
        raise CatalogError(f"{target.name}: {field}", message) from None
