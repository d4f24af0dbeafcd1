"""Making a shareable check-in link. Thin: the service writes, then back to the athlete."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import reverse

from hingecoach.web.athletes.selectors import athlete_get
from hingecoach.web.checkins import services
from hingecoach.web.requests import CoachRequest


@login_required
def checkin_share_create(request: CoachRequest, pk: int) -> HttpResponse:
    athlete = athlete_get(user=request.user, pk=pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    services.checkin_share_create(athlete=athlete, by=request.user)
    messages.success(request, f"New check-in link for {athlete.name}: copy it or show the QR code.")
    return redirect(reverse("athletes:detail", args=[athlete.pk]) + "#checkin-links")
