"""The loaded catalog: exercises, faults, red flags, conditions, thresholds and rules."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from hingecoach.core.catalog.schema import (
    THEMES,
    AgeBand,
    Condition,
    Exercise,
    Fault,
    LoadRange,
    Programme,
    RedFlag,
    Rule,
    Thresholds,
)
from hingecoach.core.shipped import FromShipped

# The rules the engine and planner speak; a catalog must define every one of them.
ENGINE_RULES = frozenset(
    {
        "red-flag",
        "pain-refer",
        "fusion-clearance",
        "pain-aware-path",
        "more-foundational",
        "less-range",
        "no-hinge",
        "high-fear-first",
        "more-feedback",
        "no-full-range-hinge",
        "fear-caution",
        "fear-less-range",
        "pain-now-over-limit",
        "hamstring-goal-curl",
        "hamstring-goal-fallback",
        "corrective-series",
        "bridging-way-in",
        "run-the-test",
        "failed-test",
        "failed-test-bridging",
        "fault-step-back",
        "hamstring-fallback",
        "test-gate",
        "stay-strength",
        "stretch-skill",
        "nordic-option",
        "stand-in",
        "goal-first",
        "needs-prerequisites",
        "knee-bend-gate",
        "cannot-kneel",
        "test-not-trained",
        "age-load",
        "pain-flare",
        "flare-step-down",
        "finish-loaded",
        "block-back-down",
        "block-load",
        "start-low",
        "child-bar",
        "flare-not-reached",
        "flare-cap",
        "block-recheck",
        "cannot-kneel-pad",
        "flare-alternative",
        "range-first",
        "block-range",
        "block-step-if",
        "block-mastery-if",
        "stretch-skill-on",
        "flare-bottom",
        "flare-reached-below",
        "flare-under-bottom",
        "flare-over-cap",
        "test-failed",
    }
)
MEMO_SIZE = 200_000  # worded sentences kept per catalog before starting afresh


@dataclass(frozen=True)
class Catalog:
    exercises: dict[str, Exercise]
    faults: dict[str, Fault]
    red_flags: dict[str, RedFlag]
    conditions: dict[str, Condition]
    thresholds: Thresholds
    programme: Programme
    rules: dict[str, Rule]
    source: Path | None = None
    # The keys of a coach's thresholds that came from the shipped file (core.shipped).
    from_shipped: tuple[FromShipped, ...] = ()
    # Sentences already worded from this catalog's rules (hingecoach.core.present).
    memo: dict[object, str] = dataclasses.field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def remember(self, key: object, sentence: str) -> str:
        if len(self.memo) >= MEMO_SIZE:
            self.memo.clear()
        self.memo[key] = sentence
        return sentence

    def shipped_notes(self) -> list[str]:
        """One line per file of a coach's copy that left keys to the shipped file."""
        return [taken.note(self.source) for taken in self.from_shipped]

    def __getitem__(self, exercise_id: str) -> Exercise:
        return self.exercises[exercise_id]

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self.ladder_order(self.exercises.values()))

    def age_band(self, age: int) -> AgeBand:
        return "adult" if age >= self.thresholds.age.adult_from else "youth"

    def load_range(self, exercise_id: str, band: AgeBand) -> LoadRange | None:
        loads = self.exercises[exercise_id].loads
        return loads.adult if band == "adult" else loads.youth

    def fault_words(self, fault_id: str, exercise_id: str) -> tuple[str, str]:
        """What a fault looks like and how to fix it, in the wording that fits this
        exercise: its own wordings first (what the hands hold), then a knee-bending
        deadlift's, lying down, and last by what holds the spine."""
        fault, exercise = self.faults[fault_id], self.exercises[exercise_id]
        contexts = [
            *exercise.wording,
            *(["knee-bending"] if exercise_id in self.programme.knee_bending else []),
            *(["lying"] if exercise.position == "lying" else []),
            exercise.spine_constraint,
        ]
        looks = next((fault.looks[c] for c in contexts if c in fault.looks), fault.looks_like)
        fix = next((fault.fixes[c] for c in contexts if c in fault.fixes), fault.fix)
        return looks, fix

    def tsk_band(self, total: int) -> str:
        for band in self.thresholds.tsk11.bands:
            if total <= band.max:
                return band.name
        return self.thresholds.tsk11.bands[-1].name

    def track(self, exercise_id: str) -> str | None:
        sub = self.exercises[exercise_id].subcategory
        for subcategory in self.programme.subcategories:
            if subcategory.id == sub:
                return subcategory.track
        return None

    @staticmethod
    def ladder_order(exercises: Iterable[Exercise]) -> list[Exercise]:
        """Simplest first: by level, then theme, then name."""
        return sorted(exercises, key=lambda e: (e.level, THEMES.index(e.theme), e.name))

    def reference_problems(self) -> list[str]:
        """Every id that a data file names but the catalog does not hold."""
        return [
            *self._exercise_reference_problems(),
            *self._programme_reference_problems(),
            *self._other_reference_problems(),
        ]

    def _missing(
        self, where: str, ids: Iterable[str], known: Mapping[str, object], kind: str
    ) -> list[str]:
        return [f"{where}: unknown {kind} {i!r}" for i in ids if i not in known]

    def _exercise_reference_problems(self) -> list[str]:
        subcategories = {s.id: s for s in self.programme.subcategories}
        problems: list[str] = []
        for ex in self.exercises.values():
            where = f"exercises/{ex.id}.yaml"
            for field in ("step_up", "step_down"):
                problems += self._missing(
                    f"{where}: {field}", getattr(ex, field), self.exercises, "exercise"
                )
            for group in ex.prerequisites:
                problems += self._missing(
                    f"{where}: prerequisites", group, self.exercises, "exercise"
                )
            problems += self._missing(
                f"{where}: faults_to_watch", ex.faults_to_watch, self.faults, "fault"
            )
            problems += self._missing(
                f"{where}: subcategory", [ex.subcategory], subcategories, "subcategory"
            )
        return problems

    def _programme_reference_problems(self) -> list[str]:
        p = self.programme
        lists = {
            "corrective_series": p.corrective_series,
            "bridging_series": p.bridging_series,
            "test": [p.test],
            "after_failed_test": p.after_failed_test,
            "hamstring_fallback": [p.hamstring_fallback],
            "stay_default": [p.stay_default],
            "pain_aware_path": [step.exercise for step in p.pain_aware_path],
            "high_fear_first": [p.high_fear_first],
            "after_flare": p.after_flare,
            "knee_bending": p.knee_bending,
        }
        problems: list[str] = []
        for field, ids in lists.items():
            problems += self._missing(f"programme.yaml: {field}", ids, self.exercises, "exercise")
        problems += [
            f"programme.yaml: pain_aware_path: unknown rule {s.rule!r}"
            for s in p.pain_aware_path
            if s.rule not in self.rules
        ]
        problems += self._missing(
            "programme.yaml: block.sketch_failed_retest_with",
            [p.block.sketch_failed_retest_with],
            self.faults,
            "fault",
        )
        if p.test in self.exercises and self.exercises[p.test].role != "test":
            problems.append(f"programme.yaml: test: {p.test!r} does not have role 'test'")
        return problems

    def _other_reference_problems(self) -> list[str]:
        problems = [
            f"rules.yaml: rules: rule {rule!r} is missing (the engine gives this reason: "
            "copy its entry from the shipped rules.yaml)"
            for rule in sorted(ENGINE_RULES - set(self.rules))
        ]
        for fault in self.faults.values():
            problems += self._missing(
                f"faults.yaml: {fault.id}: regress_to",
                [fault.regress_to],
                self.exercises,
                "exercise",
            )
        for cond in self.conditions.values():
            pairs = [*cond.substitutes.keys(), *cond.substitutes.values()]
            problems += self._missing(
                f"conditions.yaml: {cond.id}: substitutes", pairs, self.exercises, "exercise"
            )
        return problems
