"""Printout pages and PDFs. Thin: read the options and the athlete, ask
``hingecoach.printing``, answer with the page or the file.

Options come as query parameters (``size=a4|letter``, ``layout=single|four``; the poster
``size=a2|a1`` and ``athlete=<pk>``); a value not offered is a 400 naming it, an unknown
exercise a 404, and another team's athlete a 404 like everywhere else.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
)
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import reverse

from hingecoach import printing
from hingecoach.core import Case, plan
from hingecoach.web.athletes.case import athlete_case
from hingecoach.web.athletes.selectors import athlete_get
from hingecoach.web.catalog import web_catalog
from hingecoach.web.requests import CoachRequest
from hingecoach.web.teams.selectors import team_of

PDF = "application/pdf"
MAX_WEEKS = 52
SIZES = (("a4", "A4"), ("letter", "Letter"))
LAYOUTS = (("single", "One per page"), ("four", "Four per sheet"))


def refusing_bad_options(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A bad option is a 400 with the field and value; an unknown exercise id a 404."""

    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except printing.PrintError as exc:
            if exc.field == "ID":
                raise Http404(str(exc)) from None
            return HttpResponseBadRequest(str(exc), content_type="text/plain; charset=utf-8")

    return guarded


def _unit(request: CoachRequest) -> str:
    team = team_of(request.user)
    return getattr(team, "unit", None) or "kg"


def _options(request: HttpRequest) -> dict[str, str]:
    return {"size": request.GET.get("size", "a4"), "layout": request.GET.get("layout", "single")}


def _pdf(data: bytes, filename: str, *, download: bool = True) -> HttpResponse:
    response = HttpResponse(data, content_type=PDF)
    kind = "attachment" if download else "inline"
    response["Content-Disposition"] = f'{kind}; filename="{filename}"'
    return response


def _toolbar(
    request: HttpRequest, pdf_url: str, back_url: str, back_label: str, options: dict[str, str]
) -> dict[str, Any]:
    def choices(key: str, pairs: Iterable[tuple[str, str]]) -> dict[str, Any]:
        return {
            "label": key,
            "choices": [
                {
                    "label": label,
                    "current": options[key] == value,
                    "url": "?" + urlencode({**options, key: value}),
                }
                for value, label in pairs
            ],
        }

    return {
        "back_url": back_url,
        "back_label": back_label,
        "pdf_url": f"{pdf_url}?{urlencode(options)}",
        "script_url": static("hingecoach/print.js"),
        "options": [choices("size", SIZES), choices("layout", LAYOUTS)],
    }


@login_required
@refusing_bad_options
def cards_page(request: CoachRequest) -> HttpResponse:
    """Every coaching card as a printable page, with a Download PDF button."""
    options = _options(request)
    toolbar = _toolbar(
        request, reverse("printouts:cards-pdf"), reverse("catalog:ladder"), "Catalog", options
    )
    return HttpResponse(
        printing.cards_page(web_catalog(), units=_unit(request), toolbar=toolbar, **options)
    )


@login_required
@refusing_bad_options
def card_page(request: CoachRequest, exercise_id: str) -> HttpResponse:
    options = _options(request)
    catalog = web_catalog()
    toolbar = _toolbar(
        request,
        reverse("printouts:card-pdf", args=[exercise_id]),
        reverse("catalog:exercise", args=[exercise_id]),
        "Exercise",
        options,
    )
    title = (
        f"Card · {catalog.exercises[exercise_id].name}"
        if exercise_id in catalog.exercises
        else "Card"
    )
    return HttpResponse(
        printing.cards_page(
            catalog, [exercise_id], units=_unit(request), title=title, toolbar=toolbar, **options
        )
    )


@login_required
@refusing_bad_options
def cards_pdf(request: CoachRequest) -> HttpResponse:
    """``?ids=a,b`` for some cards (default: all)."""
    ids = [i for i in request.GET.get("ids", "").split(",") if i]
    deck = printing.cards_pdf(web_catalog(), ids, units=_unit(request), **_options(request))
    return _pdf(deck.pdf, "hinge-cards.pdf")


@login_required
@refusing_bad_options
def card_pdf(request: CoachRequest, exercise_id: str) -> HttpResponse:
    deck = printing.cards_pdf(
        web_catalog(), [exercise_id], units=_unit(request), **_options(request)
    )
    return _pdf(deck.pdf, f"card-{exercise_id}.pdf")


def _athlete_and_case(request: CoachRequest, pk: int) -> tuple[Any, Case]:
    athlete = athlete_get(user=request.user, pk=pk)
    return athlete, athlete_case(athlete)


def _slug(name: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in name.lower()).split()) or "athlete"


@login_required
@refusing_bad_options
def athlete_sheet_pdf(request: CoachRequest, pk: int) -> HttpResponse:
    """Today's session sheet for the athlete; ``?weeks=N`` for a block, a page a week."""
    athlete, case = _athlete_and_case(request, pk)
    sheet = printing.sheet_pdf(
        web_catalog(),
        case,
        weeks=_weeks(request),
        units=_unit(request),
        athlete=athlete.name,
        size=request.GET.get("size", "a4"),
    )
    return _pdf(sheet.pdf, f"session-{_slug(athlete.name)}.pdf")


def _weeks(request: HttpRequest) -> int | None:
    text = request.GET.get("weeks")
    if not text:
        return None
    if not text.isdigit() or not 1 <= int(text) <= MAX_WEEKS:
        raise printing.PrintError("weeks", f"'{text}' is not a whole number in 1..{MAX_WEEKS}")
    return int(text)


@login_required
@refusing_bad_options
def athlete_cards_pdf(request: CoachRequest, pk: int) -> HttpResponse:
    """The cards of today's session, in the session's order."""
    athlete, case = _athlete_and_case(request, pk)
    ids = [item.exercise for item in plan(case, web_catalog()).session]
    if not ids:
        messages.info(request, "No session today, so no cards to print.")
        return redirect("athletes:detail", pk=athlete.pk)
    deck = printing.cards_pdf(web_catalog(), ids, units=_unit(request), **_options(request))
    return _pdf(deck.pdf, f"cards-{_slug(athlete.name)}.pdf")


def _poster_case(request: CoachRequest) -> Case | None:
    pk = request.GET.get("athlete")
    if not pk:
        return None
    if not pk.isdigit():
        raise Http404("No such athlete")
    return _athlete_and_case(request, int(pk))[1]


@login_required
@refusing_bad_options
def poster_pdf(request: CoachRequest) -> HttpResponse:
    """The ladder poster; ``?athlete=<pk>`` marks that athlete, ``?size=a1`` for A1."""
    data = printing.poster_pdf(
        web_catalog(), _poster_case(request), size=request.GET.get("size", "a2")
    )
    return _pdf(data, "hinge-ladder-poster.pdf")


@login_required
@refusing_bad_options
def poster_svg(request: CoachRequest) -> HttpResponse:
    svg = printing.poster_svg(
        web_catalog(), _poster_case(request), size=request.GET.get("size", "a2")
    )
    response = HttpResponse(svg, content_type="image/svg+xml")
    response["Content-Disposition"] = 'attachment; filename="hinge-ladder-poster.svg"'
    return response
