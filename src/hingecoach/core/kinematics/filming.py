"""How to film again when a clip could judge no fault, read from why each went unjudged.

Each kind of reason a fault goes unjudged is worded around one fixed phrase below (the
analysis builds its reasons with them) and has a remedy a coach can act on. The report
keeps only the words (DOMAIN.md section 5, ``not_assessed``), so a report stored long
ago is read by the same phrases (decision 0049).
"""

from __future__ import annotations

from dataclasses import dataclass

from hingecoach.core.kinematics.report import AnalysisReport

LEGS_NOT_FOLLOWED = "the legs could not be followed"
FEET_NOT_VISIBLE = "feet not clearly visible"
FOOT_POINTS_ADRIFT = "heel and toe points do not follow the foot"
TOO_SMALL = "too small in the picture"
BACK_OUTLINE = "back outline"
NOT_SEEN_CLEARLY = "not seen clearly"


@dataclass(frozen=True)
class Remedy:
    phrase: str  # what every reason of this kind says
    cause: str  # the cause, for a coach
    fix: str  # how to film so that it goes away


REMEDIES = (
    Remedy(
        LEGS_NOT_FOLLOWED,
        "plates or a bar hid the legs and hips",
        "film a bodyweight test, or a light set with small plates",
    ),
    Remedy(
        FEET_NOT_VISIBLE,
        "the feet were not seen",
        "keep both feet in the frame and in good light, with nothing in front of them",
    ),
    Remedy(
        FOOT_POINTS_ADRIFT,
        "the heel and toe could not be followed",
        "film closer, with the feet larger in the frame",
    ),
    Remedy(TOO_SMALL, "the person was small in the picture", "film closer"),
    Remedy(
        BACK_OUTLINE,
        "the back's outline could not be read",
        "film in clothing that fits the back, against a plain background",
    ),
    Remedy(
        NOT_SEEN_CLEARLY,
        "some joints were not seen clearly",
        "film side-on in good light, the whole body in view for every rep",
    ),
)
# For a reason worded some other way (a catalog or a report from elsewhere).
ANY = Remedy(
    "",
    "the clip did not show what the faults need",
    "film from the side, the camera at hip height and still, the whole body in view from "
    "head to feet",
)


def judged_nothing(report: AnalysisReport) -> bool:
    """Reps were found, yet no fault could be judged in any of them."""
    return report.assessable and bool(report.reps) and not report.judged


def remedies(report: AnalysisReport) -> list[Remedy]:
    """One remedy per kind of reason the report gives, in the report's order."""
    found: list[Remedy] = []
    for item in report.not_assessed:
        remedy = next((r for r in REMEDIES if r.phrase in item.why), ANY)
        if remedy not in found:
            found.append(remedy)
    return found


def film_again(report: AnalysisReport) -> str | None:
    """How to film a clip that can be judged, where this one judged nothing; else None."""
    if not judged_nothing(report):
        return None
    said = "; ".join(f"{r.cause}, so {r.fix}" for r in remedies(report))
    return f"Film it again so it can be: {said}."


def nothing_judged_line(report: AnalysisReport) -> str | None:
    """One line for a clip that judged nothing: that it did, and how to film again."""
    how = film_again(report)
    return None if how is None else f"Nothing in this clip could be judged. {how}"
