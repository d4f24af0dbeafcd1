"""Pages for athletes. Thin: read with selectors, write with services.

Every view that names an athlete starts with ``selectors.athlete_get`` (before checking
the method or the role), so another team's athlete is a 404 for every page, GET or POST.
A refused write re-renders its form with the reason next to the field and saves nothing.
"""

from __future__ import annotations

import functools
from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.functional import SimpleLazyObject
from django.utils.http import content_disposition_header
from django.views.decorators.vary import vary_on_headers

from hingecoach.core import Plan, Recommendation
from hingecoach.web.athletes import charts, exports, listing, parts, selectors, services
from hingecoach.web.athletes.forms import (
    AthleteFilterForm,
    AthleteForm,
    HingeTestForm,
    MasteryForm,
    NextMorningForm,
    PainForm,
    SessionForm,
    SessionRowFormSet,
    TestPreviewForm,
    TskForm,
    filter_fields,
    plan_rows,
    session_errors,
)
from hingecoach.web.athletes.models import Athlete
from hingecoach.web.common import pagecache
from hingecoach.web.common.forms import add_service_errors, run_service
from hingecoach.web.requests import CoachRequest
from hingecoach.web.teams.models import Team
from hingecoach.web.teams.selectors import is_head_coach, team_of

PAGE_SIZE = 50


def _team(request: CoachRequest) -> Team:
    team = team_of(request.user)
    if team is None:
        raise PermissionDenied("You are not in a team yet: ask your head coach to add you.")
    return team


def _to_detail(athlete: Athlete) -> HttpResponse:
    return redirect("athletes:detail", pk=athlete.pk)


# --- list, create, edit, archive -------------------------------------------------------


