"""Referral: red flags, pain too high to train, a fusion without clearance."""

from __future__ import annotations

from hingecoach.core.engine.facts import Facts
from hingecoach.core.engine.reasons import Reason, say


def referral_warnings(facts: Facts) -> list[Reason]:
    """One warning per cause of referral; empty when the athlete may train."""
    catalog, athlete = facts.catalog, facts.case.athlete
    warnings = [say(catalog, "red-flag", flag=flag) for flag in dict.fromkeys(athlete.red_flags)]
    limit = catalog.thresholds.pain.refer_at_or_above
    if athlete.pain_nrs >= limit:
        warnings.append(say(catalog, "pain-refer", pain=athlete.pain_nrs, limit=limit))
    if not athlete.medical_clearance:
        warnings += [
            say(catalog, "fusion-clearance", condition=cid)
            for cid in dict.fromkeys(athlete.conditions)
            if catalog.conditions[cid].needs_clearance
        ]
    return warnings
