"""The team's data as a download: a POST (it is recorded), sent as it is written."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from hingecoach.web.requests import CoachRequest
from hingecoach.web.teamdata import services
from hingecoach.web.teams.models import Team
from hingecoach.web.teams.selectors import is_head_coach, team_of


def data_filename(team: Team) -> str:
    stem = slugify(team.name) or f"team-{team.pk}"
    return f"{stem}-hingecoach-{timezone.localdate().isoformat()}.json"


@login_required
@require_POST
def team_data(request: CoachRequest) -> StreamingHttpResponse:
    team = team_of(request.user)
    if team is None or not is_head_coach(request.user):
        raise PermissionDenied("Only a head coach can download the team's data.")
    export = services.team_data_download(team=team, by=request.user)
    disposition = content_disposition_header(as_attachment=True, filename=data_filename(team))
    response = StreamingHttpResponse(
        export, content_type="application/json", headers={"Content-Disposition": disposition}
    )
    patch_cache_control(response, no_store=True)
    return response
