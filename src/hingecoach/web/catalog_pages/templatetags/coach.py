"""Filters for coach pages: loads in the team's unit, catalog names, stages, reasons.

Every wording comes from ``hingecoach.core.present`` through ``display``; a reason is
worded from its rule and facts (``why``), never taken apart from its string."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django import template

from hingecoach.core import present
from hingecoach.web.catalog import web_catalog
from hingecoach.web.common import display, loads

register = template.Library()


def _unit(team: Any) -> str:
    return getattr(team, "unit", None) or "kg"


@register.filter
def load(kg: float | Decimal | None, team: Any) -> str:
    """``{{ kg|load:team }}``: ``25 kg`` or ``55 lb``."""
    return display.load_text(kg, _unit(team))


@register.filter
def logged_load(row: Any, team: Any) -> str:
    """``{{ row|logged_load:team }}``: as typed (``44 lb``), marked when converted."""
    return loads.logged_text(row, _unit(team))


@register.filter
def rx_load(prescription: Any, team: Any) -> str:
    """``{{ option.prescription|rx_load:team }}``: ``20 kg``, ``45 lb``, ``body weight``."""
    return display.prescribed_load(prescription, _unit(team))


@register.filter
def adult_load(exercise: Any, team: Any) -> str:
    return display.band_load(exercise.id, "adult", _unit(team))


@register.filter
def youth_load(exercise: Any, team: Any) -> str:
    return display.band_load(exercise.id, "youth", _unit(team))


@register.filter
def why_text(why: Any, team: Any) -> str:
    """One reason (a ``why`` entry) in words, loads in the team's unit."""
    return display.why_text(why, _unit(team))


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
    """``3×10`` when every set is the same, ``10/8/6`` otherwise."""
    return present.scheme_text(list(reps or []), times="×")


@register.filter
def rest_text(seconds: int) -> str:
    return display.rest_text(seconds)


@register.filter
def cues(exercise_id: str) -> list[str]:
    """The catalog's coaching cues for an exercise."""
    exercise = web_catalog().exercises.get(exercise_id)
    return list(exercise.cues) if exercise else []
