"""Values of the gym form: what was posted when the page comes back with errors, else the
plan's."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.simple_tag
def field_value(posted: Any, name: str, default: Any = "") -> Any:
    return posted.get(name, "") if posted is not None else default


@register.simple_tag
def field_checked(
    posted: Any, name: str, value: str = "1", default: bool = False, word: str = "checked"
) -> str:
    """``checked`` (or ``word``, e.g. ``selected``) when ``value`` was posted for ``name``."""
    chosen = value in posted.getlist(name) if posted is not None else default
    return word if chosen else ""


@register.simple_tag
def field_error(errors: Any, name: str) -> str:
    """The refusal of field ``name``, shown beside it; "" when it has none."""
    return " ".join(errors.get(name, [])) if errors else ""
