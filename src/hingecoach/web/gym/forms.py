"""What the gym page sends, read into what the service saves.

Field names: ``key``, ``date``, ``pain_during``, ``notes``; per step ``s<N>-exercise``
and per set ``s<N>-<M>-load`` (the team's unit, kept as typed), ``s<N>-<M>-reps``,
``s<N>-<M>-done``;
``mastered`` (one per drill ticked); ``test-<fault id>`` = ``seen`` or ``clear``.
A refusal is keyed by the field's name (so the page can find it and its step) and says
it as the coach sees it: ``Good Morning, set 1: reps 'ten' is not a whole number``.
A set ticked done is checked here against the records' ranges (reps 1..100, a load of
0..500 kg in the team's unit), so a refusal points at the set, not at the saved row.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.http import QueryDict

from hingecoach.core.validation import iso_date, quoted
from hingecoach.web.athletes.validators import LOAD_KG_RANGE, REPS_RANGE
from hingecoach.web.common.display import exercise_name, kg_to_unit, number, unit_to_kg

ANSWERS = {"seen": True, "clear": False}
_SET = re.compile(r"^s(\d+)-(\d+)-done$")


@dataclass(frozen=True)
class GymDone:
    key: uuid.UUID
    date: dt.date
    rows: list[dict[str, Any]] = field(default_factory=list)
    mastered: list[str] = field(default_factory=list)
    test_faults: list[str] | None = None  # None: no test today
    pain_during: int | None = None
    notes: str = ""


def gym_done_from_post(data: QueryDict, *, unit: str, faults: list[str]) -> GymDone:
    errors: dict[str, str] = {}
    done = GymDone(
        key=_key(data, errors),
        date=_date(data, errors),
        rows=_rows(data, unit, errors),
        mastered=sorted(set(data.getlist("mastered"))),
        test_faults=_test(data, faults, errors),
        pain_during=_pain(data, errors),
        notes=data.get("notes", "").strip()[:2000],
    )
    if errors:
        raise ValidationError({name: [message] for name, message in errors.items()})
    return done


def _key(data: QueryDict, errors: dict[str, str]) -> uuid.UUID:
    try:
        return uuid.UUID(data.get("key", ""))
    except ValueError:
        errors["key"] = "the page's session key is missing: reload the page"
        return uuid.uuid4()


def _date(data: QueryDict, errors: dict[str, str]) -> dt.date:
    text = data.get("date", "")
    try:
        return iso_date(text)
    except ValueError as exc:
        errors["date"] = str(exc)
        return dt.date.today()


def _pain(data: QueryDict, errors: dict[str, str]) -> int | None:
    text = data.get("pain_during", "").strip()
    if not text:
        return None
    if not text.isdigit() or not 0 <= int(text) <= 10:
        errors["pain_during"] = f"{quoted(text)} is not a whole number in 0..10"
        return None
    return int(text)


def _rows(data: QueryDict, unit: str, errors: dict[str, str]) -> list[dict[str, Any]]:
    """The sets ticked done, grouped per step into runs of the same load."""
    done: dict[int, list[int]] = {}
    for name in data:
        match = _SET.match(name)
        if match and data.get(name):
            done.setdefault(int(match[1]), []).append(int(match[2]))
    rows: list[dict[str, Any]] = []
    for step in sorted(done):
        exercise = data.get(f"s{step}-exercise", "")
        sets = [_set(data, step, n, unit, errors) for n in sorted(done[step])]
        rows += _runs(exercise, unit, [s for s in sets if s is not None])
    return rows


def load_top(unit: str) -> str:
    """The heaviest load a record takes, in ``unit`` as the page says it."""
    top = LOAD_KG_RANGE[1]
    return number(top if unit == "kg" else kg_to_unit(top, unit))


def set_label(data: QueryDict, step: int, n: int) -> str:
    """``Good Morning, set 2``: a set as the page shows it."""
    exercise = data.get(f"s{step}-exercise", "")
    return f"{exercise_name(exercise) if exercise else f'Step {step}'}, set {n}"


def _set(
    data: QueryDict, step: int, n: int, unit: str, errors: dict[str, str]
) -> tuple[Decimal | None, int] | None:
    reps_name, load_name = f"s{step}-{n}-reps", f"s{step}-{n}-load"
    reps_text, load_text = data.get(reps_name, "").strip(), data.get(load_name, "").strip()
    label = set_label(data, step, n)
    reps = _reps(reps_text)
    if isinstance(reps, str):
        errors[reps_name] = f"{label}: reps {reps}"
    load = _load(load_text, unit)
    if isinstance(load, str):
        errors[load_name] = f"{label}: load {load}"
    if isinstance(reps, str) or isinstance(load, str):
        return None
    return load, reps


def _reps(text: str) -> int | str:
    """The reps of a set done, or what is wrong with them."""
    low, high = REPS_RANGE
    if not text:
        return "missing: a set marked done needs its reps"
    if not text.isdigit():
        return f"{quoted(text)} is not a whole number"
    if not low <= int(text) <= high:
        return f"{text} is not in {low}..{high}"
    return int(text)


def _load(text: str, unit: str) -> Decimal | str | None:
    """The load as typed (``None``: none, unloaded work), or what is wrong with it."""
    if not text:
        return None
    try:
        load = Decimal(text.replace(",", "."))
    except InvalidOperation:
        load = Decimal("NaN")
    if not load.is_finite():
        return f"{quoted(text)} is not a number of {unit}"
    if not 0 <= unit_to_kg(load, unit) <= LOAD_KG_RANGE[1]:
        return f"{text} {unit} is not in 0..{load_top(unit)} {unit}"
    return load


def _runs(exercise: str, unit: str, sets: list[tuple[Decimal | None, int]]) -> list[dict[str, Any]]:
    """One row per run of sets at the same load: 3 sets at 20 kg, then 1 at 22.5 kg. A
    load is kept as typed, in the team's unit (``load_kg`` or ``load_lb``)."""
    key = f"load_{unit}"
    rows: list[dict[str, Any]] = []
    for load, reps in sets:
        if rows and rows[-1][key] == load:
            rows[-1]["reps"].append(reps)
            rows[-1]["sets"] += 1
        else:
            rows.append({"exercise": exercise, "sets": 1, "reps": [reps], key: load})
    return rows


def _test(data: QueryDict, faults: list[str], errors: dict[str, str]) -> list[str] | None:
    """Every fault answered: the test's faults; none answered: no test today. A pass needs
    an answer for every fault: nothing defaults to not seen."""
    answers = {f: data.get(f"test-{f}", "") for f in faults}
    if not any(answers.values()):
        return None
    for fault, answer in answers.items():
        if answer not in ANSWERS:
            errors[f"test-{fault}"] = "answer seen or not seen"
    return [f for f, answer in answers.items() if ANSWERS.get(answer)]
