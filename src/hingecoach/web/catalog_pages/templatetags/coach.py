"""Filters for coach pages: loads in the team's unit, catalog names, stages, reasons."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django import template

from hingecoach.web.catalog_pages import display

register = template.Library()


def _unit(team: Any) -> str:
    return getattr(team, "unit", None) or "kg"


@register.filter
def load(kg: float | Decimal | None, team: Any) -> str:
    """``{{ row.load_kg|load:team }}``: ``25 kg`` or ``55 lb``."""
    return display.load_text(kg, _unit(team))


@register.filter
def load_range(load_kg: Any, team: Any) -> str:
    """A prescription's ``load_kg`` range (``None`` for unloaded work)."""
    if load_kg is None:
        return "no load"
    return display.range_text(load_kg.min, load_kg.max, _unit(team))


@register.filter
def in_unit(text: str, team: Any) -> str:
    """The engine's text with its kilogram loads said in the team's unit."""
    return display.text_in_unit(str(text), _unit(team))


@register.filter
def reason_text(reason: str) -> str:
    """The sentence of an engine reason, with exercises and faults by name."""
    return display.with_names(display.split_reason(reason)[0])


@register.filter
def reason_rule(reason: str) -> str:
    return display.split_reason(reason)[1]


@register.filter
def stage_label(stage: str) -> str:
    return display.stage_label(stage or "")


@register.filter
def exercise_name(exercise_id: str) -> str:
    return display.exercise_name(exercise_id)


@register.filter
def fault_name(fault_id: str) -> str:
    return display.fault_name(fault_id)


@register.filter
def red_flag_name(flag_id: str) -> str:
    return display.red_flag_name(flag_id)


@register.filter
def condition_name(condition_id: str) -> str:
    return display.condition_name(condition_id)


@register.filter
def age(athlete: Any) -> int:
    return athlete.age_on(dt.date.today())


@register.filter
def reps_text(reps: list[int]) -> str:
    """``3x10`` when every set is the same, ``10/8/6`` otherwise."""
    reps = list(reps or [])
    if not reps:
        return "–"
    if len(set(reps)) == 1:
        return f"{len(reps)}×{reps[0]}"
    return "/".join(str(r) for r in reps)


@register.filter
def rest_text(seconds: int) -> str:
    if seconds >= 60 and seconds % 60 == 0:
        return f"{seconds // 60}\u00a0min"
    if seconds > 60:
        return f"{seconds // 60}\u00a0min\u00a0{seconds % 60}\u00a0s"
    return f"{seconds}\u00a0s"
