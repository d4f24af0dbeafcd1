"""Pages for athletes. Thin: read with selectors, write with services."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from hingecoach.web.athletes import selectors


@login_required
def athlete_list(request: HttpRequest) -> HttpResponse:
    athletes = selectors.athlete_list(user=request.user, query=request.GET.get("q", ""))
    return render(request, "athletes/list.html", {"athletes": athletes})


@login_required
def athlete_detail(request: HttpRequest, pk: int) -> HttpResponse:
    athlete = selectors.athlete_get(user=request.user, pk=pk)
    rec = selectors.athlete_recommendation(athlete=athlete)
    return render(request, "athletes/detail.html", {"athlete": athlete, "rec": rec})
