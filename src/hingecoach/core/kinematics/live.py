"""A set still being filmed: which of its reps are over, and the cue each one earns.

The track so far goes through ``analyze_track`` like any clip, so live mode counts and
judges reps by the same rules as an uploaded clip. A rep the report ends at the track's
last frame may still be rising; a rep is *finished* once the trunk has come back up and
the feet have been followed for ``planted_margin_s`` after it (the margin the rep
rules check the feet over), so a finished rep is not taken back by the next frames.
"""

from __future__ import annotations

from dataclasses import dataclass

from hingecoach.core.catalog import Catalog
from hingecoach.core.kinematics.analyze import DEFAULT_EXERCISE, analyze_track
from hingecoach.core.kinematics.report import AnalysisReport, Rep
from hingecoach.core.kinematics.thresholds import VideoThresholds
from hingecoach.core.kinematics.track import Track

FACING = {"left": -1.0, "right": 1.0}  # the side toward the camera to the facing (side.py)


@dataclass(frozen=True)
class SoFar:
    """The report on the track so far, how many of its reps are finished (the first
    ``finished`` of ``report.reps``) and the facing the report used (+1 image right, -1
    left, None when it could not be told)."""

    report: AnalysisReport
    finished: int
    facing: float | None


@dataclass(frozen=True)
class RepCue:
    """What to tell the lifter after one rep: its number (from 1) and end (seconds into
    the track), the fault seen with the most confidence (None when none was) with its
    name and the catalog's fix, how many other faults were seen, and whether any fault
    could be read at all (none is read from a rep whose legs were hidden)."""

    rep: int
    end_s: float
    fault: str | None
    name: str | None
    fix: str | None
    more: int
    read: bool


def reps_so_far(track: Track, thresholds: VideoThresholds, catalog: Catalog,
                exercise: str = DEFAULT_EXERCISE, *, facing: float | None = None) -> SoFar:
    """Analyse the track filmed so far; count the reps that are over. ``facing``: the
    facing a finished rep settled earlier in the set (the feet and head of a lifter
    waiting at the bottom of a deadlift can vote the other way for a while)."""
    report = analyze_track(track, exercise, thresholds, catalog, known_facing=facing)
    used = FACING.get(report.side) if report.side else None
    if not track.frames:
        return SoFar(report, 0, used)
    last_s = (len(track.frames) - 1) / track.clip.fps
    settle_s = thresholds.reps.planted_margin_s
    finished = 0
    for rep in report.reps:
        if rep.end_s + settle_s > last_s + 1e-6:
            break
        finished += 1
    return SoFar(report, finished, used)


def rep_cue(number: int, rep: Rep, catalog: Catalog, exercise: str) -> RepCue:
    """The cue after rep ``number``: the surest fault seen in it with the catalog's fix,
    in the words that fit ``exercise``."""
    if not rep.faults:
        return RepCue(number, rep.end_s, None, None, None, 0, read=bool(rep.measures))
    top = max(rep.faults, key=lambda finding: finding.confidence)
    fault = catalog.faults[top.fault]
    fix = (catalog.fault_words(top.fault, exercise)[1] if exercise in catalog.exercises
           else fault.fix)
    return RepCue(number, rep.end_s, top.fault, fault.name, fix, len(rep.faults) - 1,
                  read=True)
