"""A pain flare after the last session: nothing new up the ladder, loads back down.

After a flare the options hold only what the athlete has already reached (mastered,
done in the flared session, the first step of the way in, and anything below those),
the step down, and the non-hinge alternatives. Each load goes to the bottom of its range
and never above what the flared session lifted (``prescribe.load_for`` applies both); an
exercise whose range starts above that load gives way to its step down.
"""

from __future__ import annotations

from typing import Any

from hingecoach.core.engine.corrective import series, stand_in
from hingecoach.core.engine.draft import Draft, LoadMode, Pick
from hingecoach.core.engine.facts import Facts
from hingecoach.core.engine.loads import Ask, Window, logged_lb, over_gym_cap
from hingecoach.core.engine.prescribe import load_facts
from hingecoach.core.engine.reasons import Reason, say
from hingecoach.core.present import Units


def apply_flare(facts: Facts, draft: Draft) -> None:
    if facts.flare is None:
        return
    catalog = facts.catalog
    for cause in facts.flares:  # pain during and the next morning: each said
        draft.warn(say(catalog, "pain-flare", flare=cause))
    within = reached(facts)
    for pick in list(draft.picks.values()):
        exercise = catalog[pick.exercise]
        if exercise.hinge and (pick.exercise not in within or _new_climb(facts, pick)):
            _not_reached(facts, draft, pick, within)
        elif catalog.load_range(pick.exercise, facts.band) is not None:
            _reduce(facts, draft, pick)
    offer_alternatives(facts, draft)
    _mastered_first(facts, draft)


def _mastered_first(facts: Facts, draft: Draft) -> None:
    """After a flare what the athlete has mastered leads, the goal's order after it; an
    option the goal had put first and that no longer is stops saying so."""
    picks = list(draft.picks.values())
    ordered = sorted(picks, key=lambda pick: not facts.is_mastered(pick.exercise))
    if ordered == picks:
        return
    draft.picks = {pick.exercise: pick for pick in ordered}
    for pick in ordered[1:]:
        kept = [r for r in pick.reasons if r.rule != "goal-first"]
        pick.reasons = kept or pick.reasons


def reached(facts: Facts) -> frozenset[str]:
    """Every step the athlete has reached: mastered (or its stand-in), done in the last
    session, the current step of the way in, the test once the way in is done, and every
    step below any of these."""
    catalog = facts.catalog
    steps = series(facts)
    found = {i for i in catalog.exercises if facts.is_mastered(i)} | set(facts.logged)
    if steps and not facts.is_mastered(steps[0]):
        found.add(steps[0])
    if facts.passed:
        found.update(steps)
    found = _with_steps_down(facts, found)
    if facts.latest_test is not None or all(facts.is_mastered(i) for i in steps):
        found.add(catalog.programme.test)  # reached, but a failed test is no step above
    return frozenset(found)


def _new_climb(facts: Facts, pick: Pick) -> bool:
    """A step up the ladder the athlete has neither mastered nor done in the flared
    session: new, even when it sits below a mastered lift (sumo under a conventional
    deadlift that was learnt first)."""
    return (
        pick.step_up and not facts.is_mastered(pick.exercise) and pick.exercise not in facts.logged
    )


def _not_reached(facts: Facts, draft: Draft, pick: Pick, within: frozenset[str]) -> None:
    """A step not yet reached gives way to the nearest step below it that was."""
    reason = say(facts.catalog, "flare-not-reached", flare=facts.flare, exercise=pick.exercise)
    down = _reached_below(facts, pick.exercise, within)
    if down is None or down in draft.picks:
        draft.drop(pick.exercise, reason)
        return
    below = say(
        facts.catalog,
        "flare-reached-below",
        flare=facts.flare,
        exercise=down,
        previous=pick.exercise,
    )
    lower = Pick(down, [below], load_mode="bottom", held_to=pick.held_to or pick.exercise)
    draft.replace(pick.exercise, lower)
    draft.hold_back(pick.exercise, reason)
    if facts.catalog.load_range(down, facts.band) is not None:
        _reduce(facts, draft, lower)