@login_required
@vary_on_headers("HX-Request")
def athlete_list(request: CoachRequest) -> HttpResponse:
    filters = AthleteFilterForm(request.GET)
    chosen = filters.selector_kwargs()
    athletes = selectors.athlete_list(user=request.user, **chosen)
    keys = athletes.values_list(*listing.KEY_FIELDS)
    page = Paginator(keys, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    team = team_of(request.user)
    view = "" if chosen["query"] else repr((sorted(chosen.items()), page.number))
    context = {
        "rows_html": listing.rows_html(team.pk if team else None, view, list(page.object_list)),
        "page": page,
        "filters": filters,
        "filter_fields": filter_fields(request.GET),
        "query": query.urlencode(),
    }
    if request.htmx and not request.htmx.history_restore_request:
        return render(request, "athletes/_results.html", context)
    return render(request, "athletes/list.html", context)


@login_required
def athlete_create(request: CoachRequest) -> HttpResponse:
    team = _team(request)
    form = AthleteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        athlete = run_service(form, services.athlete_create, team=team, **form.cleaned_data)
        if athlete is not None:
            messages.success(request, f"{athlete.name} added.")
            return _to_detail(athlete)
    return render(request, "athletes/form.html", {"form": form, "athlete": None})


@login_required
def athlete_edit(request: CoachRequest, pk: int) -> HttpResponse:
    athlete = selectors.athlete_get(user=request.user, pk=pk)
    form = AthleteForm(request.POST or None, initial=AthleteForm.initial_for(athlete))
    if request.method == "POST" and form.is_valid():
        if run_service(form, services.athlete_update, athlete=athlete, **form.cleaned_data):
            messages.success(request, "Profile saved.")
            return _to_detail(athlete)
        athlete.refresh_from_db()
    return render(request, "athletes/form.html", {"form": form, "athlete": athlete})


@login_required
def athlete_archive(request: CoachRequest, pk: int) -> HttpResponse:
    athlete = selectors.athlete_get(user=request.user, pk=pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    archived = request.POST.get("archived") == "1"
    services.athlete_archive(athlete=athlete, archived=archived)
    messages.success(request, f"{athlete.name} {'archived' if archived else 'back in the list'}.")
    return _to_detail(athlete)


# --- the athlete's page -----------------------------------------------------------------


def _advice(
    request: CoachRequest,
    athlete: Athlete,
    pain_form: PainForm | None = None,
    version: str | None = None,
) -> dict[str, Any]:
    """The athlete's status, recommendation, today's plan and the page's kept parts (kept
    until what they show changes), with the pain-now form. The recommendation and plan
    are read from the cache only if something on the page needs them besides the kept
    parts. ``version``: the athlete's data version, when it was read in this request
    with no write since."""
    stamp = selectors.athlete_stamp(athlete=athlete, version=version)
    advice = functools.cache(lambda: selectors.athlete_advice(athlete=athlete, stamp=stamp))
    rec = cast(Recommendation, SimpleLazyObject(lambda: advice()[0]))
    today = cast(Plan, SimpleLazyObject(lambda: advice()[1]))
    return {
        "athlete": athlete,
        "rec": rec,
        "plan": today,
        "parts": parts.kept_parts(athlete, rec, today, stamp, request),
        "pain_form": pain_form or PainForm(),
        "pain_field": parts.blank_pain_field() if pain_form is None else None,
    }


def _charts(athlete: Athlete, unit: str) -> dict[str, Any]:
    """The history charts, drawn (or read from the cache) in a request of their own so the
    athlete's page does not wait for them. Each chart is kept under a digest of what it
    draws (``charts.cached``), and the three together under the records' version, which
    spares reading every session to work out those digests."""
    sessions = list(selectors.athlete_sessions(athlete=athlete))
    tests = list(selectors.athlete_tests(athlete=athlete))
    reports = list(selectors.athlete_pain_reports(athlete=athlete))
    return {
        "tests_chart": charts.cached(
            "tests", charts.tests_fingerprint(tests), lambda: charts.test_timeline(tests)
        ),
        "pain_chart": charts.cached(
            "pain",
            charts.pain_fingerprint(sessions, reports),
            lambda: charts.pain_chart(sessions, reports),
        ),
        "loads_chart": charts.cached(
            "loads",
            charts.loads_fingerprint(sessions, unit),
            lambda: charts.loads_chart(sessions, unit),
        ),
    }


def _detail_page(
    request: CoachRequest, athlete: Athlete, new_url: str | None = None, version: str | None = None
) -> HttpResponse:
    context = _advice(request, athlete, version=version)
    if new_url:  # shown this once: the check-in card is rendered afresh around it
        context.update(parts.checkins_context(athlete, new_url))
    context["can_erase"] = is_head_coach(request.user)
    return render(request, "athletes/detail.html", context)


@login_required
def athlete_detail(request: CoachRequest, pk: int) -> HttpResponse:
    athlete = selectors.athlete_get(user=request.user, pk=pk)
    return _detail_page(request, athlete, version=athlete.data_version)  # read just now


@login_required
def athlete_charts(request: CoachRequest, pk: int) -> HttpResponse:
    athlete = selectors.athlete_get(user=request.user, pk=pk)
    unit = athlete.team.unit
    drawn = pagecache.slot(
        f"athlete:{athlete.pk}:charts",
        pagecache.stamp(selectors.athlete_stamp(athlete=athlete), unit),
        lambda: _charts(athlete, unit),
    )
    context = {"team": athlete.team, **drawn}
    if request.htmx:
        return render(request, "athletes/_charts.html", context)
    return render(request, "athletes/charts.html", {"athlete": athlete, **context})


# --- exports ----------------------------------------------------------------------------


@login_required
def athlete_export(request: CoachRequest, pk: int, fmt: str) -> HttpResponse:
    """The athlete's whole record as a download: ``export.json`` or ``export.csv``."""
    athlete = selectors.athlete_get(user=request.user, pk=pk)
    if fmt == "json":
        body, content_type = exports.athlete_export_json(athlete), "application/json"
    elif fmt == "csv":
        body, content_type = exports.athlete_export_csv(athlete), "text/csv; charset=utf-8"
    else:
        raise Http404(f"No export as '{fmt}': csv or json")
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = (
        content_disposition_header(
            as_attachment=True, filename=exports.export_filename(athlete, fmt)
        )
        or "attachment"
    )
    patch_cache_control(response, no_store=True, private=True)
    return response


# --- private check-in links -------------------------------------------------------------


@login_required
def checkin_link_create(request: CoachRequest, pk: int) -> HttpResponse:
    """Make a link and show its full address in this response only (never stored)."""
    athlete = selectors.athlete_get(user=request.user, pk=pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    raw = services.checkin_link_create(athlete=athlete)
    url = request.build_absolute_uri(reverse("checkin", args=[raw]))
    response = _detail_page(request, athlete, new_url=url)
    patch_cache_control(response, no_store=True)
    return response


@login_required
def checkin_link_revoke(request: CoachRequest, pk: int, link_pk: int) -> HttpResponse:
    athlete = selectors.athlete_get(user=request.user, pk=pk)
    link = selectors.checkin_link_get(athlete=athlete, pk=link_pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    services.checkin_link_revoke(link=link)
    messages.success(request, "Check-in link revoked: it no longer opens.")
    return _to_detail(athlete)


# --- records: test, pain, TSK-11, mastered ----------------------------------------------


@login_required
def test_record(request: CoachRequest, pk: int) -> HttpResponse:
    athlete = selectors.athlete_get(user=request.user, pk=pk)
    form = HingeTestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        test = run_service(
            form, services.test_record, athlete=athlete, by=request.user, **form.cleaned_data
        )
        if test is not None:
            messages.success(request, "Test recorded: " + ("passed." if test.passed else "failed."))
            return _to_detail(athlete)
    rec = selectors.athlete_recommendation(athlete=athlete)
    return render(
        request,
        "athletes/test_form.html",
        {"athlete": athlete, "form": form, "rec": rec, "preview": False},
    )


@login_required
def test_preview(request: CoachRequest, pk: int) -> HttpResponse:
    """htmx: the recommendation as it would be with the faults ticked so far (saves nothing).
    Bad input is answered in the panel, each field and why, as the save words it: 200, as
    htmx swaps only a success in, so the old preview never stays up beside a refusal."""
    athlete = selectors.athlete_get(user=request.user, pk=pk)
    form = TestPreviewForm(request.GET)
    rec = None
    if form.is_valid():
        rec = run_service(
            form,
            selectors.athlete_recommendation_preview,
            athlete=athlete,
            test_faults=form.cleaned_data["faults"],
            test_date=form.cleaned_data["date"],
        )
    return render(
        request,
        "athletes/_preview.html",
        {"athlete": athlete, "rec": rec, "preview": True, "refused": form if rec is None else None},
    )


@login_required
def pain_record(request: CoachRequest, pk: int) -> HttpResponse:
    athlete = selectors.athlete_get(user=request.user, pk=pk)
    form = PainForm(request.POST or None)
    saved = None
    if request.method == "POST" and form.is_valid():
        saved = run_service(form, services.pain_record, athlete=athlete, **form.cleaned_data)
    if request.htmx:
        athlete.refresh_from_db()
        return render(
            request,
            "athletes/_advice.html",
            _advice(request, athlete, None if saved else form) | {"oob": True},
        )
    if saved is not None:
        messages.success(request, f"Pain now recorded: {saved.nrs}/10.")
        return _to_detail(athlete)
    return render(
        request,
        "athletes/record_form.html",
        {"athlete": athlete, "form": form, "title": "Pain now"},
    )


@login_required
def tsk_record(request: CoachRequest, pk: int) -> HttpResponse:
    athlete = selectors.athlete_get(user=request.user, pk=pk)
    form = TskForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        score = run_service(
            form,
            services.tsk_record,
            athlete=athlete,
            date=data["date"],
            total=data["total"],
            items=data["items"],
        )
        if score is not None:
            messages.success(request, f"TSK-11 recorded: {score.total}.")
            return _to_detail(athlete)
    return render(request, "athletes/tsk_form.html", {"athlete": athlete, "form": form})


@login_required
def mastery_edit(request: CoachRequest, pk: int) -> HttpResponse:
    athlete = selectors.athlete_get(user=request.user, pk=pk)
    initial = {"exercises": selectors.athlete_mastered(athlete=athlete)}
    form = MasteryForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        done = run_service(
            form, services.mastery_set, athlete=athlete, exercises=form.cleaned_data["exercises"]
        )
        if done is not None:
            messages.success(request, f"Mastered list saved ({len(done)}).")
            return _to_detail(athlete)
    return render(request, "athletes/mastery_form.html", {"athlete": athlete, "form": form})


# --- sessions ---------------------------------------------------------------------------


@login_required
def session_log(request: CoachRequest, pk: int) -> HttpResponse:
    athlete = selectors.athlete_get(user=request.user, pk=pk)
    unit = athlete.team.unit
    today = selectors.athlete_plan(athlete=athlete)
    form = SessionForm(request.POST or None)
    last = selectors.athlete_last_loads(
        athlete=athlete, exercises=[item.exercise for item in today.session]
    )
    rows = SessionRowFormSet(
        request.POST or None,
        prefix="ex",
        form_kwargs={"unit": unit},
        initial=plan_rows(today.session, unit, last),
    )
    posted = request.method == "POST" and form.is_valid() and rows.is_valid()
    if posted and _log(request, athlete, form, rows):
        messages.success(request, "Session logged.")
        return _to_detail(athlete)
    return render(
        request,
        "athletes/session_form.html",
        {
            "athlete": athlete,
            "form": form,
            "rows": rows,
            "plan": today,
            "errors": session_errors(form, rows) if request.method == "POST" else [],
        },
    )


def _log(request: CoachRequest, athlete: Athlete, form: SessionForm, rows: Any) -> bool:
    """Log the ticked rows; a refusal is shown next to the row and field it names."""
    done = [row for row in rows if row.included]
    if not done:
        form.add_error(None, "Tick at least one exercise that was done.")
        return False
    data = form.cleaned_data
    try:
        services.session_log(
            athlete=athlete,
            date=data["date"],
            notes=data["notes"],
            pain_during=data["pain_during"],
            by=request.user,
            exercises=[row.service_row() for row in done],
        )
    except ValidationError as exc:
        _row_errors(form, done, exc)
        return False
    return True


def _row_errors(form: SessionForm, done: list[Any], exc: ValidationError) -> None:
    names = {"sets": "sets", "reps": "reps", "exercise": "exercise"}
    names |= {"load_kg": "load", "load_lb": "load"}
    for key, messages_ in exc.message_dict.items():
        if key.startswith("exercises["):
            index, _, field = key[len("exercises[") :].partition("].")
            row = done[int(index)]
            row.add_error(names.get(field.split("[")[0]), messages_)
        else:
            add_service_errors(form, ValidationError({key: messages_}))


@login_required
def session_next_morning(request: CoachRequest, pk: int, session_pk: int) -> HttpResponse:
    athlete = selectors.athlete_get(user=request.user, pk=pk)
    session = selectors.athlete_session_get(athlete=athlete, pk=session_pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = NextMorningForm(request.POST)
    if form.is_valid():
        try:
            services.session_next_morning(session=session, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
    if form.errors:
        errors = "; ".join(str(m) for ms in form.errors.values() for m in ms)
        messages.error(request, f"Pain next morning not saved: {errors}")
    else:
        messages.success(request, f"Pain next morning recorded for {session.date:%d %b}.")
    return _to_detail(athlete)
