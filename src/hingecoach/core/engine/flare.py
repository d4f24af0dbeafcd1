"""A pain flare after the last session: hold progression, reduce load."""

from __future__ import annotations

from hingecoach.core.engine.corrective import stand_in
from hingecoach.core.engine.draft import Draft, Pick
from hingecoach.core.engine.facts import Facts
from hingecoach.core.engine.reasons import say


def apply_flare(facts: Facts, draft: Draft) -> None:
    if facts.flare is None:
        return
    catalog = facts.catalog
    held = say(catalog, "pain-flare", fact=facts.flare)
    draft.warn(held)
    for pick in list(draft.picks.values()):
        if pick.step_up:
            draft.drop(pick.exercise, held)
        elif catalog.load_range(pick.exercise, facts.band) is not None:
            _reduce(facts, draft, pick, held)


def _reduce(facts: Facts, draft: Draft, pick: Pick, held: str) -> None:
    """Bottom of the catalog's range, or the step down once already there."""
    rng = facts.catalog.load_range(pick.exercise, facts.band)
    last = facts.last_load(pick.exercise)
    down = _step_down(facts, pick.exercise)
    if rng is not None and last is not None and last <= rng.min and down is not None:
        reason = say(facts.catalog, "flare-step-down", fact=facts.flare,
                     previous=pick.exercise, load=f"{last:g}")
        draft.replace(pick.exercise, Pick(down, [reason], load_mode="bottom"))
        return
    pick.load_mode = "bottom"
    pick.reasons.append(held)


def _step_down(facts: Facts, exercise_id: str) -> str | None:
    """The first step down the athlete can do, if the catalog names one."""
    for candidate in facts.catalog[exercise_id].step_down:
        target = stand_in(facts, candidate)
        if target is not None:
            return target
    return None
