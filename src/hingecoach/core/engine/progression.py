"""After a passed test: the three options, ordered by goal, and the ladder above them."""

from __future__ import annotations

from hingecoach.core.catalog import Exercise
from hingecoach.core.engine.corrective import stand_in
from hingecoach.core.engine.draft import Draft
from hingecoach.core.engine.facts import Facts
from hingecoach.core.engine.reasons import Reason, say
from hingecoach.core.results import Stage

PER_TRACK = 2


def progress_stage(facts: Facts) -> Stage:
    catalog = facts.catalog
    if any(catalog[i].theme in ("challenge", "mastery") for i in facts.mastered):
        return "mastery"
    if any(i in facts.mastered for i in catalog.programme.knee_bending):
        return "challenge"
    return "fundamental"


def progression(facts: Facts, draft: Draft) -> None:
    catalog = facts.catalog
    tracks = {"stay": _stay, "stretch": _climb, "hamstring": _climb}
    order = catalog.programme.goal_order[facts.case.goal]
    for position, track in enumerate(order):
        before = len(draft.picks)
        # The curl, when it leads, says the goal itself; a stand-in after it does not.
        led = position == 0 and track == "hamstring" and _curl_first(facts, draft)
        tracks[track](facts, draft, track)
        if position == 0 and not led and len(draft.picks) > before:
            first = next(iter(list(draft.picks.values())[before:]))
            first.reasons.insert(
                0,
                say(
                    catalog,
                    "goal-first",
                    goal=facts.case.goal,
                    track=track,
                    exercise=first.exercise,
                ),
            )


def _curl_first(facts: Facts, draft: Draft) -> bool:
    """Hamstring load first when the athlete can do none of the heel-anchored steps not
    yet mastered: the curl loads the hamstrings; a stand-in such as the hip thrust keeps
    the ladder's place, not the goal's."""
    ahead = [e for e in facts.compiled.climbs.get("hamstring", ()) if not facts.is_mastered(e.id)]
    ruled_out = [e.id for e in ahead if not facts.allowed(e)]
    if not ruled_out or len(ruled_out) < len(ahead):
        return False
    curl = facts.catalog.programme.hamstring_fallback
    draft.offer(
        curl,
        say(
            facts.catalog,
            "hamstring-goal-curl",
            goal=facts.case.goal,
            exercises=ruled_out,
            exercise=curl,
        ),
    )
    return True


def _owned(facts: Facts) -> list[Exercise]:
    """Mastered loaded hinge exercises, most advanced first: what strength work can use."""
    owned = [
        e
        for e in facts.compiled.hinge_exercises
        if e.id in facts.mastered and getattr(e.loads, facts.band) is not None and facts.allowed(e)
    ]
    return sorted(owned, key=lambda e: -e.level)


def _stay(facts: Facts, draft: Draft, track: str) -> None:
    default = facts.catalog.programme.stay_default
    choices = [*[e.id for e in _owned(facts)][: PER_TRACK - 1], default]
    for exercise_id in dict.fromkeys(choices):
        owned = [exercise_id] if exercise_id in facts.mastered else []
        scheme, words = facts.scheme_for(facts.catalog[exercise_id])
        draft.offer(
            exercise_id,
            say(
                facts.catalog,
                "stay-strength",
                test=facts.test_facts(),
                mastered=owned,
                exercise=exercise_id,
                scheme=words,
            ),
            scheme=scheme,
        )


def _climb(facts: Facts, draft: Draft, track: str) -> None:
    """Offer the nearest unmastered steps of a track whose prerequisites are met."""
    offered = 0
    for exercise in _candidates(facts, track):
        missing = facts.missing_prerequisites(exercise)
        if missing:
            _hold_back_locked(facts, draft, exercise, missing)
        elif offered < PER_TRACK:
            draft.offer(exercise.id, _climb_reason(facts, exercise, track), step_up=True)
            offered += 1


def _climb_reason(facts: Facts, exercise: Exercise, track: str) -> Reason:
    met = sorted(
        {owned for group in exercise.prerequisites for i in group if (owned := facts.owned(i))}
    )
    known = {"test": facts.test_facts(), "mastered": met}
    original = next(
        (
            k
            for k, v in facts.substitutes.items()
            if v == exercise.id and facts.compiled.tracks[k] == track
        ),
        None,
    )
    if original is not None:
        return say(facts.catalog, "stand-in", exercise=exercise.id, original=original, **known)
    rule = "stretch-skill" if track == "stretch" else "nordic-option"
    return say(facts.catalog, rule, exercise=exercise.id, **known)


def _candidates(facts: Facts, track: str) -> list[Exercise]:
    found: list[Exercise] = []
    for exercise in facts.compiled.climbs.get(track, ()):
        if exercise.id in facts.mastered:
            continue
        target = stand_in(facts, exercise.id)
        if (
            target is not None
            and target not in facts.mastered
            and not _variant_of_mastered(facts, facts.catalog[target])
        ):
            found.append(facts.catalog[target])
    return list({e.id: e for e in found}.values())


def _hold_back_locked(
    facts: Facts, draft: Draft, exercise: Exercise, missing: list[list[str]]
) -> None:
    rule = (
        "knee-bend-gate"
        if exercise.id in facts.catalog.programme.knee_bending
        else "needs-prerequisites"
    )
    # What the athlete can master: a condition's stand-in rather than what it replaces.
    named = [list(dict.fromkeys(facts.substitutes.get(i, i) for i in group)) for group in missing]
    draft.hold_back(exercise.id, say(facts.catalog, rule, exercise=exercise.id, missing=named))


def _variant_of_mastered(facts: Facts, exercise: Exercise) -> bool:
    """Same column, level and prerequisites as a mastered exercise: an alternative to
    what the athlete owns (RDL and stiff-legged deadlift), not a step up."""
    return any(
        other.subcategory == exercise.subcategory
        and other.level == exercise.level
        and other.prerequisites == exercise.prerequisites
        for other in (facts.catalog[i] for i in facts.mastered)
    )
