"""``{% checkin_share %}`` on the athlete's page: the newest link, a copy button and a QR."""

from __future__ import annotations

from typing import Any

from django import template

from hingecoach.web.checkins.selectors import checkin_share_latest

register = template.Library()


@register.inclusion_tag("checkins/_share.html", takes_context=True)
def checkin_share(context: template.Context) -> dict[str, Any]:
    """With ``share_slot`` in the context (a page's kept parts), a link to show leaves that
    placeholder instead: its address names the server as each request reaches it, so the
    page fills it in per request (``athletes.parts``)."""
    athlete, request = context["athlete"], context["request"]
    shared = checkin_share_latest(athlete=athlete, request=request)
    if shared is not None and context.get("share_slot"):
        return {"slot": context["share_slot"]}
    return {"athlete": athlete, "shared": shared}
