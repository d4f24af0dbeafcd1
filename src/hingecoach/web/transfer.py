"""Export and import the database as JSON (Django's serializers: lossless).

An export is the whole database (``hingecoach export``, a backup) or one team's records
(a head coach's download from Settings); one writer makes both, record by record, so a
large team is never held in memory. A team's file is the same format and version with
the team named in ``team``: its coaches without their passwords, none of their API
tokens, and only the audit trail's entries about the team (``TEAM_PATHS``).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.core import serializers
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, models, transaction
from django.db.models import Q, QuerySet

from hingecoach.core import HingecoachError
from hingecoach.core.validation import quoted
from hingecoach.web.athletes.models import Athlete
from hingecoach.web.audit.selectors import audit_entries
from hingecoach.web.clips.models import Clip, clips_dir
from hingecoach.web.serialization import LosslessEncoder
from hingecoach.web.teams.models import Team

# Order matters on import: users before the teams and records that point at them; the
# audit trail last (its entries name records by number, and an import records nothing new).
# A clip's row (its analysis, the test it became) is exported; its video and key frames
# are files in the data folder (MEDIA_ROOT/clips, uploads/clips), copied with it, not put
# in the JSON.
MODELS = [
    "auth.user",
    "teams",
    "athletes",
    "checkins",
    "blocks",
    "gym",
    "clips",
    "auditlog.logentry",
]
# The project's models an export leaves out, and why.
LEFT_OUT = {
    "live.livesession": "a live session's landmarks are kept for hours only",
    "live.livepicture": "a live session's landmarks are kept for hours only",
}
FORMAT = "hingecoach-export"
VERSION = 1


# What loaddata raises for a record it cannot read or store; anything else is a bug.
REFUSED = (CommandError, DeserializationError, DatabaseError, ValidationError, ValueError)


class TransferError(HingecoachError):
    """An export file that cannot be imported: ``field`` names the file (and the part of
    it), ``message`` says why."""


# A team's file: each exported model's rows by the path from a row to its team. The
# coaches (users) and the audit trail's entries are chosen apart (``_team_rows``).
TEAM_PATHS = {
    "teams.team": "pk",
    "teams.membership": "team",
    "athletes.athlete": "team",
    "athletes.mastery": "athlete__team",
    "athletes.hingetest": "athlete__team",
    "athletes.painreport": "athlete__team",
    "athletes.tskscore": "athlete__team",
    "athletes.trainingsession": "athlete__team",
    "athletes.sessionexercise": "session__athlete__team",
    "athletes.checkinlink": "athlete__team",
    "checkins.checkinshare": "link__athlete__team",
    "blocks.trainingblock": "athlete__team",
    "gym.gymrun": "athlete__team",
    "clips.clip": "athlete__team",
}
# What the whole export holds and a team's file does not, and why.
LEFT_OUT_OF_TEAM = {"teams.apitoken": "an API token is its coach's own credential"}
BATCH = 500  # records read, serialized and sent at a time


class Export:
    """One export as pieces of JSON text, written or sent one after another; ``count``
    says how many records have gone so far. ``team``: that team's file, else the whole
    database."""

    def __init__(self, *, team: Team | None = None) -> None:
        self.team = team
        self.count = 0

    def __iter__(self) -> Iterator[str]:
        head: dict[str, Any] = {"format": FORMAT, "version": VERSION}
        if self.team is not None:
            head["team"] = {"id": self.team.pk, "name": self.team.name}
        yield json.dumps(head)[:-1] + ',\n "records": ['
        rows = _whole_rows() if self.team is None else _team_rows(self.team)
        for model, queryset in rows:
            ordered = _with_named(queryset).order_by(model._meta.pk.name)
            for batch in _batches(ordered.iterator(BATCH)):
                records = serializers.serialize("python", batch, use_natural_foreign_keys=True)
                yield "".join(self._line(record) for record in records)
        yield "\n]}\n"

    def _line(self, record: dict[str, Any]) -> str:
        if self.team is not None and record["model"] == "auth.user":
            record["fields"]["password"] = UNUSABLE_PASSWORD_PREFIX  # never a hash
        self.count += 1
        text = json.dumps(record, cls=LosslessEncoder, sort_keys=True)
        return ("\n" if self.count == 1 else ",\n") + text


def export_to(path: Path, *, team: Team | None = None) -> int:
    """Write an export (the whole database, or ``team``'s file) to ``path``; the count."""
    export = Export(team=team)
    with path.open("w", encoding="utf-8") as out:
        out.writelines(export)
    return export.count


def _with_named(queryset: QuerySet[Any]) -> QuerySet[Any]:
    """Rows with the records they name by natural key (a coach by username) read in the
    same query: one query per row otherwise."""
    named = [
        field.name
        for field in queryset.model._meta.concrete_fields
        if field.is_relation and hasattr(field.related_model, "natural_key")
    ]
    return queryset.select_related(*named) if named else queryset


def _batches(rows: Iterable[models.Model]) -> Iterator[list[models.Model]]:
    it = iter(rows)
    while batch := list(islice(it, BATCH)):
        yield batch


def exported_models() -> list[type[models.Model]]:
    """The models of ``MODELS`` in the order ``dumpdata`` would write them (a model that
    others name by natural key before them)."""
    chosen: dict[Any, list[type[models.Model]] | None] = {}
    for label in MODELS:
        if "." in label:
            model = apps.get_model(label)
            listed = chosen.setdefault(model._meta.app_config, [])
            if listed is not None:
                listed.append(model)
        else:
            chosen[apps.get_app_config(label)] = None
    return serializers.sort_dependencies(chosen.items(), allow_cycles=True)


Rows = Iterator[tuple[type[models.Model], QuerySet[Any]]]


def _whole_rows() -> Rows:
    for model in exported_models():
        yield model, model._default_manager.all()


def _team_rows(team: Team) -> Rows:
    """The team's rows of each exported model; its users are the team's coaches and
    anyone its records name (who logged a session, reviewed a clip, made an entry)."""
    chosen: dict[str, QuerySet[Any]] = {
        label: apps.get_model(label)._default_manager.filter(**{path: team.pk})
        for label, path in TEAM_PATHS.items()
    }
    chosen["auditlog.logentry"] = audit_entries(team=team).select_related(None)
    user = get_user_model()
    named = _users_named(chosen.values(), user)
    chosen[user._meta.label_lower] = user._default_manager.filter(
        Q(membership__team=team) | Q(pk__in=named)
    )
    for model in exported_models():
        if model._meta.label_lower in chosen:
            yield model, chosen[model._meta.label_lower]


def _users_named(querysets: Iterable[QuerySet[Any]], user: type[models.Model]) -> set[int]:
    named: set[int] = set()
    for queryset in querysets:
        for field in queryset.model._meta.concrete_fields:
            if field.is_relation and field.related_model is user:
                ids = queryset.exclude(**{field.attname: None}).values_list(field.attname)
                named.update(pk for (pk,) in ids.order_by().distinct())
    return named


PASSWORDS_NOTE = (
    "the coaches' passwords: after an import, each coach sets one with `hingecoach setpassword`"
)


def left_out_notes(*, team: Team | None = None) -> list[str]:
    """What an export (``team``'s file, or the whole database) does not hold and why, one
    line each, for the person running it."""
    left_out = LEFT_OUT if team is None else {**LEFT_OUT_OF_TEAM, **LEFT_OUT}
    by_reason: dict[str, list[str]] = defaultdict(list)
    for label, why in left_out.items():
        by_reason[why].append(str(apps.get_model(label)._meta.verbose_name_plural))
    notes = [f"{', '.join(names)}: {why}" for why, names in by_reason.items()]
    if team is not None:
        notes.append(PASSWORDS_NOTE)
    clips = (
        Clip.objects.all() if team is None else Clip.objects.filter(athlete__team=team)
    ).count()
    if clips:
        notes.append(
            f"the video files of {clips} clip{'s' if clips != 1 else ''} (their analyses are in "
            f"the file): copy the folder {clips_dir()} into the new data folder's uploads/clips"
        )
    return notes


def clips_without_files() -> int:
    """Clips whose video is not in this data folder (as after an import)."""
    return sum(1 for clip in Clip.objects.all() if not clip.video_path.is_file())


def import_from(path: Path) -> int:
    """Load an export into an empty database; refuses to mix with existing records."""
    records = _records(path)
    if Team.objects.exists() or Athlete.objects.exists():
        raise TransferError("", "the database already holds teams; import into an empty one")
    fixture = path.with_name(path.stem + ".records.json")
    fixture.write_text(json.dumps(records), encoding="utf-8")
    try:
        with transaction.atomic():
            call_command("loaddata", str(fixture), verbosity=0)
    except REFUSED as exc:
        raise TransferError(path.name, f"could not be loaded: {exc}") from None
    finally:
        fixture.unlink(missing_ok=True)
    return len(records)


def _records(path: Path) -> list:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise TransferError(str(path), "no such file") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise TransferError(path.name, f"not a JSON export ({exc})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise TransferError(f"{path.name}: format", f"expected '{FORMAT}'")
    if data.get("version") != VERSION:
        given = quoted(data.get("version"))
        raise TransferError(f"{path.name}: version", f"{given} is not supported")
    if not isinstance(data.get("records"), list):
        raise TransferError(f"{path.name}: records", "expected a list")
    return data["records"]
