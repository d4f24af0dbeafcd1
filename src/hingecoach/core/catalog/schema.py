"""Schemas of the catalog's data files.

Every file under ``data/catalog`` is validated against one of these models, with unknown
keys refused, so a typo in a data file fails at load instead of being ignored.
"""

# Annotations are objects, not text (no ``from __future__ import annotations``): pydantic
# would otherwise evaluate each field's from text as the class is made, a sixth of the
# models' share of the command line's start.
from typing import Annotated, ClassVar, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Text = Annotated[str, StringConstraints(min_length=3, strip_whitespace=True)]
Theme = Literal["corrective", "fundamental", "challenge", "mastery"]
Role = Literal["drill", "exercise", "test"]
Range = Literal["full", "reduced"]
SpineConstraint = Literal["bar-on-back", "bar-in-hands", "none"]
AgeBand = Literal["youth", "adult"]
Goal = Literal["technique", "hamstring-load", "max-strength"]
Track = Literal["stay", "stretch", "hamstring"]
Implement = Literal["barbell", "kettlebell", "dumbbell", "machine"]
Position = Literal["standing", "kneeling", "lying"]
Level = Annotated[int, Field(ge=1, le=10)]  # a ladder's rung, 1 the simplest
# Where a fault's wording can change: by what holds the spine, in a knee-bending deadlift,
# lying down, or by what the hands hold (a bell or dumbbell, a hex bar's side handles).
FaultContext = Literal[
    "bar-on-back",
    "bar-in-hands",
    "none",
    "knee-bending",
    "lying",
    "weight-in-hands",
    "handles-at-sides",
]

THEMES: tuple[Theme, ...] = ("corrective", "fundamental", "challenge", "mastery")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class LoadRange(Strict):
    """A load range in kilograms for one age band."""

    min: float = Field(ge=0, le=500)
    max: float = Field(ge=0, le=500)

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.max < self.min:
            raise ValueError(f"max {self.max} is below min {self.min}")
        return self


class LoadGuidance(Strict):
    """Loads by age band; ``null`` for a band means the work is unloaded for it."""

    youth: LoadRange | None
    adult: LoadRange | None
    implement: Implement | None = Field(
        None,
        description="What the load is lifted with; it decides how loads are rounded "
        "(thresholds.yaml, loads.implements). Required when a band is loaded.",
    )
    body_weight: bool = Field(
        False,
        description="The work can be done with no load at all (a step-up at body weight): "
        "after a pain flare that left its lightest load above what the session had, it "
        "is offered unloaded rather than dropped.",
    )
    note: Text | None = None
    source: Text

    @model_validator(mode="after")
    def _implement_when_loaded(self) -> Self:
        if (self.youth or self.adult) and self.implement is None:
            raise ValueError(
                "a loaded exercise needs an implement (barbell, kettlebell, dumbbell or machine)"
            )
        return self


class Prescription(Strict):
    sets: int = Field(ge=1, le=10)
    reps: list[Annotated[int, Field(ge=1, le=50)]]
    rest_s: int = Field(ge=0, le=600)
    per_side: bool = False

    @model_validator(mode="after")
    def _reps_per_set(self) -> Self:
        if len(self.reps) != self.sets:
            raise ValueError(f"reps lists {len(self.reps)} sets but sets is {self.sets}")
        return self


class OwnFault(Strict):
    """A fault of one exercise that is not a hinge fault (a step-up's push-off)."""

    name: Text
    looks_like: Text
    fix: Text


class Exercise(Strict):
    """One drill, exercise or test of the ladder."""

    id: Slug
    name: Text
    category: Slug
    subcategory: Slug
    theme: Theme
    level: Level
    role: Role
    hinge: bool
    range: Range
    kneeling: bool
    position: Position = Field(
        "standing",
        description="How the body is set for the work: standing, kneeling "
        "(on the knees or a pad) or lying (on a mat, bench or machine).",
    )
    wording: list[FaultContext] = Field(
        default_factory=list,
        description="Fault wordings that fit this exercise better than "
        "its spine constraint's, tried first, in order (faults.yaml looks and fixes).",
    )
    knees_on_pad: bool = Field(
        False,
        description="The knees carry the body on a pad (a glute-ham developer): not "
        "kneeling work, but closed to an athlete who cannot kneel all the same.",
    )
    spine_constraint: SpineConstraint
    equipment: list[Text]
    prerequisites: list[list[Slug]] = Field(
        default_factory=list,
        description="Groups that must all be met; a group is met by any one exercise in it.",
    )
    step_up: list[Slug]
    step_down: list[Slug]
    prescription: Prescription
    loads: LoadGuidance
    faults_to_watch: list[Slug]
    own_faults: list[OwnFault] = Field(
        default_factory=list, description="Faults of this exercise outside the hinge's."
    )
    summary: Text
    setup: list[Text] = Field(min_length=2, max_length=6)
    cues: list[Text] = Field(min_length=3, max_length=5)
    easier_start: Text | None = None
    range_steps: list[Text] = Field(
        default_factory=list,
        max_length=6,
        description=(
            "How the range grows, shortest first, each a phrase that reads after 'move on "
            "to' (a higher or lower box, a bigger bridge). The pain-aware path starts at the "
            "first and adds range before load."
        ),
    )
    source: Text

    @model_validator(mode="after")
    def _kneeling_is_a_position(self) -> Self:
        if self.kneeling and self.position != "kneeling":
            raise ValueError(f"position: {self.position!r} does not fit kneeling: true")
        return self

    @model_validator(mode="after")
    def _test_is_unloaded(self) -> Self:
        if self.role == "test" and (self.loads.youth or self.loads.adult):
            raise ValueError("a test is never loaded: loads.youth and loads.adult must be null")
        return self


