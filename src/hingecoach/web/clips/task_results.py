"""The rows django-tasks-db keeps for each task (``DBTaskResult``).

A worker that is killed (SIGKILL, out of memory, the machine stopping) leaves its task
``RUNNING`` for good: the row has no heartbeat, no other worker takes it over, and
django-tasks-db's own pruning (``prune_db_task_results``) deletes finished rows only.
So a clip found stalled closes its task's row (``task_result_abandon``), and the clips
purge deletes finished rows past the clips' retention (``task_results_prune``).
With another task backend (the immediate one in tests) there are no rows: both do nothing.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django_tasks import TaskResultStatus

UNFINISHED = (TaskResultStatus.READY, TaskResultStatus.RUNNING)


def task_result_abandon(*, task_id: str, why: str) -> None:
    """Mark the task's row failed (finished now) unless it has finished already."""
    from django_tasks_db.models import DBTaskResult

    if task_id:
        DBTaskResult.objects.filter(id=task_id, status__in=UNFINISHED).update(
            status=TaskResultStatus.FAILED,
            finished_at=timezone.now(),
            exception_class_path="",
            traceback=why,
        )


def task_results_prune(*, finished_before: dt.datetime) -> int:
    """Delete the rows of tasks that finished (successfully or not) before the time."""
    from django_tasks_db.models import DBTaskResult

    deleted, _ = DBTaskResult.objects.finished().filter(finished_at__lt=finished_before).delete()
    return deleted
