"""What to coach for the faults a clip shows: the catalog's fix and where to step down."""

from __future__ import annotations

from dataclasses import dataclass

from hingecoach.core.catalog import Catalog
from hingecoach.core.kinematics.report import AnalysisReport


@dataclass(frozen=True)
class FaultAdvice:
    fault: str
    name: str
    fix: str  # in the words that fit the clip's exercise
    step_down: str  # the exercise's name, or its id if the catalog lacks it


def fault_advice(report: AnalysisReport, catalog: Catalog) -> list[FaultAdvice]:
    """One piece of advice per fault the clip shows that the catalog knows, in order."""
    advice = []
    for fault_id in report.faults:
        fault = catalog.faults.get(fault_id)
        if fault is None:
            continue
        back = catalog.exercises.get(fault.regress_to)
        fix = (
            catalog.fault_words(fault_id, report.exercise)[1]
            if report.exercise in catalog.exercises
            else fault.fix
        )
        advice.append(
            FaultAdvice(fault_id, fault.name, fix, back.name if back else fault.regress_to)
        )
    return advice
