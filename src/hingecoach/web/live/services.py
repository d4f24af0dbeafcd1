"""Writes for live mode: start a session, add a camera picture and answer what the core
makes of the set so far, purge old sessions.

The pose runs in the request (a small picture, tens of milliseconds); the reps and
faults come from the core's own rules (``core.kinematics.live``) over the session's
pictures since its last counted rep, read back from the database (decision 0019).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from hingecoach.core.kinematics.live import RepCue, SoFar, lead_in_s, rep_cue, reps_so_far
from hingecoach.video.live import LIVE_FPS, Picture, frame_index, frame_json, live_pose
from hingecoach.web.athletes.models import Athlete
from hingecoach.web.catalog import web_catalog, web_video_thresholds
from hingecoach.web.live.models import LivePicture, LiveSession
from hingecoach.web.live.selectors import session_track

LIVE_KEEP_HOURS = 24
LIVE_MAX_S = 10 * 60  # a session longer than this is refused: start a new one


@dataclass(frozen=True)
class Answer:
    """What the page draws after one picture: the person (or None), the angles in this
    frame, the reps finished so far, the cues for reps newly finished, and why the
    camera's view cannot be judged (None when it can)."""

    picture: Picture
    angles: dict[str, float | None]
    reps: int
    cues: list[RepCue]
    problem: str | None


def live_session_start(*, athlete: Athlete, exercise: str, by: Any = None) -> LiveSession:
    """A new live session; sessions past ``LIVE_KEEP_HOURS`` are purged on the way."""
    live_sessions_purge(older_than=dt.timedelta(hours=LIVE_KEEP_HOURS))
    return LiveSession.objects.create(athlete=athlete, exercise=exercise, started_by=by)


def live_picture_add(*, session: LiveSession, data: bytes, t_ms: float) -> Answer:
    """Find the person in one picture, store their landmarks as frame ``t_ms`` of the
    session and answer what the core makes of the set so far."""
    index = _checked_index(t_ms)
    picture = live_pose().picture(data)
    _check_size(session, picture)
    try:
        with transaction.atomic():
            LivePicture.objects.create(
                session=session,
                index=index,
                frame=frame_json(picture.frame),
                brightness=picture.brightness,
            )
    except IntegrityError:
        raise ValidationError({"t_ms": f"a picture at {t_ms:g} ms was already sent"}) from None
    return _answer(session, picture)


def _checked_index(t_ms: float) -> int:
    if not 0 <= t_ms <= LIVE_MAX_S * 1000:
        raise ValidationError(
            {
                "t_ms": f"{t_ms:g} is not in 0..{LIVE_MAX_S * 1000} ms "
                "(start a new session for a longer set)"
            }
        )
    return frame_index(t_ms)


def _check_size(session: LiveSession, picture: Picture) -> None:
    if not session.width:
        LiveSession.objects.filter(pk=session.pk, width=0).update(
            width=picture.width, height=picture.height
        )
        session.refresh_from_db(fields=["width", "height"])
    if (picture.width, picture.height) != (session.width, session.height):
        raise ValidationError(
            {
                "frame": (
                    f"the picture is {picture.width}x{picture.height} pixels; this session's are "
                    f"{session.width}x{session.height}"
                )
            }
        )


def _answer(session: LiveSession, picture: Picture) -> Answer:
    so_far, cues = _read(session)
    series = so_far.report.series
    angles = (
        {"hip": series.hip_deg[-1], "knee": series.knee_deg[-1], "trunk": series.trunk_deg[-1]}
        if series.t_s
        else _no_angles()
    )
    return Answer(picture, angles, session.cued, cues, so_far.report.reason)


def live_session_end(*, session: LiveSession) -> list[RepCue]:
    """The set is over: a rep the last pictures cut short counts, as at a clip's end.
    The cues of the reps this adds."""
    return _read(session, over=True)[1]


def _read(session: LiveSession, *, over: bool = False) -> tuple[SoFar, list[RepCue]]:
    """Read the set since the last rep counted (with the lead-in the rules need) and
    count the reps finished since. Only the request that moves the count on answers
    the new reps' cues: a picture answered a moment later cannot cue a rep twice."""
    catalog, thresholds = web_catalog(), web_video_thresholds()
    first = max(0, session.settled - round(lead_in_s(thresholds) * LIVE_FPS))
    settled_s = (session.settled - first) / LIVE_FPS if session.cued else None
    so_far = reps_so_far(
        session_track(
            session=session, first=first, min_visibility=thresholds.tracking.min_visibility
        ),
        thresholds,
        catalog,
        session.exercise,
        facing=session.facing,
        settled_s=settled_s,
        over=over,
    )
    cues: list[RepCue] = []
    if so_far.finished:
        last = so_far.reps[so_far.finished - 1]
        fresh = [
            rep_cue(session.cued + n + 1, rep, catalog, session.exercise, offset_s=first / LIVE_FPS)
            for n, rep in enumerate(so_far.reps[: so_far.finished])
        ]
        moved = LiveSession.objects.filter(pk=session.pk, cued=session.cued).update(
            cued=session.cued + so_far.finished,
            settled=first + round(last.end_s * LIVE_FPS),
            facing=session.facing if session.facing is not None else so_far.facing,
            cues=[*session.cues, *(asdict(cue) for cue in fresh)],
        )
        cues = fresh if moved else []
    session.refresh_from_db(fields=["cued", "cues"])
    return so_far, cues


def _no_angles() -> dict[str, float | None]:
    return {"hip": None, "knee": None, "trunk": None}


def live_sessions_purge(*, older_than: dt.timedelta) -> int:
    """Delete live sessions started before ``older_than`` ago, with their pictures."""
    deleted, _ = LiveSession.objects.filter(created__lt=timezone.now() - older_than).delete()
    return deleted
