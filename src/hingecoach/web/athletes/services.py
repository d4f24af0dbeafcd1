"""Writes: every change to an athlete's records goes through here (keyword-only).

Each write to the profile or the records ends in ``athlete_refresh``, which stores the
summary the lists filter on and gives the athlete a new ``data_version``: what pages
worked out from the old records is not used again (``hingecoach.web.common.pagecache``).
A write to what other apps keep about the athlete and the athlete's page shows (a block,
a clip, a check-in link) calls ``athlete_touch`` for a new ``data_version`` alone.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from hingecoach.core import recommend
from hingecoach.core.engine import pain_flagged
from hingecoach.core.validation import quoted
from hingecoach.web.athletes import listing, selectors
from hingecoach.web.athletes import validators as check
from hingecoach.web.athletes.case import athlete_case
from hingecoach.web.athletes.models import (
    Athlete,
    CheckinLink,
    HingeTest,
    Mastery,
    PainReport,
    SessionExercise,
    TrainingSession,
    TskScore,
    new_data_version,
)
from hingecoach.web.catalog import web_catalog
from hingecoach.web.common import display, pagecache
from hingecoach.web.teams.models import Team

# What pages keep per athlete: selectors.athlete_advice, parts.kept_parts, views.athlete_charts
CACHED_KINDS = ("advice", "page", "charts")

PROFILE_FIELDS = (
    "name",
    "date_of_birth",
    "conditions",
    "red_flags",
    "medical_clearance",
    "clearance_date",
    "clearance_by",
    "goal",
    "notes",
)


def _clean_profile(fields: dict[str, Any], stored: Athlete | None = None) -> dict[str, Any]:
    if "date_of_birth" in fields:
        check.birth_date("date_of_birth", fields["date_of_birth"])
    born = fields.get("date_of_birth", stored.date_of_birth if stored else None)
    if fields.get("clearance_date"):
        check.not_future("clearance_date", fields["clearance_date"])
        if born:
            check.not_before_birth("clearance_date", fields["clearance_date"], born)
    for name in ("name", "clearance_by"):
        if name in fields:
            check.text(name, fields[name], check.NAME_MAX)
    if "notes" in fields:
        check.text("notes", fields["notes"])
    if "conditions" in fields:
        fields["conditions"] = check.known_ids("conditions", fields["conditions"], "conditions")
    if "red_flags" in fields:
        fields["red_flags"] = check.known_ids("red_flags", fields["red_flags"], "red_flags")
    if "medical_clearance" in fields and not fields["medical_clearance"]:
        fields["clearance_date"], fields["clearance_by"] = None, ""
    elif fields.get("medical_clearance") or (stored and stored.medical_clearance):
        _clearance(fields, stored)
    return fields


def _clearance(fields: dict[str, Any], stored: Athlete | None) -> None:
    """A clearance given now carries who gave it; one on record keeps its who, and its
    date unless another is given (a clearance given with no date: today's)."""
    if fields.get("medical_clearance"):
        check.cleared_by("clearance_by", fields.get("clearance_by", ""))
    elif "clearance_by" in fields:
        check.cleared_by("clearance_by", fields["clearance_by"], conflict=True)
    on_record = stored.clearance_date if stored and stored.medical_clearance else None
    if "clearance_date" in fields or (fields.get("medical_clearance") and on_record is None):
        fields["clearance_date"] = fields.get("clearance_date") or on_record or dt.date.today()


@transaction.atomic
def athlete_create(*, team: Team, name: str, date_of_birth: dt.date, **profile: Any) -> Athlete:
    unknown = set(profile) - set(PROFILE_FIELDS)
    if unknown:
        raise ValidationError({sorted(unknown)[0]: "unknown field"})
    fields = _clean_profile({"name": name, "date_of_birth": date_of_birth, **profile})
    athlete = Athlete(team=team, **fields)
    athlete.full_clean(exclude=["team", "stage"])
    athlete.save()
    return athlete_refresh(athlete=athlete)


@transaction.atomic
def athlete_update(*, athlete: Athlete, **changes: Any) -> Athlete:
    unknown = set(changes) - set(PROFILE_FIELDS)
    if unknown:
        raise ValidationError({sorted(unknown)[0]: "unknown field"})
    for key, value in _clean_profile(dict(changes), stored=athlete).items():
        setattr(athlete, key, value)
    athlete.full_clean(exclude=["team", "stage"])
    athlete.save()
    return athlete_refresh(athlete=athlete)


def athlete_archive(*, athlete: Athlete, archived: bool = True) -> Athlete:
    athlete.archived = archived
    athlete.data_version = new_data_version()
    athlete.save(update_fields=["archived", "data_version", "updated"])
    return athlete


def athlete_touch(*, athlete_id: int) -> None:
    """Give the athlete a new ``data_version`` (nothing else): what their page keeps is
    rendered again on the next view. For writes outside the records that the page shows;
    called in the write's transaction, if it has one."""
    Athlete.objects.filter(pk=athlete_id).update(data_version=new_data_version())


def athlete_cache_forget(*, athlete: Athlete) -> None:
    """Once the current transaction commits, delete what pages keep worked out from the
    athlete's records (for an erasure: nothing of theirs stays in the cache)."""
    names = [f"athlete:{athlete.pk}:{kind}" for kind in CACHED_KINDS]
    names.append(listing.shelf_name(athlete.team_id))  # the team's list names them
    transaction.on_commit(lambda: pagecache.forget(*names))


def athlete_refresh(*, athlete: Athlete) -> Athlete:
    """Recompute the stored summary (stage, flags) from the engine's answer, and mark the
    records changed (a new ``data_version``). Every write to the records calls it, in
    the write's transaction, so the new version and the new records commit together.
    The recommendation and plan worked out here are kept for the next page view."""
    case = athlete_case(athlete)
    rec = recommend(case, web_catalog())
    latest = case.latest_test
    athlete.stage = rec.stage
    athlete.refer = rec.refer
    athlete.pain_flag = pain_flagged(case, web_catalog())
    athlete.last_test_date = latest.date if latest else None
    athlete.last_test_passed = latest.passed if latest else None
    athlete.data_version = new_data_version()
    athlete.save(update_fields=list(Athlete.SUMMARY_FIELDS))
    selectors.athlete_advice_keep(athlete=athlete, case=case, rec=rec)
    return athlete


@transaction.atomic
def test_record(
    *,
    athlete: Athlete,
    date: dt.date,
    faults: list[str],
    notes: str = "",
    by: Any = None,
    from_clip: bool = False,
    by_eye: Sequence[str] = (),
) -> HingeTest:
    """``from_clip``, ``by_eye``: saved from a clip, with the faults the coach judged by
    eye (``clips.services.clip_save_test``)."""
    check.record_date("date", date, athlete.date_of_birth)
    check.text("notes", notes)
    faults = check.known_ids("faults", faults, "faults")
    by_eye = check.known_ids("by_eye", by_eye, "faults")
    test = HingeTest.objects.create(
        athlete=athlete,
        date=date,
        faults=faults,
        notes=notes,
        recorded_by=by,
        from_clip=from_clip,
        by_eye=by_eye,
    )
    athlete_refresh(athlete=athlete)
    return test


@transaction.atomic
def pain_record(*, athlete: Athlete, date: dt.date, nrs: int) -> PainReport:
    check.record_date("date", date, athlete.date_of_birth)
    check.in_range("nrs", nrs, *check.NRS_RANGE)
    report = PainReport.objects.create(athlete=athlete, date=date, nrs=nrs)
    athlete_refresh(athlete=athlete)
    return report


@transaction.atomic
def tsk_record(
    *, athlete: Athlete, date: dt.date, total: int | None = None, items: list[int] | None = None
) -> TskScore:
    check.record_date("date", date, athlete.date_of_birth)
    from_items = check.tsk_items("items", items)
    if from_items is not None and total is not None and total != from_items:
        raise ValidationError({"total": f"{total} does not match the item scores ({from_items})"})
    total = from_items if from_items is not None else total
    if total is None:
        raise ValidationError({"total": "give a total or the 11 item scores"})
    check.in_range("total", total, *check.TSK_RANGE)
    score = TskScore.objects.create(athlete=athlete, date=date, total=total, items=items or None)
    athlete_refresh(athlete=athlete)
    return score


@transaction.atomic
def mastery_set(*, athlete: Athlete, exercises: list[str]) -> list[str]:
    """Make the athlete's mastered set exactly ``exercises`` (keeping earlier dates)."""
    wanted = check.known_ids("mastered", exercises, "exercises")
    athlete.masteries.exclude(exercise__in=wanted).delete()
    have = set(athlete.masteries.values_list("exercise", flat=True))
    for exercise in wanted:  # one by one, so the audit trail sees each
        if exercise not in have:
            Mastery.objects.create(athlete=athlete, exercise=exercise)
    athlete_refresh(athlete=athlete)
    return wanted


@transaction.atomic
def session_log(
    *,
    athlete: Athlete,
    date: dt.date,
    exercises: list[dict[str, Any]],
    pain_during: int | None = None,
    pain_next_morning: int | None = None,
    felt: str = "",
    notes: str = "",
    by: Any = None,
) -> TrainingSession:
    """Log a session; loads arrive in kilograms."""
    check.record_date("date", date, athlete.date_of_birth)
    check.in_range("pain_during", pain_during, *check.NRS_RANGE)
    check.in_range("pain_next_morning", pain_next_morning, *check.NRS_RANGE)
    check.text("notes", notes)
    rows = [_session_row(index, row) for index, row in enumerate(exercises)]
    session = TrainingSession.objects.create(
        athlete=athlete,
        date=date,
        pain_during=pain_during,
        pain_next_morning=pain_next_morning,
        felt=felt,
        notes=notes,
        logged_by=by,
    )
    for order, row in enumerate(rows):  # one by one, so the audit trail sees each
        SessionExercise.objects.create(session=session, order=order, **row)
    athlete_refresh(athlete=athlete)
    return session


def _session_row(index: int, row: dict[str, Any]) -> dict[str, Any]:
    field = f"exercises[{index}]"
    check.known_ids(f"{field}.exercise", [row.get("exercise", "")], "exercises")
    check.trained(f"{field}.exercise", row["exercise"])
    reps = [int(r) for r in row.get("reps") or []]
    sets = int(row.get("sets") or len(reps) or 0)
    check.in_range(f"{field}.sets", sets, *check.SETS_RANGE)
    if len(reps) not in (1, sets):
        raise ValidationError({f"{field}.reps": f"{len(reps)} rep counts given for {sets} sets"})
    for number, rep in enumerate(reps):
        check.in_range(f"{field}.reps[{number}]", rep, *check.REPS_RANGE)
    reps = reps * sets if len(reps) == 1 else reps
    return {"exercise": row["exercise"], "sets": sets, "reps": reps, **_row_load(field, row)}


def _row_load(field: str, row: dict[str, Any]) -> dict[str, Any]:
    """A row's load, given as ``load_kg`` or as the pounds typed (``load_lb``): kept as
    typed with its unit, and in kilograms for the engine."""
    unit = "lb" if row.get("load_lb") is not None else "kg"
    given = row.get(f"load_{unit}")
    if given is None:
        return {"load_kg": None, "load_logged": None, "load_unit": "kg"}
    logged = Decimal(str(given)).quantize(Decimal("0.01"))
    kg = display.unit_to_kg(logged, unit)
    if not Decimal(0) <= kg <= Decimal(500):
        top = "500" if unit == "kg" else display.number(display.kg_to_unit(500, unit))
        raise ValidationError({f"{field}.load_{unit}": f"{logged} is not in the range 0..{top}"})
    return {"load_kg": kg, "load_logged": logged, "load_unit": unit}


@transaction.atomic
def session_next_morning(*, session: TrainingSession, nrs: int, felt: str = "") -> None:
    check.in_range("pain_next_morning", nrs, *check.NRS_RANGE)
    session.pain_next_morning = nrs
    if felt:
        session.felt = felt[:200]
    session.save(update_fields=["pain_next_morning", "felt"])
    athlete_refresh(athlete=session.athlete)


CHECKIN_FELT = ("easy", "about right", "hard", "too hard")
CHECKIN_NOTE_MAX = 150


@transaction.atomic
def checkin_submit(
    *, athlete: Athlete, pain_next_morning: int, felt: str, note: str = ""
) -> TrainingSession:
    """An athlete's morning-after report, saved onto their most recent session.

    ``felt`` is one of ``CHECKIN_FELT``; the note follows it (``"hard: calves sore"``).
    With no session logged yet there is nothing to report on and nothing is saved.
    """
    if felt not in CHECKIN_FELT:
        raise ValidationError({"felt": f"{quoted(felt)} is not one of {', '.join(CHECKIN_FELT)}"})
    note = " ".join(note.split())
    if len(note) > CHECKIN_NOTE_MAX:
        raise ValidationError(
            {"note": f"{len(note)} characters is too long: at most {CHECKIN_NOTE_MAX}"}
        )
    session = athlete.sessions.order_by("-date", "-id").first()
    if session is None:
        raise ValidationError("no session has been logged yet, so there is nothing to report on")
    session_next_morning(
        session=session, nrs=pain_next_morning, felt=f"{felt}: {note}" if note else felt
    )
    return session


def checkin_link_create(*, athlete: Athlete) -> str:
    """A new private check-in token (returned once; only its digest is stored)."""
    raw = secrets.token_urlsafe(24)
    CheckinLink.objects.create(athlete=athlete, digest=_digest(raw))
    athlete_touch(athlete_id=athlete.pk)
    return raw


def checkin_link_revoke(*, link: CheckinLink) -> None:
    link.revoked = timezone.now()
    link.save(update_fields=["revoked"])
    athlete_touch(athlete_id=link.athlete_id)


def _digest(raw: str) -> str:
    from hingecoach.web.teams.models import ApiToken

    return ApiToken.digest_of(raw)
