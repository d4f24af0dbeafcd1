"""Export and import the whole database as JSON (Django's serializers: lossless)."""

from __future__ import annotations

import io
import json
from collections import defaultdict
from pathlib import Path

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, transaction

from hingecoach.core import HingecoachError
from hingecoach.core.validation import quoted
from hingecoach.web.athletes.models import Athlete
from hingecoach.web.clips.models import Clip, clips_dir
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


def export_database() -> dict:
    buffer = io.StringIO()
    call_command("dumpdata", *MODELS, format="export-json", natural_foreign=True, stdout=buffer)
    return {"format": FORMAT, "version": VERSION, "records": json.loads(buffer.getvalue())}


def export_to(path: Path) -> int:
    data = export_database()
    path.write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")
    return len(data["records"])


def left_out_notes() -> list[str]:
    """What an export does not hold and why, one line each, for the person running it."""
    by_reason: dict[str, list[str]] = defaultdict(list)
    for label, why in LEFT_OUT.items():
        by_reason[why].append(str(apps.get_model(label)._meta.verbose_name_plural))
    notes = [f"{', '.join(names)}: {why}" for why, names in by_reason.items()]
    clips = Clip.objects.count()
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
