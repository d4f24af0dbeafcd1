"""Browse the catalog: the ladder, and one page per exercise."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from hingecoach.core import default_catalog
from hingecoach.web.catalog_pages.ladder import exercises_by_column, ladder_grid


@login_required
def ladder_page(request: HttpRequest) -> HttpResponse:
    catalog = default_catalog()
    return render(request, "catalog/ladder.html", {
        "ladder": ladder_grid(catalog),
        "groups": exercises_by_column(catalog),
    })


@login_required
def exercise_page(request: HttpRequest, exercise_id: str) -> HttpResponse:
    catalog = default_catalog()
    exercise = catalog.exercises.get(exercise_id)
    if exercise is None:
        raise Http404("No such exercise")
    column = next((s.name for s in catalog.programme.subcategories
                   if s.id == exercise.subcategory), exercise.subcategory)
    return render(request, "catalog/exercise.html", {
        "exercise": exercise,
        "column": column,
        "faults": [catalog.faults[f] for f in exercise.faults_to_watch],
        "step_up": [catalog.exercises[e] for e in exercise.step_up],
        "step_down": [catalog.exercises[e] for e in exercise.step_down],
    })
