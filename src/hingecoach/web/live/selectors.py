"""Reads for live mode. Another team's athlete or session is simply not found (404)."""

from __future__ import annotations

from django.http import Http404

from hingecoach.core.kinematics import Track
from hingecoach.core.kinematics.live import RepCue
from hingecoach.video.live import live_track
from hingecoach.web.athletes.models import Athlete
from hingecoach.web.live.models import LiveSession


def live_session_get(*, athlete: Athlete, key: str) -> LiveSession:
    """The athlete's live session ``key`` (the athlete already read for the coach)."""
    session = LiveSession.objects.filter(athlete=athlete, key=key).first()
    if session is None:
        raise Http404("No such live session")
    return session


def session_track(
    *, session: LiveSession, first: int = 0, min_visibility: float | None = None
) -> Track:
    """The session's pictures from frame ``first`` on, as the core's track."""
    rows = session.pictures.filter(index__gte=first).values_list("index", "frame", "brightness")
    width, height = session.width or 1, session.height or 1
    return live_track(list(rows), width, height, first, min_visibility=min_visibility)


def live_cues(*, session: LiveSession) -> list[RepCue]:
    """The cue of every rep the session counted, in order: the set as the lifter heard
    it. (The saved clip's analysis reads the whole recording again.)"""
    return [RepCue(**cue) for cue in session.cues]
