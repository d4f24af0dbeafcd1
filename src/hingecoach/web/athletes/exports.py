"""One athlete's whole record as JSON or CSV, for the coach to download or hand over.

Loads are numbers in kilograms whatever the team's unit (``load_unit``). The JSON holds the
profile, the CASE the engine sees (DOMAIN.md section 4), every record and the current
recommendation, whose sentences for a person (``why[].text``) give loads in the team's
unit, as ``text_unit`` says. The CSV
has one row per record; its ``record`` column says which kind (``CSV_RECORDS``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from decimal import Decimal
from typing import Any

from django.utils.text import slugify

from hingecoach.web.athletes import selectors
from hingecoach.web.athletes.case import athlete_case_data
from hingecoach.web.athletes.models import Athlete, TrainingSession
from hingecoach.web.common.display import answer_in_units

CSV_COLUMNS = [
    "record",
    "date",
    "exercise",
    "sets",
    "reps",
    "load_kg",
    "pain_during",
    "pain_next_morning",
    "faults",
    "value",
    "notes",
]
CSV_RECORDS = ["test", "pain", "tsk", "mastered", "session", "session-exercise", "checkin"]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def export_filename(athlete: Athlete, fmt: str) -> str:
    """``maya-ortiz-hingecoach.csv``: ASCII only, from the athlete's name."""
    stem = slugify(athlete.name) or f"athlete-{athlete.pk}"
    return f"{stem}-hingecoach.{fmt}"


# --- JSON -------------------------------------------------------------------------------


def athlete_export_json(athlete: Athlete) -> str:
    return json.dumps(athlete_export_data(athlete), indent=2, ensure_ascii=False)


def athlete_export_data(athlete: Athlete, *, today: dt.date | None = None) -> dict[str, Any]:
    sessions = list(selectors.athlete_sessions(athlete=athlete))
    unit = athlete.team.unit
    return {
        "exported_on": (today or dt.date.today()).isoformat(),
        "load_unit": "kg",
        "text_unit": unit,
        "athlete": _profile(athlete),
        "case": athlete_case_data(athlete, today=today),
        "tests": [
            {
                "date": t.date.isoformat(),
                "passed": t.passed,
                "faults": list(t.faults),
                "notes": t.notes,
            }
            for t in selectors.athlete_tests(athlete=athlete)
        ],
        "pain_reports": [
            {"date": p.date.isoformat(), "nrs": p.nrs}
            for p in selectors.athlete_pain_reports(athlete=athlete)
        ],
        "tsk11": [
            {"date": s.date.isoformat(), "total": s.total, "items": _items(s.items)}
            for s in selectors.athlete_tsk_scores(athlete=athlete)
        ],
        "mastered": [
            {"exercise": m.exercise, "since": m.since.isoformat()}
            for m in selectors.athlete_masteries(athlete=athlete)
        ],
        "sessions": [_session(s) for s in sessions],
        "checkins": [_checkin(s) for s in sessions if s.pain_next_morning is not None],
        "recommendation": answer_in_units(
            selectors.athlete_recommendation(athlete=athlete), unit
        ).model_dump(mode="json"),
    }


def _profile(athlete: Athlete) -> dict[str, Any]:
    cleared = athlete.clearance_date
    return {
        "name": athlete.name,
        "date_of_birth": athlete.date_of_birth.isoformat(),
        "conditions": list(athlete.conditions),
        "red_flags": list(athlete.red_flags),
        "medical_clearance": {
            "given": athlete.medical_clearance,
            "date": cleared.isoformat() if cleared else None,
            "by": athlete.clearance_by or None,
        },
        "goal": athlete.goal,
        "notes": athlete.notes,
        "archived": athlete.archived,
    }


def _items(items: list[int] | None) -> dict[str, int] | None:
    """TSK-11 item scores keyed by item number (``"1"`` to ``"11"``)."""
    return {str(n): score for n, score in enumerate(items, start=1)} if items else None


def _kg(load: Decimal | None) -> float | None:
    return None if load is None else float(load)


def _session(session: TrainingSession) -> dict[str, Any]:
    return {
        "date": session.date.isoformat(),
        "pain_during": session.pain_during,
        "pain_next_morning": session.pain_next_morning,
        "felt": session.felt,
        "notes": session.notes,
        "exercises": [
            {
                "exercise": e.exercise,
                "sets": e.sets,
                "reps": list(e.reps),
                "load_kg": _kg(e.load_kg),
            }
            for e in session.exercises.all()
        ],
    }


def _checkin(session: TrainingSession) -> dict[str, Any]:
    """A morning-after report, stored on the session it is about."""
    return {
        "session_date": session.date.isoformat(),
        "pain_next_morning": session.pain_next_morning,
        "felt": session.felt,
    }


# --- CSV --------------------------------------------------------------------------------


def athlete_export_csv(athlete: Athlete) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in _csv_rows(athlete):
        writer.writerow({key: _cell(value) for key, value in row.items()})
    return out.getvalue()


def _csv_rows(athlete: Athlete) -> list[dict[str, Any]]:
    """Every record, oldest first within each kind."""
    rows: list[dict[str, Any]] = []
    for test in selectors.athlete_tests(athlete=athlete).reverse():
        rows.append(
            {
                "record": "test",
                "date": test.date,
                "faults": ";".join(test.faults),
                "value": "passed" if test.passed else "failed",
                "notes": test.notes,
            }
        )
    for pain in selectors.athlete_pain_reports(athlete=athlete).reverse():
        rows.append({"record": "pain", "date": pain.date, "value": pain.nrs})
    for tsk in selectors.athlete_tsk_scores(athlete=athlete).reverse():
        items = _items(tsk.items)
        notes = " ".join(f"{n}={s}" for n, s in items.items()) if items else ""
        rows.append(
            {
                "record": "tsk",
                "date": tsk.date,
                "value": tsk.total,
                "notes": f"items {notes}" if notes else "",
            }
        )
    for mastery in selectors.athlete_masteries(athlete=athlete):
        rows.append({"record": "mastered", "date": mastery.since, "exercise": mastery.exercise})
    sessions = list(selectors.athlete_sessions(athlete=athlete).reverse())
    for session in sessions:
        rows.extend(_session_rows(session))
    rows.extend(
        {
            "record": "checkin",
            "date": s.date,
            "pain_next_morning": s.pain_next_morning,
            "value": s.felt,
        }
        for s in sessions
        if s.pain_next_morning is not None
    )
    return rows


def _session_rows(session: TrainingSession) -> list[dict[str, Any]]:
    head = {
        "record": "session",
        "date": session.date,
        "pain_during": session.pain_during,
        "pain_next_morning": session.pain_next_morning,
        "notes": session.notes,
    }
    return [
        head,
        *(
            {
                "record": "session-exercise",
                "date": session.date,
                "exercise": e.exercise,
                "sets": e.sets,
                "reps": "/".join(str(r) for r in e.reps),
                "load_kg": _kg(e.load_kg),
            }
            for e in session.exercises.all()
        ),
    ]


def _cell(value: Any) -> Any:
    """Plain text for a spreadsheet: dates ISO, no empty ``None``, no formula to run."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
