"""The head coach's page of who changed what."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render

from hingecoach.web.audit.display import audit_lines
from hingecoach.web.audit.selectors import audit_entries
from hingecoach.web.requests import CoachRequest
from hingecoach.web.teams.selectors import is_head_coach, team_of

PAGE_SIZE = 50


@login_required
def audit_list(request: CoachRequest) -> HttpResponse:
    team = team_of(request.user)
    if team is None or not is_head_coach(request.user):
        raise PermissionDenied("Only a head coach can read the audit trail.")
    page = Paginator(audit_entries(team=team), PAGE_SIZE).get_page(request.GET.get("page"))
    lines = audit_lines(list(page.object_list))
    return render(request, "audit/list.html", {"page": page, "lines": lines})
