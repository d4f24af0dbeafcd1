"""Pain monitoring facts an adapter can show or filter on, using the catalog's thresholds."""

from __future__ import annotations

from hingecoach.core.case import Case
from hingecoach.core.catalog import Catalog
from hingecoach.core.engine.facts import Facts
from hingecoach.core.present import reason_text


def pain_flare(case: Case, catalog: Catalog) -> str | None:
    """Why the last session counts as a flare (pain during or next morning too high), in
    words; None when it does not."""
    flare = Facts(case, catalog).flare
    return None if flare is None else reason_text(catalog, "pain-flare", {"flare": flare})


def pain_flagged(case: Case, catalog: Catalog) -> bool:
    """Pain now above the safe zone, or a flare after the last session."""
    above_safe = case.athlete.pain_nrs > catalog.thresholds.pain.safe_max
    return above_safe or pain_flare(case, catalog) is not None
