"""The Today page. Thin: the selectors read, the template words."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from hingecoach.web.catalog import web_catalog
from hingecoach.web.requests import CoachRequest
from hingecoach.web.today import selectors

ROWS_SHOWN = 60


@login_required
def today_page(request: CoachRequest) -> HttpResponse:
    want = request.GET.get("who", "")
    scope = selectors.today_scope(user=request.user, want=want if want in {"mine", "team"} else "")
    catalog, today = web_catalog(), dt.date.today()
    tests = selectors.recent_tests(scope.athletes, today)
    rows = selectors.today_attention(
        athletes=scope.athletes, catalog=catalog, today=today, tests=tests
    )
    context = {
        "scope": scope,
        "rows": rows[:ROWS_SHOWN],
        "more": max(0, len(rows) - ROWS_SHOWN),
        "squad": selectors.today_squad(athletes=scope.athletes, catalog=catalog),
        "faults": selectors.today_faults(athletes=scope.athletes, today=today, tests=tests)[:6],
        "fault_weeks": selectors.FAULT_WEEKS,
        "tested": len(tests),
    }
    return render(request, "today/page.html", context)
