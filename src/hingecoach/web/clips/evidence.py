"""What a clip's report can vouch for in the bodyweight hip hinge test (DOMAIN.md section 5).

A clip becomes a test only when it holds a judged rep: a rep in which the analysis
measured at least one fault. For each of the test's faults the clip's verdict is seen,
not seen, or none (the clip could not judge it: a ``not_assessed`` entry, which also
covers a fault that some rep could not measure). A fault with no verdict is never read
as absent: the coach says by eye whether it was seen.
"""

from __future__ import annotations

from dataclasses import dataclass

from hingecoach.core.catalog import Catalog
from hingecoach.core.kinematics import DEFAULT_EXERCISE, AnalysisReport

NOT_ASSESSABLE = (
    "This clip cannot be saved as a test: it is not assessable, so it shows no hinge to judge."
)
NO_REPS = (
    "This clip cannot be saved as a test: it holds no hinge rep, so there is nothing to judge."
)
NO_JUDGED_REP = (
    "This clip cannot be saved as a test: no fault could be measured in any "
    "of its reps (see what was not assessed)."
)


@dataclass(frozen=True)
class FaultEvidence:
    """One of the test's faults as the clip saw it. ``seen`` is None where the clip
    could not judge it; ``why`` then says why, and where it was seen otherwise."""

    fault: str
    name: str
    looks_like: str
    seen: bool | None
    why: str = ""

    @property
    def judged(self) -> bool:
        return self.seen is not None


def save_refusal(*, report: AnalysisReport) -> str | None:
    """Why this report cannot become a test, or None if it can."""
    if not report.assessable:
        return NOT_ASSESSABLE
    if not report.reps:
        return NO_REPS
    if not any(rep.measures for rep in report.reps):
        return NO_JUDGED_REP
    return None


def watched_faults(*, catalog: Catalog) -> list[str]:
    """The faults a coach watches for in the test, in the catalog's order."""
    return list(catalog.exercises[DEFAULT_EXERCISE].faults_to_watch)


def fault_evidence(*, report: AnalysisReport, catalog: Catalog) -> list[FaultEvidence]:
    """The clip's verdict on each of the test's faults."""
    unjudged: dict[str, str] = {item.fault: item.why for item in report.not_assessed}
    judged = set(report.judged)
    evidence = []
    for fault_id in watched_faults(catalog=catalog):
        fault = catalog.faults[fault_id]
        if fault_id in report.faults:
            seen, why = True, _where_seen(report, fault_id)
        elif fault_id in judged:
            seen, why = False, ""
        else:
            seen, why = None, unjudged.get(fault_id, "the analysis does not measure it")
        evidence.append(FaultEvidence(fault_id, fault.name, fault.looks_like, seen, why))
    return evidence


def _where_seen(report: AnalysisReport, fault: str) -> str:
    reps = [
        str(n)
        for n, rep in enumerate(report.reps, start=1)
        if any(found.fault == fault for found in rep.faults)
    ]
    return ("in rep " if len(reps) == 1 else "in reps ") + ", ".join(reps)


def unanswered(item: FaultEvidence) -> str:
    """The refusal when the coach gave no verdict on ``item``."""
    if item.judged:
        return "say whether it was seen (the clip's verdict was filled in for you)"
    return "the clip could not judge it: say whether you saw it yourself"
