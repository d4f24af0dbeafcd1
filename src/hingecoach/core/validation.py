"""Turn pydantic's validation errors into the project's one-line messages.

A message names the field by its path (``tests[0].faults[1]``), quotes the value found
(``quoted``: as JSON, since a CASE is JSON) and says what is allowed, so a coach can fix
the input without reading code.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

_RANGE_TYPES = {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}
_AS_WRITTEN = {"future_date", "date_text", "not_trained"}  # each quotes the value
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def iso_date(text: str) -> dt.date:
    """The day ``text`` names, written YYYY-MM-DD and nothing else: no time, no week
    date, no compact form (Python's ``fromisoformat`` reads those too). ValueError with
    a message quoting the text otherwise."""
    if not ISO_DATE.fullmatch(text):
        raise ValueError(f"{quoted(text)} is not a date written YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:  # 2026-02-30
        raise ValueError(f"{quoted(text)} is not a date: {exc}") from None


def field_path(loc: Sequence[str | int]) -> str:
    """``("tests", 0, "faults")`` -> ``tests[0].faults``; an empty key reads ``""``
    (so the field is always named)."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            name = str(part) or '""'
            path += f".{name}" if path else name
    return path


def quoted(value: Any) -> str:
    """A value as an error message shows it: text in single quotes (``'fast'``), any
    other value as JSON writes it (``{"age": 30}``, ``true``, ``null``, ``[1, 2]``), cut
    to 60 characters. The one formatter for values in every message a user reads."""
    if isinstance(value, str):
        text = repr(value)
    else:
        text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "..."


def describe(error: ErrorDetails) -> tuple[str, str]:
    """The field path and a plain message for one pydantic error."""
    kind = error["type"]
    path = field_path(error["loc"])
    value = error.get("input")
    msg = error["msg"]
    if kind == "missing":
        return path, "is required"
    if kind == "extra_forbidden":
        return path, f"unknown field (value {quoted(value)})"
    if kind == "duplicate":
        ctx = error.get("ctx") or {}
        return f"{path}[{ctx.get('index')}]", f"{quoted(ctx.get('value'))} is listed twice"
    if kind in _AS_WRITTEN:
        return path, msg
    if kind.startswith("value_error") or kind.startswith("assertion_error"):
        msg = msg.removeprefix("Value error, ").removeprefix("Assertion failed, ")
        return path, msg
    if kind in _RANGE_TYPES or kind == "literal_error":
        return path, f"{quoted(value)} is not allowed: {msg[0].lower()}{msg[1:]}"
    if kind.startswith("unknown_"):
        return path, msg
    return path, f"{msg[0].lower()}{msg[1:]} (got {quoted(value)})"


def first_error(exc: ValidationError) -> tuple[str, str]:
    """The first error of a validation failure, as (field path, message); an unknown
    field comes first, since a misspelt key also makes the right one look missing."""
    errors = exc.errors(include_url=False)
    errors.sort(key=lambda e: e["type"] != "extra_forbidden")
    return describe(errors[0])
