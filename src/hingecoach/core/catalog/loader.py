"""Read the catalog's data files, validate them and check every cross-reference."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from hingecoach.core.catalog import cache
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
from hingecoach.core.shipped import FromShipped, over_shipped
from hingecoach.core.validation import first_error

M = TypeVar("M", bound=BaseModel)
Listed = TypeVar("Listed", Fault, RedFlag, Condition)  # the catalog's lists of items with ids

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "data" / "catalog"
# The file of numbers a coach's copy may leave keys out of (hingecoach.core.shipped); the
# lists of exercises, faults, cues and rules are the coach's own and stay whole.
MERGED_FILE = "thresholds.yaml"


LIST_FILES = (
    "faults.yaml",
    "red-flags.yaml",
    "conditions.yaml",
    "thresholds.yaml",
    "programme.yaml",
    "rules.yaml",
)

# The catalog last loaded from each folder, with its files' stat signature and the time it
# was taken: one object per folder while the files are unchanged.
Signature = tuple[tuple[str, int, int, int], ...]  # path, size, ctime_ns, inode
_loaded: dict[Path, tuple[Signature, int, Catalog]] = {}
# A file changed within this many nanoseconds of the signature may have changed again in
# the same clock tick without its ctime moving, so it is read again (as git does).
RACY_NS = 2_000_000_000


def default_catalog() -> Catalog:
    """The catalog shipped with the package."""
    return load_catalog(DEFAULT_DIR)


def load_catalog(directory: Path | str | None = None) -> Catalog:
    """Load and check the catalog in ``directory`` (the shipped one by default).

    A catalog whose files are unchanged since it last passed validation is reused: in
    this process while no file's size, ctime or inode moved, else from the on-disk cache
    of ``hingecoach.core.catalog.cache``, keyed by the files' content.
    Raises CatalogError naming the file, the entry and the field on the first problem.
    """
    root = Path(directory) if directory is not None else DEFAULT_DIR
    if not root.is_dir():
        raise CatalogError(str(root), "not a catalog folder")
    files = _catalog_files(root)
    signature = _signature(files)
    known = _loaded.get(root)
    if known and signature is not None and known[0] == signature and _settled(known):
        return known[2]
    catalog = _from_cache_or_files(root, files)
    if signature is not None:
        _loaded[root] = (signature, time.time_ns(), catalog)
    return catalog


def _from_cache_or_files(root: Path, files: list[Path]) -> Catalog:
    key = cache.content_key(root, files)
    if key is None:
        return validate_catalog(root)
    stored = cache.read(key)
    if stored is None:
        stored = validate_catalog(root)
        if cache.content_key(root, files) == key:  # no file changed while it was read
            cache.write(key, stored)
    return replace(stored, source=root)


def _signature(files: list[Path]) -> Signature | None:
    try:
        stats = [path.stat() for path in files]
    except OSError:
        return None
    # ctime, not mtime: every write moves it, and no tool sets it back.
    return tuple(
        (str(p), s.st_size, s.st_ctime_ns, s.st_ino) for p, s in zip(files, stats, strict=True)
    )


def _settled(known: tuple[Signature, int, Catalog]) -> bool:
    """No file was written so close to when the signature was taken that a later write
    in the same clock tick could have kept its ctime."""
    signature, taken = known[0], known[1]
    return all(taken - ctime > RACY_NS for _, _, ctime, _ in signature)


def _catalog_files(root: Path) -> list[Path]:
    """Every file the catalog in ``root`` is read from: a coach's copy also takes the
    keys its thresholds leave out from the shipped file, so that file counts too."""
    files = [*sorted((root / "exercises").glob("*.yaml")), *(root / n for n in LIST_FILES)]
    return files if _is_shipped(root) else [*files, DEFAULT_DIR / MERGED_FILE]


def _is_shipped(root: Path) -> bool:
    return root.resolve() == DEFAULT_DIR


def validate_catalog(root: Path) -> Catalog:
    """Read and check every file of the catalog in ``root``, with no cache."""
    thresholds, from_shipped = _load_thresholds(root)
    catalog = Catalog(
        exercises=_load_exercises(root),
        faults=_load_list(root, "faults.yaml", "faults", Fault),
        red_flags=_load_list(root, "red-flags.yaml", "red_flags", RedFlag),
        conditions=_load_list(root, "conditions.yaml", "conditions", Condition),
        thresholds=thresholds,
        programme=_load_model(root, "programme.yaml", Programme),
        rules=_load_rules(root),
        source=root,
        from_shipped=from_shipped,
    )
    problems = catalog.reference_problems()
    if problems:
        where, _, problem = problems[0].rpartition(": ")
        raise CatalogError(where, problem)
    return catalog


def _read_yaml(path: Path, root: Path) -> Any:
    import yaml  # only when the catalog is validated, not when it comes from the cache

    rel = path.relative_to(root).as_posix()
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CatalogError(rel, "file is missing") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise CatalogError(rel, f"invalid YAML{where}: {problem}") from None


def _validate(model: type[M], data: Any, where: str) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        field, message = first_error(exc)
        prefix = f"{where}: {field}" if field else where
        raise CatalogError(prefix, message) from None


def _load_model(root: Path, name: str, model: type[M]) -> M:
    return _validate(model, _read_yaml(root / name, root), name)


def _load_thresholds(root: Path) -> tuple[Thresholds, tuple[FromShipped, ...]]:
    """The coach's thresholds, each key they leave out taken from the shipped file."""
    own = _read_yaml(root / MERGED_FILE, root)
    if _is_shipped(root):
        return _validate(Thresholds, own, MERGED_FILE), ()
    shipped = _read_yaml(DEFAULT_DIR / MERGED_FILE, DEFAULT_DIR)
    merged, taken = over_shipped(own, shipped, Thresholds)
    thresholds = _validate(Thresholds, merged, MERGED_FILE)
    return thresholds, (FromShipped(MERGED_FILE, taken),) if taken else ()


def _load_exercises(root: Path) -> dict[str, Exercise]:
    folder = root / "exercises"
    files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    if not files:
        raise CatalogError("exercises/", "no exercise files found")
    exercises: dict[str, Exercise] = {}
    for path in files:
        rel = path.relative_to(root).as_posix()
        exercise = _validate(Exercise, _read_yaml(path, root), rel)
        if exercise.id != path.stem:
            raise CatalogError(f"{rel}: id", f"{exercise.id!r} does not match the file name")
        exercises[exercise.id] = exercise
    return exercises


def _load_list(root: Path, name: str, key: str, model: type[Listed]) -> dict[str, Listed]:
    data = _read_yaml(root / name, root)
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise CatalogError(f"{name}: {key}", f"expected a list under the key {key!r}")
    items: dict[str, Listed] = {}
    for index, entry in enumerate(data[key]):
        label = entry.get("id") if isinstance(entry, dict) else None
        where = f"{name}: {key}[{index}]" + (f" ({label})" if label else "")
        item = _validate(model, entry, where)
        item_id = item.id
        if item_id in items:
            raise CatalogError(f"{where}: id", f"{item_id!r} is used twice")
        items[item_id] = item
    return items


def _load_rules(root: Path) -> dict[str, Rule]:
    data = _read_yaml(root / "rules.yaml", root)
    if not isinstance(data, dict) or not isinstance(data.get("rules"), dict):
        raise CatalogError("rules.yaml: rules", "expected a mapping of rule id to rule")
    rules = data["rules"].items()
    return {rid: _validate(Rule, body, f"rules.yaml: rules.{rid}") for rid, body in rules}
