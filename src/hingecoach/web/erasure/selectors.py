"""What an erasure would remove, for the page that asks the coach to confirm it."""

from __future__ import annotations

from hingecoach.web.athletes.models import Athlete


def erasure_counts(*, athlete: Athlete) -> dict[str, int]:
    return {
        "tests": athlete.tests.count(),
        "sessions": athlete.sessions.count(),
        "pain reports": athlete.pain_reports.count(),
        "TSK-11 scores": athlete.tsk_scores.count(),
        "clips": athlete.clips.count(),
    }
