"""Session sheets: today's plan, or one page per week of a block, to fill in by hand.

Each item of the session gets its prescription, a box per set for the load and reps
done, its cues and why it is there (the engine's reasons, loads in the sheet's units); a
re-test gets pass/fail and fault boxes; every page ends with the pain checks (during, next
morning). A referral gets one page that says so and no session.
"""

from __future__ import annotations

from dataclasses import dataclass

from hingecoach.core import Block, Catalog, Plan
from hingecoach.core.present import RECHECK_WORDS, load_text, why_text
from hingecoach.core.results import SessionItem, Why
from hingecoach.printing.words import PART_LABELS, STAGE_LABELS, Units, rest, scheme


@dataclass(frozen=True)
class SheetItem:
    number: int
    id: str
    name: str
    theme: str
    role: str
    part: str
    part_label: str
    scheme: str
    load: str
    loaded: bool  # a load is prescribed: the sheet has a row to write it in
    rest: str
    targets: list[str]  # the reps aimed for, one per set
    cues: list[str]
    is_test: bool
    faults: list[str]  # names of the faults to tick on a re-test
    range_text: str | None = None  # the range to work through (pain-aware path)
    conditions: tuple[str, ...] = ()  # when this week's step happens, and otherwise
    why: tuple[str, ...] = ()  # why the item is there, the conditions above left out


# The reasons that make a block's step conditional, printed under the item.
CONDITION_RULES = frozenset({"block-step-if", "block-mastery-if"})


@dataclass(frozen=True)
class SheetPage:
    heading: str
    stage: str
    stage_label: str
    retest: bool
    items: list[SheetItem]
    warnings: list[str]
    refer: bool
    if_retest_fails: str | None = None
    if_pain_flare: str | None = None
    rechecks: str | None = None


@dataclass(frozen=True)
class PainGuide:
    safe_max: int
    during_max: int
    next_morning_max: int


# A session sheet is a page to write on at the gym: the first cues of each exercise (the
# catalog lists the most important first); the cards carry them all.
SHEET_CUES = 3


@dataclass(frozen=True)
class Sheet:
    athlete: str | None
    units: Units
    pages: list[SheetPage]
    pain: PainGuide


def _item(number: int, item: SessionItem, catalog: Catalog, units: Units) -> SheetItem:
    ex = catalog.exercises.get(item.exercise)
    rx = item.prescription
    per_side = " each side" if rx.per_side else ""
    return SheetItem(
        number=number,
        id=item.exercise,
        name=item.name,
        theme=item.theme,
        role=item.role,
        part=item.part,
        part_label=PART_LABELS.get(item.part, item.part),
        scheme=scheme(list(rx.reps), rx.per_side),
        load=load_text(rx, units),
        loaded=rx.load_kg is not None,
        rest=rest(rx.rest_s),
        targets=[f"{r}{per_side}" for r in rx.reps],
        cues=list(ex.cues[:SHEET_CUES]) if ex else [],
        is_test=item.role == "test",
        faults=[
            catalog.faults[f].name
            for f in (ex.faults_to_watch if ex else [])
            if f in catalog.faults
        ],
        range_text=_range_text(item),
        conditions=tuple(
            why_text(catalog, w, units) for w in item.why if w.rule in CONDITION_RULES
        ),
        why=tuple(why_text(catalog, w, units) for w in item.why if w.rule not in CONDITION_RULES),
    )


def _range_text(item: SessionItem) -> str | None:
    step = item.prescription.range_step
    return None if step is None else f"Range {step.step} of {step.of}: {step.text}"


def _items(session: list[SessionItem], catalog: Catalog, units: Units) -> list[SheetItem]:
    return [_item(n, item, catalog, units) for n, item in enumerate(session, start=1)]


def _names(session: list[SessionItem] | None) -> str | None:
    if not session:
        return None
    return ", then ".join(item.name for item in session)


def _warnings(warnings: list[Why], catalog: Catalog, units: Units) -> list[str]:
    return [why_text(catalog, w, units) for w in warnings]


def _guide(catalog: Catalog) -> PainGuide:
    pain = catalog.thresholds.pain
    return PainGuide(pain.safe_max, pain.during_max, pain.next_morning_max)


def plan_sheet(
    result: Plan, catalog: Catalog, *, units: Units = "kg", athlete: str | None = None
) -> Sheet:
    """One page: today's session in order."""
    page = SheetPage(
        heading="Today's session",
        stage=result.stage,
        stage_label=STAGE_LABELS.get(result.stage, result.stage),
        retest=any(i.part == "warm-up" for i in result.session),
        items=_items(result.session, catalog, units),
        warnings=_warnings(result.warnings_why, catalog, units),
        refer=result.refer,
    )
    return Sheet(athlete, units, [page], _guide(catalog))


def block_sheet(
    result: Block, catalog: Catalog, *, units: Units = "kg", athlete: str | None = None
) -> Sheet:
    """One page per week of the block (one page saying so when the athlete is referred)."""
    warnings = _warnings(result.warnings_why, catalog, units)
    if result.refer or not result.weeks:
        page = SheetPage(
            "Training block",
            result.stage,
            STAGE_LABELS.get(result.stage, result.stage),
            False,
            [],
            warnings,
            refer=True,
        )
        return Sheet(athlete, units, [page], _guide(catalog))
    total = len(result.weeks)
    pages = [
        SheetPage(
            heading=f"Week {week.week} of {total}",
            stage=week.stage,
            stage_label=STAGE_LABELS.get(week.stage, week.stage),
            retest=week.retest,
            items=_items(week.session, catalog, units),
            warnings=warnings if week.week == 1 else [],
            refer=False,
            if_retest_fails=_names(week.if_retest_fails),
            if_pain_flare=_names(week.if_pain_flare),
            rechecks=", ".join(RECHECK_WORDS[c] for c in week.rechecks) or None,
        )
        for week in result.weeks
    ]
    return Sheet(athlete, units, pages, _guide(catalog))
