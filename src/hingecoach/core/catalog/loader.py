"""Read the catalog's data files, validate them and check every cross-reference."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from hingecoach.core.catalog.model import Catalog
from hingecoach.core.catalog.schema import (
    Condition,
    Exercise,
    Fault,
    Programme,
    RedFlag,
    Rule,
    Thresholds,
)
from hingecoach.core.errors import CatalogError
from hingecoach.core.validation import first_error

M = TypeVar("M", bound=BaseModel)
Listed = TypeVar("Listed", Fault, RedFlag, Condition)  # the catalog's lists of items with ids

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "data" / "catalog"


def default_catalog() -> Catalog:
    """The catalog shipped with the package (read once per process)."""
    return _cached(str(DEFAULT_DIR))


@lru_cache(maxsize=8)
def _cached(directory: str) -> Catalog:
    return load_catalog(Path(directory))


def load_catalog(directory: Path | str | None = None) -> Catalog:
    """Load and check the catalog in ``directory`` (the shipped one by default).

    Raises CatalogError naming the file, the entry and the field on the first problem.
    """
    root = Path(directory) if directory is not None else DEFAULT_DIR
    if not root.is_dir():
        raise CatalogError(f"{root}: not a catalog folder")
    catalog = Catalog(
        exercises=_load_exercises(root),
        faults=_load_list(root, "faults.yaml", "faults", Fault),
        red_flags=_load_list(root, "red-flags.yaml", "red_flags", RedFlag),
        conditions=_load_list(root, "conditions.yaml", "conditions", Condition),
        thresholds=_load_model(root, "thresholds.yaml", Thresholds),
        programme=_load_model(root, "programme.yaml", Programme),
        rules=_load_rules(root),
        source=root,
    )
    problems = catalog.reference_problems()
    if problems:
        raise CatalogError(problems[0])
    return catalog


def _read_yaml(path: Path, root: Path) -> Any:
    rel = path.relative_to(root).as_posix()
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CatalogError(f"{rel}: file is missing") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise CatalogError(f"{rel}: invalid YAML{where}: {problem}") from None


def _validate(model: type[M], data: Any, where: str) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        field, message = first_error(exc)
        prefix = f"{where}: {field}" if field else where
        raise CatalogError(f"{prefix}: {message}") from None


def _load_model(root: Path, name: str, model: type[M]) -> M:
    return _validate(model, _read_yaml(root / name, root), name)


def _load_exercises(root: Path) -> dict[str, Exercise]:
    folder = root / "exercises"
    files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    if not files:
        raise CatalogError("exercises/: no exercise files found")
    exercises: dict[str, Exercise] = {}
    for path in files:
        rel = path.relative_to(root).as_posix()
        exercise = _validate(Exercise, _read_yaml(path, root), rel)
        if exercise.id != path.stem:
            raise CatalogError(f"{rel}: id: {exercise.id!r} does not match the file name")
        exercises[exercise.id] = exercise
    return exercises


def _load_list(root: Path, name: str, key: str, model: type[Listed]) -> dict[str, Listed]:
    data = _read_yaml(root / name, root)
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise CatalogError(f"{name}: {key}: expected a list under the key {key!r}")
    items: dict[str, Listed] = {}
    for index, entry in enumerate(data[key]):
        label = entry.get("id") if isinstance(entry, dict) else None
        where = f"{name}: {key}[{index}]" + (f" ({label})" if label else "")
        item = _validate(model, entry, where)
        item_id = item.id
        if item_id in items:
            raise CatalogError(f"{where}: id: {item_id!r} is used twice")
        items[item_id] = item
    return items


def _load_rules(root: Path) -> dict[str, Rule]:
    data = _read_yaml(root / "rules.yaml", root)
    if not isinstance(data, dict) or not isinstance(data.get("rules"), dict):
        raise CatalogError("rules.yaml: rules: expected a mapping of rule id to rule")
    rules = data["rules"].items()
    return {rid: _validate(Rule, body, f"rules.yaml: rules.{rid}") for rid, body in rules}
