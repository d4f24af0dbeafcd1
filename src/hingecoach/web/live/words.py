"""Live mode's words: a cue and the answer to one picture, as the page shows them. The
page's script draws and speaks these; it never words anything itself."""

from __future__ import annotations

from typing import Any

from hingecoach.core.kinematics.live import RepCue
from hingecoach.video.live import LANDMARK_NAMES
from hingecoach.web.live.services import Answer


def cue_words(cue: RepCue) -> dict[str, Any]:
    """A headline to read at a glance from two metres and the catalog's fix under it."""
    if cue.fault is None:
        headline = (
            f"Rep {cue.rep}: no fault seen"
            if cue.read
            else f"Rep {cue.rep}: counted, legs hidden, faults not read"
        )
        return {"rep": cue.rep, "end_s": cue.end_s, "fault": None, "headline": headline, "fix": ""}
    more = f" (+{cue.more} more)" if cue.more else ""
    return {
        "rep": cue.rep,
        "end_s": cue.end_s,
        "fault": cue.fault,
        "headline": f"Rep {cue.rep}: {cue.name}{more}",
        "fix": cue.fix or "",
    }


def answer_json(answer: Answer, t_ms: float) -> dict[str, Any]:
    """The picture's answer: landmarks as fractions of the picture (x, y, visibility),
    the angles in degrees, the reps so far, new cues, and what keeps the view from
    being judged."""
    picture = answer.picture
    points = None
    if picture.frame is not None:
        points = [
            [round(m.x / picture.width, 4), round(m.y / picture.height, 4), round(m.visibility, 2)]
            for m in (picture.frame.landmarks[name] for name in LANDMARK_NAMES)
        ]
    return {
        "t_ms": t_ms,
        "points": points,
        "angles": answer.angles,
        "reps": answer.reps,
        "cues": [cue_words(cue) for cue in answer.cues],
        "problem": answer.problem,
    }
