"""The gym page. Thin: the selector draws the steps, the form reads the post, the service
saves. With JavaScript the page posts with fetch and gets JSON back; without it, a plain
form post that redirects or shows the page again with the errors and every value kept."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse

from hingecoach.core.results import SessionItem
from hingecoach.web.athletes.models import Athlete
from hingecoach.web.athletes.selectors import athlete_get
from hingecoach.web.catalog import web_catalog
from hingecoach.web.changes.selectors import athlete_brief
from hingecoach.web.changes.services import change_remember
from hingecoach.web.gym import selectors, services
from hingecoach.web.gym.forms import gym_done_from_post, load_top
from hingecoach.web.requests import CoachRequest


@login_required
def gym_page(request: CoachRequest, pk: int) -> HttpResponse:
    athlete = athlete_get(user=request.user, pk=pk)
    return gym_run(request, athlete)


def gym_run(
    request: CoachRequest,
    athlete: Athlete,
    *,
    items: list[SessionItem] | None = None,
    block: Any = None,
    week: int | None = None,
) -> HttpResponse:
    """Show or save a gym session; ``items``, ``block`` and ``week`` run a block's week."""
    catalog = web_catalog()
    gym = selectors.gym_plan(athlete=athlete, catalog=catalog, items=items)
    faults = selectors.fault_choices(catalog=catalog)
    errors: dict[str, list[str]] = {}
    if request.method == "POST" and not gym.refer:
        before = athlete_brief(athlete=athlete)
        try:
            done = gym_done_from_post(
                request.POST, unit=athlete.team.unit, faults=[f for f, _ in faults]
            )
            run = services.gym_run_save(
                athlete=athlete,
                done=done,
                by=request.user,
                block_id=getattr(block, "pk", None),
                block_week=week,
            )
        except ValidationError as exc:
            errors = exc.message_dict if hasattr(exc, "error_dict") else {"": exc.messages}
        else:
            return _saved(request, athlete, before, run.session is None, week)
        if _wants_json(request):
            return JsonResponse({"errors": errors}, status=400)
    context = {
        "athlete": athlete,
        "gym": gym,
        "faults": faults,
        "errors": errors,
        "pain_scale": range(11),
        "load_top": load_top(athlete.team.unit),
        "posted": request.POST if errors else None,
        "block": block,
        "week": week,
        "key": request.POST.get("key") if errors else str(uuid.uuid4()),
    }
    return render(request, "gym/page.html", context, status=400 if errors else 200)


def _saved(
    request: HttpRequest,
    athlete: Athlete,
    before: Any,
    no_session: bool,
    week: int | None = None,
) -> HttpResponse:
    """``no_session``: no set was ticked, so the run saved a test or masteries only."""
    change_remember(request=request, athlete=athlete, record="gym session", before=before)
    url = reverse("athletes:detail", args=[athlete.pk])
    if no_session:  # said on the athlete's page, after a form or the script
        messages.info(request, _no_session_text(week))
    if _wants_json(request):
        return JsonResponse({"saved": True, "url": url})
    if not no_session:
        messages.success(request, "Gym session saved.")
    return HttpResponse(status=302, headers={"Location": url})


def _no_session_text(week: int | None) -> str:
    if week is not None:
        return (
            f"Saved. Week {week} is not marked done: no set was ticked, so no session "
            "was logged. Run the week again when the sets are done."
        )
    return (
        "Saved the test and drills answered. No set was ticked, so no training session was logged."
    )


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")
