"""``{% what_changed %}`` on the athlete's page: the change the last record made, once."""

from __future__ import annotations

from typing import Any

from django import template

from hingecoach.web.changes.selectors import brief_of, change_between
from hingecoach.web.changes.services import change_take

register = template.Library()


@register.inclusion_tag("changes/_what_changed.html", takes_context=True)
def what_changed(context: template.Context) -> dict[str, Any]:
    request, athlete = context.get("request"), context.get("athlete")
    taken = change_take(request=request, athlete=athlete) if request and athlete else None
    if taken is None or "rec" not in context or "plan" not in context:
        return {"change": None}
    record, before = taken
    after = brief_of(rec=context["rec"], plan=context["plan"])
    return {
        "change": change_between(record=record, before=before, after=after),
        "athlete": athlete,
        "request": request,
    }
