"""Reads for live mode. Another team's athlete or session is simply not found (404)."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404

from hingecoach.core import default_catalog
from hingecoach.core.kinematics import AnalysisReport, Track, default_video_thresholds
from hingecoach.core.kinematics.analyze import analyze_track
from hingecoach.core.kinematics.live import RepCue, rep_cue
from hingecoach.video.live import live_track
from hingecoach.web.athletes.models import Athlete
from hingecoach.web.live.models import LiveSession


def live_session_get(*, athlete: Athlete, key: str) -> LiveSession:
    """The athlete's live session ``key`` (the athlete already read for the coach)."""
    session = LiveSession.objects.filter(athlete=athlete, key=key).first()
    if session is None:
        raise Http404("No such live session")
    return session


def session_track(*, session: LiveSession, first: int = 0) -> Track:
    """The session's pictures from frame ``first`` on, as the core's track."""
    rows = session.pictures.filter(index__gte=first).values_list("index", "frame",
                                                                  "brightness")
    return live_track(list(rows), session.width or 1, session.height or 1, first)


@dataclass(frozen=True)
class Summary:
    """The set as filmed: the report on the whole track (the set is over, so a rep
    still rising at the end counts, as in a clip), and one cue per rep."""

    report: AnalysisReport
    cues: list[RepCue]


def live_summary(*, session: LiveSession) -> Summary:
    catalog = default_catalog()
    report = analyze_track(session_track(session=session), session.exercise,
                           default_video_thresholds(), catalog, known_facing=session.facing)
    return Summary(report, [rep_cue(n + 1, rep, catalog, session.exercise)
                            for n, rep in enumerate(report.reps)])
