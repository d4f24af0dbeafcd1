"""The answer's models made from values the engine worked out itself.

Validating every Why, Option and Prescription the rules build was a third of the time
of a recommendation, to check values that come from the validated case and catalog. They
are made here as pydantic's ``model_construct`` makes them (every field set, no
validation), with less work per object; the property tests validate whole answers
against the contract to keep this honest.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)
_set = object.__setattr__


def built(model: type[M], **values: Any) -> M:
    """A ``model`` holding ``values``, which must name every field in declared order and
    hold what validation would have made of them (floats as floats, fresh lists)."""
    made = model.__new__(model)
    _set(made, "__dict__", values)
    _set(made, "__pydantic_fields_set__", set(values))
    _set(made, "__pydantic_extra__", None)
    _set(made, "__pydantic_private__", None)
    return made
