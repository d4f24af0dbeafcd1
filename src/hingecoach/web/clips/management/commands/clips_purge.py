"""``clips_purge``: delete uploaded clips (files and rows) older than the retention, and
the background tasks' results that finished before then."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from hingecoach.web.clips.services import clips_purge


class Command(BaseCommand):
    help = (
        "Delete uploaded clips older than --days (default: HINGECOACH_CLIP_KEEP_DAYS, "
        "90) and task results that finished before then."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, default=settings.CLIP_KEEP_DAYS)

    def handle(self, *args: Any, days: int, **options: Any) -> None:
        if days < 0:
            self.stderr.write("--days must be 0 or more")
            raise SystemExit(2)
        purged = clips_purge(older_than_days=days)
        self.stdout.write(
            f"{purged.clips} clip(s) older than {days} days deleted, "
            f"{purged.task_results} finished task result(s) pruned"
        )