def _reached_below(facts: Facts, exercise_id: str, within: frozenset[str]) -> str | None:
    """The nearest step down from ``exercise_id`` that the athlete has reached."""
    todo = [exercise_id]
    while todo:
        for lower in facts.catalog[todo.pop(0)].step_down:
            target = stand_in(facts, lower)
            if target in within:
                return target
            if target is not None:
                todo.append(target)
    return None


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
    """Bottom of the range, or the step down once the flared session was already there
    (or under it), or when the bottom of the range lifts more than the flared session did;
    work the catalog can do with no load goes to body weight instead of giving way."""
    last = facts.last_load(pick.exercise)
    bottom = _bottom_kg(facts, pick.exercise)
    if last is not None and last <= bottom + 1e-9:
        at_bottom = last >= bottom - 1e-9
        if not at_bottom and _body_weight(facts, pick.exercise):
            _unloaded(facts, pick, last)
            return
        if not at_bottom or _step_down(facts, pick.exercise):  # else: stays at the bottom
            rule = "flare-step-down" if at_bottom else "flare-under-bottom"
            _give_way(facts, draft, pick, _stepping_down(facts, rule, pick.exercise, last))
            return
    cap = facts.flare_cap(pick.exercise)
    if cap is not None and over_cap(facts, pick.exercise, cap):
        if _body_weight(facts, pick.exercise):
            _unloaded(facts, pick, cap)
            return
        reason = _stepping_down(facts, "flare-over-cap", pick.exercise, cap)
        _give_way(facts, draft, pick, reason)
        return
    pick.load_mode = "bottom"
    _add(pick, say(facts.catalog, "flare-bottom", flare=facts.flare))


def _body_weight(facts: Facts, exercise_id: str) -> bool:
    return facts.catalog[exercise_id].loads.body_weight


def _unloaded(facts: Facts, pick: Pick, cap_kg: float) -> None:
    """Work the catalog can do unloaded, offered so when its lightest load is more than
    the flared session had."""
    pick.load_mode = "none"
    _add(pick, _stepping_down(facts, "flare-body-weight", pick.exercise, cap_kg))


def _stepping_down(facts: Facts, rule: str, exercise_id: str, logged_kg: float) -> Reason:
    """Why ``exercise_id`` steps down: what the flared session lifted beside the
    lightest load of its range."""
    return say(
        facts.catalog,
        rule,
        flare=facts.flare,
        previous=exercise_id,
        exercise=facts.flare_cap_source(exercise_id),
        logged_kg=logged_kg,
        **_logged_facts(facts, exercise_id, logged_kg),
        **_bottom_facts(facts, exercise_id),
    )


def _logged_facts(facts: Facts, exercise_id: str, logged_kg: float) -> dict[str, Any]:
    """The logged load as a pound gym had it on this exercise's grid, and the units in
    which the exercise's lightest load is more than it (a reason says "heavier" only
    where it is)."""
    implement = facts.catalog[exercise_id].loads.implement
    if implement is None or facts.child_bar(facts.catalog[exercise_id]):
        return {}
    return {
        "logged_lb": logged_lb(logged_kg, implement, facts.compiled.loads),
        "over_in": _over_in(facts, exercise_id, logged_kg),
    }


def _give_way(facts: Facts, draft: Draft, pick: Pick, reason: Reason) -> None:
    """Replace ``pick`` with the nearest step down whose lightest load the flared session
    lifted too (or that can be done unloaded), or drop it when there is none (or it is
    offered already). The step down is held to the volume of what it replaces."""
    down = _step_down(facts, pick.exercise, fits=True)
    if down is None or down in draft.picks:
        draft.drop(pick.exercise, reason)
        return
    mode = fitting_mode(facts, down) or "bottom"
    held_to = pick.held_to or pick.exercise
    draft.replace(pick.exercise, Pick(down, [reason], load_mode=mode, held_to=held_to))
    draft.hold_back(pick.exercise, reason)


def fitting_mode(facts: Facts, exercise_id: str) -> LoadMode | None:
    """How an exercise fits under the flare's cap: at the bottom of its range, at body
    weight (work the catalog can do unloaded), or not at all (None)."""
    if under_cap(facts, exercise_id):
        return "bottom"
    return "none" if _body_weight(facts, exercise_id) else None


def under_cap(facts: Facts, exercise_id: str, cap_kg: float | None = None) -> bool:
    """Whether the exercise's lightest gym load, in kilograms and in pounds, is no more
    than the flared session lifted (always, for unloaded work or without a cap).

    Both units are checked so the options never depend on the reader's units: 10 kg
    lifted is 20 lb on the pound grid, under the 25 lb that is a hamstring curl's
    lightest stack load."""
    cap = facts.flare_cap(exercise_id) if cap_kg is None else cap_kg
    return cap is None or not over_cap(facts, exercise_id, cap)


