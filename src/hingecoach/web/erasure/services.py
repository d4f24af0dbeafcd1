"""The one way an athlete is erased."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from hingecoach.web.athletes.models import Athlete
from hingecoach.web.athletes.services import athlete_cache_forget
from hingecoach.web.audit.services import audit_erasure, audit_paused
from hingecoach.web.clips.services import athlete_clips_erase


@transaction.atomic
def athlete_erase(*, athlete: Athlete, by: Any = None) -> None:
    """Erase an athlete with every record and clip (health data); head coaches only,
    checked by the caller. The audit trail keeps only that ``by`` erased them, and when.
    The clips' files go once the transaction commits."""
    with audit_paused():
        athlete_clips_erase(athlete=athlete)
        audit_erasure(athlete=athlete, by=by)
        athlete_cache_forget(athlete=athlete)
        athlete.delete()  # the records go with it (on_delete=CASCADE)
