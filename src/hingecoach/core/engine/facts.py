"""What the engine knows about an athlete, derived once from the case and the catalog."""

from __future__ import annotations

from functools import cached_property
from typing import Any, Literal

from hingecoach.core.case import Case, ProjectedTest, TestResult
from hingecoach.core.catalog import Catalog, Exercise
from hingecoach.core.catalog.schema import AgeBand
from hingecoach.core.engine.compiled import Compiled, compiled
from hingecoach.core.present import scheme_text


class Facts:
    """The case and catalog, with what every rule asks of them worked out up front (a
    recommendation reads each several times; plain attributes are the cheapest to read)."""

    def __init__(self, case: Case, catalog: Catalog) -> None:
        self.case = case
        self.catalog = catalog
        athlete = case.athlete
        self.mastered = frozenset(case.mastered)
        self.compiled: Compiled = compiled(catalog)
        self.age: int = athlete.age
        self.band: AgeBand = catalog.age_band(athlete.age)
        self.latest_test: TestResult | None = case.latest_test
        self.tsk_band = None if athlete.tsk11 is None else catalog.tsk_band(athlete.tsk11)
        conditions = [catalog.conditions[c] for c in athlete.conditions]
        self.can_kneel = not any(c.excludes_kneeling for c in conditions)
        self.substitutes: dict[str, str] = {}
        for condition in conditions:
            self.substitutes.update(condition.substitutes)
        self.pain_aware_causes = self._pain_aware_causes()
        self.flares = self._flares()
        # The first cause of a flare; every reason but the warnings quotes this one.
        self.flare = self.flares[0] if self.flares else None
        last = case.last_session
        # The exercises the last session records, in order.
        self.logged = tuple(dict.fromkeys(e.exercise for e in last.exercises)) if last else ()
        self.done = frozenset(self.logged).union(case.done_before)  # no first session

    @property
    def passed(self) -> bool:
        test = self.latest_test
        return test is not None and test.passed

    def allowed(self, exercise: Exercise) -> bool:
        return self.can_kneel or not (exercise.kneeling or exercise.knees_on_pad)

    def is_mastered(self, exercise_id: str) -> bool:
        """Mastered, counting a condition's stand-in for what the athlete cannot do."""
        if exercise_id in self.mastered:
            return True
        stand_in = self.substitutes.get(exercise_id)
        return stand_in is not None and stand_in in self.mastered

    def owned(self, exercise_id: str) -> str | None:
        """What the athlete mastered for this id: the id itself or its stand-in."""
        if exercise_id in self.mastered:
            return exercise_id
        stand_in = self.substitutes.get(exercise_id)
        return stand_in if stand_in is not None and stand_in in self.mastered else None

    def missing_prerequisites(self, exercise: Exercise) -> list[list[str]]:
        """The prerequisite groups not yet met (a group is met by any one of its ids)."""
        return [
            group for group in exercise.prerequisites if not any(self.is_mastered(i) for i in group)
        ]

    def test_facts(self) -> dict[str, Any] | None:
        """The latest test as facts of a reason (None when no test is on record); a new
        dict each time, as each reason owns its facts."""
        known = self._test_facts
        return None if known is None else {**known, "faults": list(known["faults"])}

    @cached_property
    def _test_facts(self) -> dict[str, Any] | None:
        test = self.latest_test
        if test is None:
            return None
        return {"date": test.date.isoformat(), "faults": list(test.faults), **_week(test)}

    def _pain_aware_causes(self) -> list[dict[str, Any]]:
        """The facts that put the athlete on the pain-aware path (empty: not on it)."""
        catalog, athlete = self.catalog, self.case.athlete
        pain = catalog.thresholds.pain
        causes: list[dict[str, Any]] = []
        if athlete.pain_nrs >= pain.pain_aware_at_or_above:
            causes.append({"pain": athlete.pain_nrs, "safe_max": pain.safe_max})
        causes += [
            {"condition": cid}
            for cid in dict.fromkeys(athlete.conditions)
            if catalog.conditions[cid].pain_aware
        ]
        if self.tsk_band in catalog.thresholds.tsk11.pain_aware_bands:
            causes.append({"tsk11": athlete.tsk11, "band": self.tsk_band})
        return causes

    def _flares(self) -> list[dict[str, Any]]:
        """What makes the last session a flare (pain, when, the limit), each cause on its
        own: pain during, then the next morning; empty without a flare."""
        last = self.case.last_session
        if last is None:
            return []
        limits = self.catalog.thresholds.pain
        causes: list[dict[str, Any]] = []
        if last.pain_during is not None and last.pain_during > limits.during_max:
            causes.append({"when": "during", "pain": last.pain_during, "limit": limits.during_max})
        if last.pain_next_morning is not None and last.pain_next_morning > limits.next_morning_max:
            causes.append(
                {
                    "when": "next-morning",
                    "pain": last.pain_next_morning,
                    "limit": limits.next_morning_max,
                }
            )
        return causes

    @property
    def strength_scheme(self) -> Literal["volume", "pyramid"]:
        """3x10 by default; 10/8/6 with rising load when the goal is maximal strength."""
        return "pyramid" if self.case.goal == "max-strength" else "volume"

    def scheme_for(self, exercise: Exercise) -> tuple[Literal["default", "volume", "pyramid"], str]:
        """The strength scheme for good mornings (3x10, or 10/8/6 for maximal strength);
        every other exercise keeps its catalog sets and reps."""
        if exercise.subcategory == self.compiled.stay_column:
            return self.strength_scheme, self.strength_scheme_words
        return "default", scheme_text(exercise.prescription.reps, exercise.prescription.per_side)

    @property
    def strength_scheme_words(self) -> str:
        reps = getattr(self.catalog.programme.schemes, self.strength_scheme)
        if len(set(reps)) > 1:
            return "/".join(map(str, reps)) + " with rising load"
        return f"{len(reps)}x{reps[0]}"

    def last_load(self, exercise_id: str) -> float | None:
        """What ``exercise_id`` lifted in the last session (logged twice: the heaviest);
        None when that session did not do it or did not say."""
        loads = [kg for logged, kg in self._last_loads if logged == exercise_id]
        return max(loads) if loads else None

    @cached_property
    def _last_loads(self) -> tuple[tuple[str, float], ...]:
        """The last session's loads as (exercise, kg): as logged, and 0 for work the
        catalog never loads (a bridge done is a load known to be none)."""
        last = self.case.last_session
        if last is None:
            return ()
        known = []
        for entry in last.exercises:
            kg = entry.load_kg
            if kg is None and self.catalog[entry.exercise].loads.implement is None:
                kg = 0.0
            if kg is not None:
                known.append((entry.exercise, kg))
        return tuple(known)

    def flare_cap(self, exercise_id: str) -> float | None:
        """After a flare, the most an option may lift: what this exercise lifted in the
        flared session, else the heaviest load of that session; None when none is logged."""
        if self.flare is None:
            return None
        source = self.flare_cap_source(exercise_id)
        return None if source is None else self.last_load(source)

    def flared_volume(
        self, exercise_id: str, reps: list[int], held_to: str | None = None
    ) -> list[int]:
        """``reps`` held to the sets and reps the flared session logged for the exercise
        ``volume_source`` names (unchanged without a flare or a logged volume)."""
        source = self.volume_source(exercise_id, held_to)
        last = self.case.last_session
        if source is None or last is None:
            return reps
        entry = next(e for e in last.exercises if e.exercise == source)
        if entry.sets is None and not entry.reps:
            return reps
        sets = min(len(reps), entry.sets or len(entry.reps), len(entry.reps) or len(reps))
        done = entry.reps or reps
        return [min(r, done[min(n, len(done) - 1)]) for n, r in enumerate(reps[:sets])]

    def volume_source(self, exercise_id: str, held_to: str | None = None) -> str | None:
        """After a flare, the logged exercise whose sets and reps hold this one: itself
        when the flared session did it; for a hinge (the test aside), what it steps down
        from (``held_to``) when that was done, else the flared session's heaviest hinge.
        Each hinge is held on its own; volumes are not pooled across a session."""
        if self.flare is None:
            return None
        if exercise_id in self._volumes:
            return exercise_id
        exercise = self.catalog[exercise_id]
        if not exercise.hinge or exercise.role == "test":
            return None
        if held_to is not None and held_to in self._volumes:
            return held_to
        hinges = [e for e in self._volumes if self.catalog[e].hinge]
        if not hinges:
            return None
        return max(hinges, key=lambda e: self.last_load(e) or 0.0)

    @cached_property
    def _volumes(self) -> tuple[str, ...]:
        """The last session's exercises that logged sets or reps, in order."""
        last = self.case.last_session
        if last is None:
            return ()
        return tuple(
            dict.fromkeys(e.exercise for e in last.exercises if e.sets is not None or e.reps)
        )

    def flare_cap_source(self, exercise_id: str) -> str | None:
        """The logged exercise whose load caps ``exercise_id`` after a flare: itself when
        the flared session lifted it, else that session's heaviest lift."""
        if self.flare is None:
            return None
        if self.last_load(exercise_id) is not None:
            return exercise_id
        lifts = self._last_loads
        return max(lifts, key=lambda lift: lift[1])[0] if lifts else None

    @property
    def older_adult(self) -> bool:
        return self.age >= self.catalog.thresholds.loads.older_adult_from

    def child_bar(self, exercise: Exercise) -> bool:
        """A child's bar-on-back work: a dowel or the lightest bar."""
        child = self.catalog.thresholds.loads.child
        return self.age < child.below_age and exercise.spine_constraint == "bar-on-back"


def week_of(test: TestResult) -> int | None:
    """The block week of a re-test a block projects; None for a test on record."""
    return test.week if isinstance(test, ProjectedTest) else None


def _week(test: TestResult) -> dict[str, int]:
    """The block week of a projected re-test, as a fact (nothing for a test on record)."""
    week = week_of(test)
    return {} if week is None else {"week": week}