def over_cap(facts: Facts, exercise_id: str, cap_kg: float) -> bool:
    return bool(_over_in(facts, exercise_id, cap_kg))


def _over_in(facts: Facts, exercise_id: str, cap_kg: float) -> list[Units]:
    """The units in which the exercise's lightest gym load is more than ``cap_kg`` as a
    gym in that unit had it on the bar (none for unloaded work or a child's dowel)."""
    windows = _bottom_windows(facts, exercise_id)
    exercise = facts.catalog[exercise_id]
    implement = exercise.loads.implement
    if not windows or implement is None or facts.child_bar(exercise):
        return []
    return over_gym_cap(
        windows["kg"].min, windows["lb"].min, cap_kg, implement, facts.compiled.loads
    )


def _add(pick: Pick, reason: Reason) -> None:
    if reason not in pick.reasons:
        pick.reasons.append(reason)


def _bottom_kg(facts: Facts, exercise_id: str) -> float:
    """The lightest gym load inside the catalog's range for the athlete's band."""
    windows = _bottom_windows(facts, exercise_id)
    return windows["kg"].min if windows else 0.0


def _bottom_windows(facts: Facts, exercise_id: str) -> dict[Units, Window]:
    """That lightest load in kilograms and in pounds (none for unloaded work). A child's
    bar-on-back work starts from the dowel, whatever the band's range says."""
    exercise = facts.catalog[exercise_id]
    rng = facts.catalog.load_range(exercise_id, facts.band)
    if rng is None or exercise.loads.implement is None:
        return {}
    if facts.child_bar(exercise):
        child_max = facts.catalog.thresholds.loads.child.bar_on_back_max_kg
        return facts.compiled.windows(Ask(0, child_max, bottom=True), "barbell")
    return facts.compiled.windows(Ask(rng.min, rng.max, bottom=True), exercise.loads.implement)


def _bottom_facts(facts: Facts, exercise_id: str) -> dict[str, Any]:
    """That load as a reason's facts, a child's named as the dowel it is."""
    windows = _bottom_windows(facts, exercise_id)
    if not windows:
        return {}
    dowel = facts.child_bar(facts.catalog[exercise_id])
    return {**load_facts(windows), **({"implement": "dowel"} if dowel else {})}


def _step_down(facts: Facts, exercise_id: str, fits: bool = False) -> str | None:
    """The nearest step down the athlete can do (if ``fits``, the nearest whose lightest
    load is under the flare's cap or that can be done unloaded), following the catalog's
    step_down lists."""
    todo, seen = [exercise_id], {exercise_id}
    while todo:
        for candidate in facts.catalog[todo.pop(0)].step_down:
            target = stand_in(facts, candidate)
            if target is None or target in seen:
                continue
            if not fits or (fitting_mode(facts, target) and not _stepped_down(facts, target)):
                return target
            seen.add(target)
            todo.append(target)
    return None


def _stepped_down(facts: Facts, exercise_id: str) -> bool:
    """Whether the flared session had this exercise at or under the bottom of its range
    with a step down below it: it gives way itself, so it is no step down for another."""
    last = facts.last_load(exercise_id)
    if last is None or last > _bottom_kg(facts, exercise_id) + 1e-9:
        return False
    return _step_down(facts, exercise_id) is not None


def offer_alternatives(facts: Facts, draft: Draft) -> None:
    """After a flare, something to do today that does not load the hinge: the
    programme's alternatives the athlete can do under the flared session's load (or
    unloaded, where the catalog says the work can be)."""
    catalog = facts.catalog
    for exercise_id in catalog.programme.after_flare:
        exercise = catalog[exercise_id]
        mode = fitting_mode(facts, exercise_id)
        if exercise.hinge or not facts.allowed(exercise) or mode is None:
            continue
        reason = say(catalog, "flare-alternative", flare=facts.flare, exercise=exercise_id)
        pick = draft.offer(exercise_id, reason, load_mode=mode)
        cap = facts.flare_cap(exercise_id)
        if pick.load_mode == "none" and cap is not None:
            _unloaded(facts, pick, cap)
