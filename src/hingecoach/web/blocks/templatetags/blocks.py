"""``{% block_card %}`` on the athlete's page: the running block, this week and its
session, any step back, the weeks done, the form to assign one, and the earlier blocks."""

from __future__ import annotations

from typing import Any

from django import template

from hingecoach.core.present import RECHECK_WORDS
from hingecoach.web.blocks import selectors
from hingecoach.web.blocks.forms import BlockForm
from hingecoach.web.catalog import web_catalog

register = template.Library()


@register.inclusion_tag("blocks/_card.html", takes_context=True)
def block_card(context: template.Context) -> dict[str, Any]:
    athlete = context["athlete"]
    running = selectors.block_running(athlete=athlete)
    rec = context.get("rec")
    return {
        "athlete": athlete,
        "team": context.get("team"),
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
        "refer": getattr(rec, "refer", False),
        "now": selectors.block_now(block=running, catalog=web_catalog()) if running else None,
        "history": selectors.block_history(athlete=athlete),
        "form": BlockForm(),
    }


@register.filter
def recheck_words(rechecks: list[str]) -> str:
    """A week's planned re-checks in words: ``pain now (0-10), fear of movement (TSK-11)``."""
    return ", ".join(RECHECK_WORDS.get(what, what) for what in rechecks)
