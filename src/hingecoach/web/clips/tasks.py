"""Background tasks (django-tasks): run by the database worker, ``db_worker``, that
``hingecoach serve`` starts beside gunicorn."""

from __future__ import annotations

from django_tasks import task

from hingecoach.web.clips import services


@task()
def analyse_clip(clip_id: int) -> None:
    """Analyse one uploaded clip; its row carries the progress, report or error."""
    services.clip_analyse(clip_id=clip_id)
