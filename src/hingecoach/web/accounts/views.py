"""Coach accounts: change your password; for a head coach, invite, reset and deactivate.

Links are shown to the head coach to pass on (there is no email server): each response
that shows one is never cached.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable
from typing import Any

from auditlog.context import set_actor
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import INTERNAL_RESET_SESSION_TOKEN
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_POST

from hingecoach.web.accounts import selectors, services
from hingecoach.web.accounts.forms import InviteForm
from hingecoach.web.common.forms import run_service
from hingecoach.web.common.links import loopback
from hingecoach.web.requests import CoachRequest
from hingecoach.web.teams.models import Team
from hingecoach.web.teams.selectors import is_head_coach, team_of


def _head_team(request: CoachRequest) -> Team:
    team = team_of(request.user)
    if team is None or not is_head_coach(request.user):
        raise PermissionDenied("Only a head coach can manage the team's coaches.")
    return team


def _link_page(request: HttpRequest, *, coach: Any, path: str, invited: bool) -> HttpResponse:
    link = request.build_absolute_uri(path)
    context = {
        "coach": coach,
        "link": link,
        "local_only": loopback(link),
        "copied": f"Copied: paste it into a message to {coach.get_username()}.",
        "reach": f"{coach.get_username()}'s phone or computer",
        "invited": invited,
        "timeout_days": settings.PASSWORD_RESET_TIMEOUT // 86_400,
    }
    response = render(request, "accounts/link.html", context)
    patch_cache_control(response, no_store=True)
    return response


@login_required
def coach_invite(request: CoachRequest) -> HttpResponse:
    team = _head_team(request)
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        made = run_service(form, services.coach_invite, team=team, **form.cleaned_data)
        if made:
            coach, path = made
            return _link_page(request, coach=coach, path=path, invited=True)
    return render(request, "accounts/invite.html", {"form": form})


@login_required
@require_POST
def coach_reset(request: CoachRequest, pk: int) -> HttpResponse:
    team = _head_team(request)
    coach = selectors.team_coach_get(team=team, pk=pk)
    path = services.coach_reset_link(coach=coach, team=team, by=request.user)
    return _link_page(request, coach=coach, path=path, invited=False)


@login_required
@require_POST
def coach_active(request: CoachRequest, pk: int) -> HttpResponse:
    coach = selectors.team_coach_get(team=_head_team(request), pk=pk)
    active = request.POST.get("active") == "1"
    try:
        services.coach_set_active(coach=coach, by=request.user, active=active)
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
        return redirect("teams:settings")
    done = "can sign in again" if active else "can no longer sign in; their athletes stay"
    messages.success(request, f"{coach.get_username()} {done}.")
    return redirect("teams:settings")


def _as_actor(user: Any, write: Callable[[], Any]) -> Any:
    """Run ``write`` with ``user`` as the audit trail's actor: whoever opens a one-time link
    is not signed in, yet the link proves who they are. A copied context keeps the
    request's own actor as it was once the write is done."""

    def run() -> Any:
        with set_actor(user):
            return write()

    return contextvars.copy_context().run(run)


class PasswordChange(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("teams:settings")

    def form_valid(self, form: Any) -> HttpResponse:
        messages.success(self.request, "Your password was changed.")
        return super().form_valid(form)


class SetPassword(auth_views.PasswordResetConfirmView):
    """The page a one-time link opens: the coach chooses a password, then signs in."""

    template_name = "accounts/set_password.html"
    success_url = reverse_lazy("login")

    def get_user(self, uidb64: str) -> Any:
        user = super().get_user(uidb64)
        return user if user is not None and user.is_active else None

    def form_valid(self, form: Any) -> HttpResponse:
        password = form.cleaned_data["new_password1"]
        _as_actor(form.user, lambda: services.password_set(user=form.user, password=password))
        del self.request.session[INTERNAL_RESET_SESSION_TOKEN]
        messages.success(self.request, "Password set: sign in with it now.")
        return HttpResponseRedirect(self.get_success_url())