class Fault(Strict):
    """A hinge fault. ``looks_like`` and ``fix`` are the general wording; ``looks`` and
    ``fixes`` give the wording that fits an exercise better, by what holds the spine
    (bar on the back, bar in the hands, no bar) or for a knee-bending deadlift, which
    wins over the spine's wording."""

    id: Slug
    name: Text = Field(description="The fault as a label, for a list or a heading.")
    noun: Text | None = Field(
        None,
        description=(
            "The fault as a noun phrase, lower case, that reads inside a sentence: "
            "'is the step back for a rounding lower back', 'the test showed big toes "
            "coming off the floor'. Optional, so a catalog written before it still loads: "
            "without it sentences use the name."
        ),
    )
    looks_like: Text
    fix: Text
    looks: dict[FaultContext, Text] = Field(default_factory=dict)
    fixes: dict[FaultContext, Text] = Field(default_factory=dict)
    regress_to: Slug
    source: Text


class RedFlag(Strict):
    id: Slug
    name: Text
    why: Text


class Condition(Strict):
    id: Slug
    name: Text
    pain_aware: bool = False
    needs_clearance: bool = False
    excludes_kneeling: bool = False
    substitutes: dict[Slug, Slug] = Field(default_factory=dict)
    note: Text


class Subcategory(Strict):
    id: Slug
    name: Text
    category: Slug
    track: Track | None = None


class Rule(Strict):
    """A rule of the engine: what it says when it fires and where it comes from.

    ``says`` makes the contract's ``reasons`` string (ids, kilograms); ``text`` the
    sentence for a person (names, the reader's units). Both are filled from the reason's
    facts by ``hingecoach.core.present``.
    """

    summary: Text
    says: Text
    text: Text
    source: Text


class TskBand(Strict):
    name: Slug
    max: int = Field(ge=11, le=44)


class AgeThresholds(Strict):
    adult_from: int = Field(ge=10, le=30)
    source: Text


class PainThresholds(Strict):
    refer_at_or_above: int = Field(ge=1, le=10)
    pain_aware_at_or_above: int = Field(ge=1, le=10)
    safe_max: int = Field(ge=0, le=10)
    during_max: int = Field(ge=0, le=10)
    next_morning_max: int = Field(ge=0, le=10)
    source: Text

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if not self.safe_max < self.pain_aware_at_or_above < self.refer_at_or_above:
            raise ValueError("expected safe_max < pain_aware_at_or_above < refer_at_or_above")
        return self


class TskThresholds(Strict):
    bands: list[TskBand] = Field(min_length=2)
    pain_aware_bands: list[Slug]
    caution_bands: list[Slug]
    source: Text

    @model_validator(mode="after")
    def _bands_cover_scale(self) -> Self:
        tops = [band.max for band in self.bands]
        if tops != sorted(set(tops)) or tops[-1] != 44:
            raise ValueError("bands must rise and the last must end at 44")
        names = {band.name for band in self.bands}
        unknown = set(self.pain_aware_bands + self.caution_bands) - names
        if unknown:
            raise ValueError(f"unknown band {sorted(unknown)[0]!r}")
        return self


class Grid(Strict):
    """The loads a gym has for one implement in one unit: a step from the step, or a list
    of sizes (kettlebells)."""

    step: float | None = Field(None, gt=0, le=20)
    sizes: list[Annotated[float, Field(gt=0, le=500)]] | None = None

    @model_validator(mode="after")
    def _one_of(self) -> Self:
        if (self.step is None) == (self.sizes is None):
            raise ValueError("give either step or sizes")
        if self.sizes is not None and self.sizes != sorted(set(self.sizes)):
            raise ValueError("sizes must rise without repeats")
        return self


