"""``{% checkin_share %}`` on the athlete's page: the newest link, a copy button and a QR."""

from __future__ import annotations

from typing import Any

from django import template

from hingecoach.web.checkins.selectors import checkin_share_latest

register = template.Library()


@register.inclusion_tag("checkins/_share.html", takes_context=True)
def checkin_share(context: template.Context) -> dict[str, Any]:
    athlete, request = context["athlete"], context["request"]
    return {"athlete": athlete, "shared": checkin_share_latest(athlete=athlete, request=request)}
