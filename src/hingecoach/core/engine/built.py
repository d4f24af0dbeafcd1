"""The answer's models made from values the engine worked out itself.

Validating every Why, Option and Prescription the rules build was a third of the time
of a recommendation, to check values that come from the validated case and catalog. They
are made here as pydantic's ``model_construct`` makes them (every field set, no
validation), with less work per object; the property tests validate whole answers
against the contract to keep this honest.

Every object of a class shares one set of the names set: it holds every field already,
and pydantic only ever adds a field's name to it (on assignment) or copies it
(``model_copy``), so nothing changes it.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)
_set = object.__setattr__
# pydantic's models define no __new__ of their own, so theirs is object's; called directly
# it skips a look-up through pydantic's metaclass that costs a third of the call.
_new = object.__new__
_FIELDS_SET: dict[type[BaseModel], set[str]] = {}


def built(model: type[M], **values: Any) -> M:
    """A ``model`` holding ``values``, which must name every field in declared order and
    hold what validation would have made of them (floats as floats, fresh lists)."""
    made = _new(model)
    _set(made, "__dict__", values)
    _set(made, "__pydantic_fields_set__", _FIELDS_SET.get(model) or _fields_set(model))
    _set(made, "__pydantic_extra__", None)
    _set(made, "__pydantic_private__", None)
    return made


def _fields_set(model: type[BaseModel]) -> set[str]:
    names = _FIELDS_SET.get(model)
    if names is None:
        names = _FIELDS_SET[model] = set(model.model_fields)
    return names
