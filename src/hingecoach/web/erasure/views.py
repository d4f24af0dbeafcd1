"""The erase page: a head coach types the athlete's name to confirm."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render

from hingecoach.web.athletes.selectors import athlete_get
from hingecoach.web.erasure import selectors, services
from hingecoach.web.erasure.forms import EraseForm
from hingecoach.web.requests import CoachRequest
from hingecoach.web.teams.selectors import is_head_coach


@login_required
def athlete_erase(request: CoachRequest, pk: int) -> HttpResponse:
    athlete = athlete_get(user=request.user, pk=pk)
    if not is_head_coach(request.user):
        raise PermissionDenied("Only a head coach can erase an athlete.")
    form = EraseForm(request.POST or None, name=athlete.name)
    if request.method == "POST" and form.is_valid():
        name = athlete.name
        services.athlete_erase(athlete=athlete, by=request.user)
        messages.success(request, f"{name} and every record of theirs were erased.")
        return redirect("athletes:list")
    return render(
        request,
        "athletes/erase.html",
        {"athlete": athlete, "form": form, "counts": selectors.erasure_counts(athlete=athlete)},
    )
