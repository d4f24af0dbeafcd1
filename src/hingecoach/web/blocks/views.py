"""Block pages. Thin: the form reads, the service writes, the selectors read, and a week
runs through gym mode's own view (logged against the block and the week)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify

from hingecoach import printing
from hingecoach.web.athletes.selectors import athlete_get
from hingecoach.web.blocks import selectors, services
from hingecoach.web.blocks.forms import BlockForm
from hingecoach.web.blocks.models import TrainingBlock
from hingecoach.web.catalog import web_catalog
from hingecoach.web.common.forms import run_service
from hingecoach.web.gym.views import gym_run
from hingecoach.web.requests import CoachRequest


def _to_block(block: TrainingBlock) -> HttpResponse:
    return redirect(reverse("athletes:detail", args=[block.athlete_id]) + "#block")


@login_required
def block_assign(request: CoachRequest, pk: int) -> HttpResponse:
    """Assign a block of N weeks; the one running before ends today."""
    athlete = athlete_get(user=request.user, pk=pk)
    form = BlockForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        block = run_service(
            form,
            services.block_assign,
            athlete=athlete,
            catalog=web_catalog(),
            by=request.user,
            **form.cleaned_data,
        )
        if block is not None:
            messages.success(request, f"{block.weeks}-week block assigned to {athlete.name}.")
            return _to_block(block)
    status = 400 if form.errors else 200
    return render(request, "blocks/assign.html", {"athlete": athlete, "form": form}, status=status)


@login_required
def block_end(request: CoachRequest, pk: int) -> HttpResponse:
    block = selectors.block_get(user=request.user, pk=pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    services.block_end(block=block)
    messages.success(request, "Block ended: it stays in the history.")
    return _to_block(block)


@login_required
def block_gym(request: CoachRequest, pk: int, week: int) -> HttpResponse:
    """Run a week of the block in gym mode (``?session=`` a step back's session)."""
    block = selectors.block_get(user=request.user, pk=pk)
    try:
        items = selectors.block_session(
            block=block, week=week, choice=request.GET.get("session", "planned")
        )
    except ValidationError as exc:
        return _refused(exc)
    return gym_run(request, block.athlete, items=items, block=block, week=week)


@login_required
def block_sheet(request: CoachRequest, pk: int) -> HttpResponse:
    """The stored block on paper: the session sheet, one page per week."""
    block = selectors.block_get(user=request.user, pk=pk)
    athlete = block.athlete
    try:
        sheet = printing.block_sheet_pdf(
            web_catalog(),
            selectors.block_built(block=block),
            size=request.GET.get("size", "a4"),
            units=athlete.team.unit,
            athlete=athlete.name,
        )
    except printing.PrintError as exc:
        return HttpResponseBadRequest(str(exc), content_type="text/plain; charset=utf-8")
    response = HttpResponse(sheet.pdf, content_type="application/pdf")
    name = f"block-{slugify(athlete.name) or 'athlete'}-{block.start.isoformat()}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _refused(exc: ValidationError) -> HttpResponse:
    text = "; ".join(f"{name}: {' '.join(found)}" for name, found in exc.message_dict.items())
    return HttpResponseBadRequest(text, content_type="text/plain; charset=utf-8")