class ImplementGrid(Strict):
    # A coach's implement replaces the shipped one whole (hingecoach.core.shipped): step
    # and sizes exclude each other, and same_bells holds only for the sizes beside it.
    taken_whole: ClassVar[bool] = True

    kg: Grid
    lb: Grid
    same_bells: bool = Field(
        False,
        description=(
            "The kg and lb sizes list the same bells in the same order, each pound size the "
            "bell's common label (kettlebells: the 24 kg bell is the 53 lb bell). A range end "
            "that is a kilogram bell becomes that bell's pound size, even where it sits a "
            "little above the exact conversion; any other end is rounded to the pound grid."
        ),
    )

    @model_validator(mode="after")
    def _paired(self) -> Self:
        if self.same_bells and (
            self.kg.sizes is None
            or self.lb.sizes is None
            or len(self.kg.sizes) != len(self.lb.sizes)
        ):
            raise ValueError("same_bells needs as many kg sizes as lb sizes")
        return self

    def pound_bells(self) -> dict[float, float]:
        """Each kilogram bell's pound size (empty unless ``same_bells``)."""
        if not self.same_bells:
            return {}
        return dict(zip(self.kg.sizes or [], self.lb.sizes or [], strict=True))


class ChildLoads(Strict):
    below_age: int = Field(ge=5, le=18)
    bar_on_back_max_kg: float = Field(gt=0, le=20)


class LoadThresholds(Strict):
    implements: dict[Implement, ImplementGrid]
    tolerance: float = Field(
        ge=0,
        le=0.1,
        description=(
            "A gym load this far below a range's bottom (as a share of it) still counts as "
            "its bottom: 12 kg is a 26 lb kettlebell. The top is never exceeded, except by a "
            "kettlebell's own pound label (same_bells)."
        ),
    )
    older_adult_from: int = Field(ge=40, le=110)
    child: ChildLoads
    source: Text

    @model_validator(mode="after")
    def _every_implement(self) -> Self:
        missing = sorted({"barbell", "kettlebell", "dumbbell", "machine"} - set(self.implements))
        if missing:
            raise ValueError(f"implements: {missing[0]!r} is missing")
        return self


class Thresholds(Strict):
    """Every number the engine decides with: defaults a coach can change."""

    age: AgeThresholds
    pain: PainThresholds
    tsk11: TskThresholds
    loads: LoadThresholds


class Schemes(Strict):
    volume: list[Annotated[int, Field(ge=1, le=50)]] = Field(min_length=1)
    pyramid: list[Annotated[int, Field(ge=1, le=50)]] = Field(min_length=1)


class BlockRules(Strict):
    retest_every_weeks: dict[str, int]
    drills_mastered_after_weeks: int = Field(
        ge=1,
        le=12,
        description=("The fewest weeks a drill is done before the block counts it as mastered."),
    )
    exercises_mastered_after_weeks: int = Field(
        ge=1,
        le=26,
        description=(
            "The fewest weeks on an exercise before the block projects the step above it."
        ),
    )
    recheck_every_weeks: dict[Literal["pain-now", "tsk11"], int] = Field(
        description=(
            "On the pain-aware path, weeks between planned re-checks of pain now and of the TSK-11."
        )
    )
    sketch_failed_retest_with: Slug
    pain_aware_step_every_weeks: int = Field(
        2,
        ge=1,
        le=12,
        description=(
            "On the pain-aware path, weeks between projected steps: first more range (an "
            "exercise's range_steps), then more load; each step only if the re-checks allow."
        ),
    )


class PathStep(Strict):
    exercise: Slug
    rule: Slug


class Programme(Strict):
    """The order of the article's process, kept as data."""

    subcategories: list[Subcategory]
    corrective_series: list[Slug]
    bridging_series: list[Slug]
    test: Slug
    after_failed_test: list[Slug]
    hamstring_fallback: Slug
    stay_default: Slug
    pain_aware_path: list[PathStep]
    high_fear_first: Slug
    after_flare: list[Slug] = Field(
        default_factory=list,
        description="Non-hinge alternatives offered after a pain flare, "
        "so there is always something to do that day.",
    )
    after_flare_main_items: int = Field(
        2,
        ge=1,
        le=3,
        description="Main-work items of a session after a pain flare (three "
        "otherwise): less work, one of them off the hinge.",
    )
    knee_bending: list[Slug]
    goal_order: dict[Goal, list[Track]]
    schemes: Schemes
    block: BlockRules
    source: Text
