"""A pain flare after the last session: nothing new up the ladder, loads back down.

After a flare the options hold only what the athlete has already reached (mastered,
done in the flared session, the current step of the way in, and anything below those),
the step down, and the non-hinge alternatives. Each load goes to the bottom of its range
and never above what the flared session lifted (``prescribe.load_for`` applies both).
"""

from __future__ import annotations

from hingecoach.core.engine.corrective import series, stand_in
from hingecoach.core.engine.draft import Draft, Pick
from hingecoach.core.engine.facts import Facts
from hingecoach.core.engine.loads import Ask, gym_windows
from hingecoach.core.engine.reasons import say


def apply_flare(facts: Facts, draft: Draft) -> None:
    if facts.flare is None:
        return
    catalog = facts.catalog
    held = say(catalog, "pain-flare", flare=facts.flare)
    draft.warn(held)
    within = reached(facts)
    for pick in list(draft.picks.values()):
        exercise = catalog[pick.exercise]
        if exercise.hinge and pick.exercise not in within:
            draft.drop(pick.exercise, say(catalog, "flare-not-reached", flare=facts.flare,
                                          exercise=pick.exercise))
        elif catalog.load_range(pick.exercise, facts.band) is not None:
            _reduce(facts, draft, pick)


def reached(facts: Facts) -> frozenset[str]:
    """Every step the athlete has reached: mastered (or its stand-in), done in the last
    session, the current step of the way in, the test once the way in is done, and every
    step below any of these."""
    catalog = facts.catalog
    steps = series(facts)
    found = {i for i in catalog.exercises if facts.is_mastered(i)} | set(facts.logged)
    current = next((i for i in steps if not facts.is_mastered(i)), None)
    if current is not None:
        found.add(current)
    if current is None or facts.latest_test is not None:
        found.add(catalog.programme.test)
    if facts.passed:
        found.update(steps)
    return frozenset(_with_steps_down(facts, found))


def _with_steps_down(facts: Facts, found: set[str]) -> set[str]:
    todo = list(found)
    while todo:
        for lower in facts.catalog[todo.pop()].step_down:
            target = stand_in(facts, lower)
            if target is not None and target not in found:
                found.add(target)
                todo.append(target)
    return found


def _reduce(facts: Facts, draft: Draft, pick: Pick) -> None:
    """Bottom of the range, or the step down once the flared session was already there."""
    last = facts.last_load(pick.exercise)
    down = _step_down(facts, pick.exercise)
    if last is not None and down is not None and last <= _bottom_kg(facts, pick.exercise):
        reason = say(facts.catalog, "flare-step-down", flare=facts.flare,
                     previous=pick.exercise, logged_kg=last)
        draft.replace(pick.exercise, Pick(down, [reason], load_mode="bottom"))
        return
    pick.load_mode = "bottom"
    pick.reasons.append(say(facts.catalog, "pain-flare", flare=facts.flare))


def _bottom_kg(facts: Facts, exercise_id: str) -> float:
    """The lightest gym load inside the catalog's range for the athlete's band."""
    exercise = facts.catalog[exercise_id]
    rng = facts.catalog.load_range(exercise_id, facts.band)
    if rng is None or exercise.loads.implement is None:
        return 0.0
    windows = gym_windows(Ask(rng.min, rng.max, bottom=True), exercise.loads.implement,
                          facts.catalog.thresholds.loads)
    return windows["kg"].min


def _step_down(facts: Facts, exercise_id: str) -> str | None:
    """The first step down the athlete can do, if the catalog names one."""
    for candidate in facts.catalog[exercise_id].step_down:
        target = stand_in(facts, candidate)
        if target is not None:
            return target
    return None
