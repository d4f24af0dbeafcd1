"""How pages show loads, ids and the engine's reasons. Loads are stored in kilograms.

A team chooses kilograms or pounds; pages show every load in that unit, pounds rounded
to whole numbers (1 kg = 2.20462 lb).
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from hingecoach.core import default_catalog

LB_PER_KG = 2.20462
STAGE_LABELS = {
    "corrective": "Corrective",
    "fundamental": "Fundamental",
    "challenge": "Challenge",
    "mastery": "Mastery",
    "pain-aware": "Pain-aware",
    "refer": "Refer",
}
_KG_IN_TEXT = re.compile(r"(\d+(?:\.\d+)?)(?:-(\d+(?:\.\d+)?))? kg\b")
_RULE = re.compile(r"\s*\(rule: ([a-z0-9-]+)\)\s*$")


def kg_to_unit(kg: float | Decimal, unit: str) -> float:
    """A load in kilograms in the team's unit: pounds to whole numbers, kilograms as given."""
    if unit == "lb":
        return float(round(float(kg) * LB_PER_KG))
    return float(kg)


def unit_to_kg(value: float | Decimal, unit: str) -> Decimal:
    """A load typed in the team's unit, in kilograms (two decimals)."""
    kg = Decimal(str(value)) / Decimal(str(LB_PER_KG)) if unit == "lb" else Decimal(str(value))
    return kg.quantize(Decimal("0.01"))


def number(value: float) -> str:
    """``20``, ``22.5``: no trailing zeros."""
    return f"{value:g}"


def load_text(kg: float | Decimal | None, unit: str) -> str:
    if kg is None:
        return "no load"
    return f"{number(kg_to_unit(kg, unit))} {unit}"


def range_text(low: float, high: float, unit: str) -> str:
    low_s, high_s = number(kg_to_unit(low, unit)), number(kg_to_unit(high, unit))
    return f"{low_s} {unit}" if low_s == high_s else f"{low_s}–{high_s} {unit}"


def text_in_unit(text: str, unit: str) -> str:
    """The engine's sentences name loads in kg; say them in pounds for a pound team."""
    if unit != "lb":
        return text

    def convert(match: re.Match[str]) -> str:
        low, high = match.group(1), match.group(2)
        if high is None:
            return f"{number(kg_to_unit(float(low), unit))} lb"
        return range_text(float(low), float(high), unit).replace("–", "-")

    return _KG_IN_TEXT.sub(convert, text)


def split_reason(reason: str) -> tuple[str, str]:
    """The sentence and the rule id of a reason: ``"... (rule: stay-strength)"``."""
    match = _RULE.search(reason)
    if match is None:
        return reason, ""
    return reason[: match.start()], match.group(1)


@lru_cache(maxsize=1)
def _id_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    catalog = default_catalog()
    names = {e.id: e.name for e in catalog.exercises.values()}
    names |= {f.id: f.name.lower() for f in catalog.faults.values()}
    ids = sorted(names, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, ids)) + r")(?![\w-])")
    return pattern, names


def with_names(text: str) -> str:
    """The engine's sentences name exercises and faults by id; pages say their names."""
    pattern, names = _id_pattern()
    return pattern.sub(lambda m: names[m.group(1)], text)


def stage_label(stage: str) -> str:
    return STAGE_LABELS.get(stage, stage.replace("-", " ").capitalize() or "Not assessed")


def exercise_name(exercise_id: str) -> str:
    exercise = default_catalog().exercises.get(exercise_id)
    return exercise.name if exercise else exercise_id


def fault_name(fault_id: str) -> str:
    fault = default_catalog().faults.get(fault_id)
    return fault.name if fault else fault_id


def red_flag_name(flag_id: str) -> str:
    flag = default_catalog().red_flags.get(flag_id)
    return flag.name if flag else flag_id


def condition_name(condition_id: str) -> str:
    condition = default_catalog().conditions.get(condition_id)
    return condition.name if condition else condition_id
