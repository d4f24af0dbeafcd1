"""Browse the catalog: the ladder, and one page per exercise."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from hingecoach.core import Catalog
from hingecoach.web.catalog import web_catalog
from hingecoach.web.common.ladder import exercises_by_column, ladder_grid


@login_required
def ladder_page(request: HttpRequest) -> HttpResponse:
    catalog = web_catalog()
    return render(
        request,
        "catalog/ladder.html",
        {
            "ladder": ladder_grid(catalog),
            "groups": exercises_by_column(catalog),
        },
    )


@login_required
def exercise_page(request: HttpRequest, exercise_id: str) -> HttpResponse:
    catalog = web_catalog()
    exercise = catalog.exercises.get(exercise_id)
    if exercise is None:
        raise Http404("No such exercise")
    column = next(
        (s.name for s in catalog.programme.subcategories if s.id == exercise.subcategory),
        exercise.subcategory,
    )
    return render(
        request,
        "catalog/exercise.html",
        {
            "exercise": exercise,
            "column": column,
            "faults": [_fault(catalog, f, exercise.id) for f in exercise.faults_to_watch]
            + [f.model_dump() for f in exercise.own_faults],
            "step_up": [catalog.exercises[e] for e in exercise.step_up],
            "step_down": [catalog.exercises[e] for e in exercise.step_down],
        },
    )


def _fault(catalog: Catalog, fault_id: str, exercise_id: str) -> dict[str, str]:
    """A hinge fault in the wording that fits this exercise."""
    looks_like, fix = catalog.fault_words(fault_id, exercise_id)
    return {"name": catalog.faults[fault_id].name, "looks_like": looks_like, "fix": fix}
