"""Mounted under ``team/`` in the ``teams`` namespace (``web/urls.py``), beside Settings."""

from django.urls import path

from hingecoach.web.teamdata import views

urlpatterns = [
    path("data.json", views.team_data, name="data"),
]
