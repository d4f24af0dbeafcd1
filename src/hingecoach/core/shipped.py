"""A coach's copy of a thresholds file laid over the shipped file of the same name.

A coach's file says what the coach changed: every key it leaves out takes the shipped
file's value, so a copy made before a release added keys keeps loading. Sections (a
pydantic model, or a mapping of ids to models such as the faults) merge key by key,
following the schema; anything else the coach's file sets (a number, a list, a model
marked ``taken_whole``) replaces the shipped value whole. Keys the schema does not know
are left in, so validation still refuses them; a value the coach's file sets is validated
exactly as before. The keys taken from the shipped file are returned so the user can be
told.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

SHOWN = 6  # keys named in the note before "and N more"


@dataclass(frozen=True)
class FromShipped:
    """The keys a coach's ``file`` did not set (dotted paths), or ``()`` when the whole
    file was missing; each took the shipped value."""

    file: str
    keys: tuple[str, ...] = ()

    def note(self, folder: Path | str | None = None) -> str:
        """One line for the user: ``my/thresholds.yaml does not set a, b: using the
        shipped values``."""
        where = f"{Path(folder) / self.file}" if folder is not None else self.file
        if not self.keys:
            return f"{where} is missing: using the shipped file"
        shown = ", ".join(self.keys[:SHOWN])
        more = f" and {len(self.keys) - SHOWN} more" if len(self.keys) > SHOWN else ""
        return f"{where} does not set {shown}{more}: using the shipped values"


def over_shipped(own: Any, shipped: Any, model: type[BaseModel]) -> tuple[Any, tuple[str, ...]]:
    """``own`` with every key it lacks taken from ``shipped`` (both as read from YAML),
    following ``model``'s sections; and the dotted paths of the keys taken."""
    taken: list[str] = []
    merged = _merge(own, shipped, _Section(model), "", taken)
    return merged, tuple(taken)


@dataclass(frozen=True)
class _Section:
    """A mapping that merges key by key: a model's fields, or (``each``) a mapping whose
    every value is one model."""

    model: type[BaseModel]
    each: bool = False

    def inner(self, key: str) -> _Section | None:
        if self.each:
            return _Section(self.model)
        field = self.model.model_fields.get(key)
        return _section_of(field.annotation) if field is not None else None


def _merge(own: Any, shipped: Any, section: _Section, path: str, taken: list[str]) -> Any:
    if not isinstance(own, dict) or not isinstance(shipped, dict):
        return own
    merged = dict(own)
    for key, value in shipped.items():
        dotted = f"{path}{key}"
        if key not in own:
            merged[key] = value
            taken.append(dotted)
            continue
        inner = section.inner(str(key))
        if inner is not None:
            merged[key] = _merge(own[key], value, inner, f"{dotted}.", taken)
    return merged


def _section_of(annotation: Any) -> _Section | None:
    """The section a field's type merges as, or None for a value taken whole."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        found = [_section_of(arg) for arg in typing.get_args(annotation)]
        return next((s for s in found if s is not None), None)
    if origin is dict:
        value = _section_of(typing.get_args(annotation)[1])
        return _Section(value.model, each=True) if value and not value.each else None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return None if getattr(annotation, "taken_whole", False) else _Section(annotation)
    return None
