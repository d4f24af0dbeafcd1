"""How pages show loads, names and the engine's reasons, through
``hingecoach.core.present`` (the one presentation module). Loads are stored in
kilograms; a team chooses kilograms or pounds and every page speaks its unit."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hingecoach.core import present as say
from hingecoach.web.catalog import web_catalog

STAGE_LABELS = say.STAGE_LABELS


def _units(unit: str) -> say.Units:
    return "lb" if unit == "lb" else "kg"


def kg_to_unit(kg: float | Decimal, unit: str) -> float:
    """A logged load (kg) in the team's unit: pounds to whole numbers, kilograms as given."""
    return say.logged_amount(float(kg), _units(unit))


def unit_to_kg(value: float | Decimal, unit: str) -> Decimal:
    """A load typed in the team's unit, in kilograms (two decimals)."""
    kg = say.lb_to_kg(float(value)) if unit == "lb" else float(value)
    return Decimal(str(kg)).quantize(Decimal("0.01"))


def number(value: float) -> str:
    return say.number(value)


def load_text(kg: float | Decimal | None, unit: str) -> str:
    """A logged load: ``25 kg``, ``55 lb`` or ``body weight``."""
    return say.logged_text(None if kg is None else float(kg), _units(unit))


def prescribed_load(prescription: Any, unit: str) -> str:
    """A prescription's load as the gym loads the core worked out for the unit."""
    return say.load_text(prescription, _units(unit))


def load_range(prescription: Any, unit: str) -> Any:
    """The prescription's load range (``min``, ``max``) in the team's unit, or None."""
    return prescription.load_lb if unit == "lb" else prescription.load_kg


def band_load(exercise_id: str, band: str, unit: str) -> str:
    return say.band_text(web_catalog(), exercise_id, band, _units(unit))


def why_text(why: Any, unit: str) -> str:
    return say.why_text(web_catalog(), why, _units(unit))


def answer_in_units(answer: say.Answer, unit: str) -> say.Answer:
    """An engine's answer as a reader of ``unit`` is given it: every ``why[].text`` worded
    in that unit (``present.in_units``), for the API and anything else serialised."""
    return say.in_units(web_catalog(), answer, _units(unit))


def rest_text(seconds: int) -> str:
    """A rest time that never breaks across lines: ``90\u00a0s``."""
    return say.rest_text(seconds, space="\u00a0")


def stage_label(stage: str) -> str:
    return say.stage_label(stage)


def exercise_name(exercise_id: str) -> str:
    return say.exercise_name(web_catalog(), exercise_id)


def fault_name(fault_id: str) -> str:
    return say.fault_name(web_catalog(), fault_id)


def red_flag_name(flag_id: str) -> str:
    return say.red_flag_name(web_catalog(), flag_id)


def condition_name(condition_id: str) -> str:
    return say.condition_name(web_catalog(), condition_id)
