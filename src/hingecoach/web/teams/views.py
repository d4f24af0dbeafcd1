"""The coach's settings page: password and API tokens; for a head coach the coaches and unit.

Each form posts to its own URL; a refused submit re-renders the whole page with the
reason next to the field. A new token's raw value is shown once, in the response to the
POST that made it, and is never stored.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_POST

from hingecoach.web.common.forms import run_service
from hingecoach.web.requests import CoachRequest
from hingecoach.web.teams import selectors, services
from hingecoach.web.teams.forms import TokenForm, UnitForm
from hingecoach.web.teams.models import Team


def _page(request: CoachRequest, **context: Any) -> HttpResponse:
    team = selectors.team_of(request.user)
    head = selectors.is_head_coach(request.user)
    context.setdefault("token_form", TokenForm())
    if head and team is not None:
        context.setdefault("unit_form", UnitForm(initial={"unit": team.unit}))
        context["coaches"] = selectors.team_coaches(team=team)
    context["tokens"] = selectors.api_token_list(user=request.user)
    context["is_head"] = head
    return render(request, "teams/settings.html", context)


def _head_team(request: CoachRequest) -> Team:
    team = selectors.team_of(request.user)
    if team is None or not selectors.is_head_coach(request.user):
        raise PermissionDenied("Only a head coach can change the team.")
    return team


@login_required
def settings_page(request: CoachRequest) -> HttpResponse:
    return _page(request)


@login_required
@require_POST
def token_create(request: CoachRequest) -> HttpResponse:
    form = TokenForm(request.POST)
    raw = (
        run_service(
            form, services.api_token_create, user=request.user, name=form.cleaned_data["name"]
        )
        if form.is_valid()
        else None
    )
    response = _page(request, token_form=TokenForm() if raw else form, new_token=raw or None)
    patch_cache_control(response, no_store=True)
    return response


@login_required
@require_POST
def token_revoke(request: CoachRequest, pk: int) -> HttpResponse:
    token = selectors.api_token_get(user=request.user, pk=pk)
    services.api_token_revoke(token=token)
    messages.success(request, f"Token '{token.name}' revoked.")
    return redirect("teams:settings")


@login_required
@require_POST
def unit_set(request: CoachRequest) -> HttpResponse:
    team = _head_team(request)
    form = UnitForm(request.POST)
    if (
        form.is_valid()
        and run_service(form, services.team_set_unit, team=team, unit=form.cleaned_data["unit"])
        is not None
    ):
        messages.success(request, f"Loads now shown in {team.get_unit_display()}.")
        return redirect("teams:settings")
    return _page(request, unit_form=form)
