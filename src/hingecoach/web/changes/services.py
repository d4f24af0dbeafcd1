"""Writes: remember the athlete's brief before a record, for the page shown after it.

The brief waits in the coach's session (not the database) until the athlete's page
shows it once.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse

from hingecoach.web.athletes.models import Athlete
from hingecoach.web.athletes.selectors import athlete_get
from hingecoach.web.changes.selectors import Brief, athlete_brief

SESSION_KEY = "changed:{pk}"


def change_remember(*, request: HttpRequest, athlete: Athlete, record: str, before: Brief) -> None:
    request.session[SESSION_KEY.format(pk=athlete.pk)] = {
        "record": record,
        "before": before.as_data(),
    }


def change_take(*, request: HttpRequest, athlete: Athlete) -> tuple[str, Brief] | None:
    """The brief remembered for ``athlete``, once: it is forgotten as it is read."""
    saved = request.session.pop(SESSION_KEY.format(pk=athlete.pk), None)
    if not isinstance(saved, dict):
        return None
    try:
        return str(saved["record"]), Brief.from_data(saved["before"])
    except (KeyError, TypeError):
        return None


def remembering_changes(
    record: str,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Wrap a record's view: a POST that saves (answers with a redirect) leaves the brief
    from before it for the athlete's page; a refused POST leaves nothing."""

    def wrap(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def remembering(request: HttpRequest, pk: int, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method != "POST" or not request.user.is_authenticated:
                return view(request, pk, *args, **kwargs)
            athlete = athlete_get(user=request.user, pk=pk)
            before = athlete_brief(athlete=athlete)
            response = view(request, pk, *args, **kwargs)
            if response.status_code == 302:
                change_remember(request=request, athlete=athlete, record=record, before=before)
            return response

        return remembering

    return wrap
