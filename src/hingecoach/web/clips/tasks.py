"""Background tasks (django-tasks): run by the database worker, ``db_worker``, that
``hingecoach serve`` starts beside gunicorn."""

from __future__ import annotations

from django_tasks import task

from hingecoach.web.clips import analysis


@task()
def analyse_clip(clip_id: int, attempt: int = 0) -> None:
    """Analyse one uploaded clip (its ``attempt``: 0, then one more for each retry); its
    row carries the progress, report or error."""
    analysis.clip_analyse(clip_id=clip_id, attempt=attempt)
