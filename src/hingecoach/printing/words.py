"""Small wordings shared by cards and sheets: loads in kg or lb, rest, reps, labels."""

from __future__ import annotations

import re
from typing import Literal

from hingecoach.printing.errors import PrintError

Units = Literal["kg", "lb"]
UNITS: tuple[Units, ...] = ("kg", "lb")
LB_PER_KG = 2.2046226218
_RULE_SUFFIX = re.compile(r"\s*\(rule: [a-z0-9-]+\)\s*$")
_KG_IN_TEXT = re.compile(r"(\d+(?:\.\d+)?)(?:-(\d+(?:\.\d+)?))? kg\b")

ROLE_LABELS = {"drill": "Drill", "exercise": "Exercise", "test": "Test"}
PART_LABELS = {"warm-up": "Warm-up re-test", "drill": "Drill", "main": "Main work"}
STAGE_LABELS = {
    "corrective": "Corrective", "fundamental": "Fundamental", "challenge": "Challenge",
    "mastery": "Mastery", "pain-aware": "Pain-aware", "refer": "Refer to a clinician",
}


def units_of(value: str) -> Units:
    key = str(value).lower()
    if key == "lb":
        return "lb"
    if key == "kg":
        return "kg"
    raise PrintError("units", f"'{value}' is not one of 'kg', 'lb'")


def amount(kg: float, units: Units) -> str:
    """One load: kilograms as given (``22.5``), pounds to the nearest pound."""
    if units == "lb":
        return str(round(kg * LB_PER_KG))
    return f"{kg:g}"


def load_range(low: float | None, high: float | None, units: Units) -> str:
    """``10–15 kg``, ``22–33 lb``, one number when both ends agree, or ``body weight``."""
    if low is None or high is None:
        return "body weight"
    a, b = amount(low, units), amount(high, units)
    return f"{a} {units}" if a == b else f"{a}–{b} {units}"


def rest(seconds: int) -> str:
    if seconds >= 60 and seconds % 60 == 0:
        return f"{seconds // 60} min"
    if seconds > 60:
        return f"{seconds // 60} min {seconds % 60} s"
    return f"{seconds} s"


def scheme(reps: list[int], per_side: bool = False) -> str:
    """``3 × 10``, or ``10/8/6`` when the sets differ; ``each side`` when per side."""
    if not reps:
        return "–"
    text = f"{len(reps)} × {reps[0]}" if len(set(reps)) == 1 else "/".join(map(str, reps))
    return f"{text} each side" if per_side else text


def plain(sentence: str, units: Units = "kg") -> str:
    """An engine sentence for print: without its ``(rule: ...)`` tag, loads in ``units``."""
    text = _RULE_SUFFIX.sub("", sentence)
    if units == "kg":
        return text

    def convert(match: re.Match[str]) -> str:
        low = float(match.group(1))
        high = float(match.group(2)) if match.group(2) else low
        return load_range(low, high, units).replace("–", "-")

    return _KG_IN_TEXT.sub(convert, text)
