"""A set still being filmed: which of its reps are over, and the cue each one earns.

The track goes through ``analyze_track`` like any clip, so live mode counts and judges
reps by the same rules as an uploaded clip. A rep the report ends at the track's last
frame may still be rising; a rep is *finished* once the trunk has come back up past the
rep's lean (as the rules end a rep) and the feet have been followed for
``planted_margin_s`` after it (the margin the rep rules check the feet over), so a
finished rep is not taken back by the next frames.

Reading the whole set again after every picture grows with the set; a caller may hand
over only the set since the last rep it counted, with ``lead_in_s`` before that rep's
end (what the rules look at around a rep's start) and ``settled_s``, where that end
falls in the track: the reps whose bottom comes after it are the new ones.
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
    """The report on the track, its reps after the settled point (all of them without
    one), how many of those are finished (the first ``finished``) and the facing the
    report used (+1 image right, -1 left, None when it could not be told)."""

    report: AnalysisReport
    reps: list[Rep]
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


def lead_in_s(thresholds: VideoThresholds) -> float:
    """How long before the last counted rep's end a reading must still see: the feet's
    margin and the reach the ground checks look over."""
    return thresholds.reps.planted_margin_s + thresholds.reps.ground_reach_s


def reps_so_far(
    track: Track,
    thresholds: VideoThresholds,
    catalog: Catalog,
    exercise: str = DEFAULT_EXERCISE,
    *,
    facing: float | None = None,
    settled_s: float | None = None,
    over: bool = False,
) -> SoFar:
    """Analyse the track filmed so far; the reps after ``settled_s`` (the end of the
    last rep already counted, seconds into this track; None: every rep) and how many
    of them are over. ``facing``: the facing a finished rep settled earlier in the set
    (the feet and head of a lifter waiting at the bottom of a deadlift can vote the
    other way for a while). ``over``: the filming has stopped, so every rep counts, one
    cut by the track's end as well (as at a clip's end)."""
    report = analyze_track(track, exercise, thresholds, catalog=catalog, known_facing=facing)
    used = FACING.get(report.side) if report.side else None
    fresh = [rep for rep in report.reps if settled_s is None or rep.bottom_s > settled_s]
    if over or not track.frames:
        return SoFar(report, fresh, len(fresh), used)
    last_s = (len(track.frames) - 1) / track.clip.fps
    settle_s = thresholds.reps.planted_margin_s
    finished = 0
    for rep in fresh:
        if rep.end_s + settle_s > last_s + 1e-6 or not _stood_up(report, rep, thresholds):
            break
        finished += 1
    return SoFar(report, fresh, finished, used)


def _stood_up(report: AnalysisReport, rep: Rep, thresholds: VideoThresholds) -> bool:
    """The trunk is back above the rep's lean at the rep's end (a rep ends only when it
    comes back up toward standing: ``reps.through_standing``). A lifter easing up a
    little at the bottom of a set-up has not finished a rep, whatever the track's end
    makes of it for now."""
    series = report.series
    frame = round(rep.end_s * report.clip.fps)
    trunk = series.trunk_deg[frame] if frame < len(series.trunk_deg) else None
    return trunk is not None and trunk < thresholds.reps.min_trunk_lean_deg


def rep_cue(
    number: int, rep: Rep, catalog: Catalog, exercise: str, offset_s: float = 0.0
) -> RepCue:
    """The cue after rep ``number``: the surest fault seen in it with the catalog's fix,
    in the words that fit ``exercise``. ``offset_s``: where the rep's track starts in
    the set."""
    end_s = round(rep.end_s + offset_s, 3)
    if not rep.faults:
        return RepCue(number, end_s, None, None, None, 0, read=bool(rep.measures))
    top = max(rep.faults, key=lambda finding: finding.confidence)
    fault = catalog.faults[top.fault]
    fix = (
        catalog.fault_words(top.fault, exercise)[1] if exercise in catalog.exercises else fault.fix
    )
    return RepCue(number, end_s, top.fault, fault.name, fix, len(rep.faults) - 1, read=True)
