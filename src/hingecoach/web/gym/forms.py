"""What the gym page sends, read into what the service saves.

Field names: ``key``, ``date``, ``pain_during``, ``notes``; per step ``s<N>-exercise``
and per set ``s<N>-<M>-load`` (the team's unit, kept as typed), ``s<N>-<M>-reps``,
``s<N>-<M>-done``;
``mastered`` (one per drill ticked); ``test-<fault id>`` = ``seen`` or ``clear``.
A refusal names the field: ``s2-1-reps: 'ten' is not a whole number``.
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


def _set(
    data: QueryDict, step: int, n: int, unit: str, errors: dict[str, str]
) -> tuple[Decimal | None, int] | None:
    reps_name, load_name = f"s{step}-{n}-reps", f"s{step}-{n}-load"
    reps_text, load_text = data.get(reps_name, "").strip(), data.get(load_name, "").strip()
    if not reps_text.isdigit():
        errors[reps_name] = f"{quoted(reps_text)} is not a whole number of reps"
        return None
    if not load_text:
        return None, int(reps_text)
    try:
        load = Decimal(load_text.replace(",", "."))
    except InvalidOperation:
        load = Decimal("NaN")
    if not load.is_finite():
        errors[load_name] = f"{quoted(load_text)} is not a load in {unit}"
        return None
    return load, int(reps_text)


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
