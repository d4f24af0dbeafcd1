"""The coach's settings page: API tokens, and for a head coach the team's coaches."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


@login_required
def settings_page(request: HttpRequest) -> HttpResponse:
    return render(request, "teams/settings.html", {})
