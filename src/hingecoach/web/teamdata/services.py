"""The one way a team's data leaves the app through the web: recorded, then written."""

from __future__ import annotations

from typing import Any

from hingecoach.web.audit.services import audit_team_download
from hingecoach.web.teams.models import Team
from hingecoach.web.transfer import Export


def team_data_download(*, team: Team, by: Any) -> Export:
    """The team's file, to send piece by piece; the audit trail says who took it and
    when (the entry is in the file too). Head coaches only, checked by the caller."""
    audit_team_download(team=team, by=by)
    return Export(team=team)
