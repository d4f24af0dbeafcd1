"""Mounted under ``athletes/`` in the ``athletes`` namespace (``web/urls.py``), so the
page keeps its address and its name ``athletes:erase``."""

from django.urls import path

from hingecoach.web.erasure import views

urlpatterns = [
    path("<int:pk>/erase/", views.athlete_erase, name="erase"),
]
