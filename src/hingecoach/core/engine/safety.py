"""Referral (red flags, pain too high to train, a fusion without clearance), and pain now
already above what a session may reach."""

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


def pain_now_warnings(facts: Facts) -> list[Reason]:
    """Pain now above the limit for pain during exercise (short of referral): the session
    must not raise it. Empty otherwise."""
    catalog, pain = facts.catalog, facts.case.athlete.pain_nrs
    limits = catalog.thresholds.pain
    if not limits.during_max < pain < limits.refer_at_or_above:
        return []
    foundational = catalog.programme.pain_aware_path[0].exercise
    return [
        say(
            catalog,
            "pain-now-over-limit",
            pain=pain,
            limit=limits.during_max,
            exercise=foundational,
        )
    ]
