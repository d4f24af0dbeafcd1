"""block(case, weeks): a training block that projects the plan week by week.

Week 1 is today's plan. The block then assumes the plan holds: a drill is mastered after
a week, an exercise after the programme's minimum weeks on it, and each planned re-test
passes; what it only assumes is worded as a condition ("if Good Morning is mastered by
then"). Each exercise keeps its own sets and reps and climbs one gym load a week from
its start. On the pain-aware path it instead steps every few weeks, range first and load
after. Every projected step (a new exercise, more load, more range) happens only if that
week's pain re-check allows it. A block that starts after a pain flare takes one step a
week, never above the flared session's load and, the week after, never to a step not yet
reached. Every week carries the session that replaces it when that assumption breaks (a
failed re-test or a pain flare). See docs/block.md.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from hingecoach.core.case import Case, LastSession, ProjectedTest, parse_case
from hingecoach.core.catalog import Catalog
from hingecoach.core.engine.draft import Pick
from hingecoach.core.engine.facts import Facts
from hingecoach.core.engine.loads import under_gym_cap
from hingecoach.core.engine.prescribe import load_for, range_step
from hingecoach.core.engine.reasons import Reason, add_reason, both, say
from hingecoach.core.errors import CaseError
from hingecoach.core.planner.session import plan
from hingecoach.core.results import Block, Gate, Plan, SessionItem, Week
from hingecoach.core.validation import quoted

MAX_WEEKS = 52
LOAD_RULES = frozenset({"age-load", "start-low"})
# Reasons that speak of one week: worded afresh when an item is held for another week.
WEEKLY_RULES = frozenset({"block-load", "block-range"})
ENTRY_RULES = frozenset({"block-step-if", "block-mastery-if"})


@dataclass
class _Track:
    """What the block has projected so far, exercise by exercise."""

    done: Counter[str] = field(default_factory=Counter)  # weeks done: the mastery clock
    moved: Counter[str] = field(default_factory=Counter)  # weeks counted toward its steps
    waiting: Counter[str] = field(default_factory=Counter)  # weeks a step waited its turn
    seen: dict[str, SessionItem] = field(default_factory=dict)  # as it entered the block


@dataclass(frozen=True)
class _Flare:
    """The pain flare a block starts after: what the athlete had reached, the flared
    session's loads (each exercise's cap) and the flare's facts for a reason."""

    facts: Facts
    reached: frozenset[str]  # mastered, lifted in the flared session, or in week 1

    def cap(self, exercise_id: str) -> float | None:
        return self.facts.flare_cap(exercise_id)

    def holds_back(self, item: SessionItem, change: str, number: int) -> str | None:
        """Why the flare holds back this step, if it does: ``later`` for a hinge not yet
        reached in the week after the flare (it may come once that week is past), ``cap``
        for a load above the flared session's in either unit (it never comes)."""
        hinge = self.facts.catalog[item.exercise].hinge
        if change == "exercise" and number == 2 and hinge and item.exercise not in self.reached:
            return "later"
        cap, rx = self.cap(item.exercise), item.prescription
        if cap is None or rx.load_kg is None or rx.implement is None:
            return None
        lb = rx.load_lb.max if rx.load_lb is not None else 0.0
        implement = "barbell" if rx.implement == "dowel" else rx.implement
        loads = self.facts.compiled.loads
        return None if under_gym_cap(rx.load_kg.max, lb, cap, implement, loads) else "cap"


def block(
    case: Case | dict[str, Any], weeks: int, catalog: Catalog, start: dt.date | None = None
) -> Block:
    """A block of ``weeks`` weekly sessions, starting from the athlete's case."""
    if isinstance(weeks, bool) or not isinstance(weeks, int):
        raise CaseError("weeks", f"{quoted(weeks)} is not a whole number of weeks")
    if not 1 <= weeks <= MAX_WEEKS:
        raise CaseError("weeks", f"{weeks} is not in the range 1..{MAX_WEEKS}")
    current = parse_case(case, catalog)
    first = plan(current, catalog)
    warnings = {"warnings": first.warnings, "warnings_why": first.warnings_why}
    if first.refer:
        return Block(stage=first.stage, refer=True, weeks=[], **warnings)
    start = start or dt.date.today()
    today = Facts(current, catalog)
    flare = None if today.flare is None else _Flare(today, _reached(today, first))
    known = frozenset(current.mastered)
    track = _Track()
    planned: list[Week] = []
    for number in range(1, weeks + 1):
        week = _week(current, number, weeks, catalog, start, track, flare)
        week = _as_projected(week, known, catalog)
        held: set[str] = set()
        if planned:
            if flare is not None:
                week, held = _one_step(week, planned[-1], flare, track, catalog)
            _on_assumed_mastery(week, planned[-1], Facts(current, catalog), known)
            week = _gate_steps(week, planned[-1], catalog)
        track.seen.update({i.exercise: i for i in week.session if i.exercise not in track.seen})
        planned.append(week)
        worked = [i.exercise for i in week.session if i.part != "warm-up"]
        track.done.update(worked)
        track.moved.update(i for i in worked if i not in held)
        current = _project(current, week, track.done, catalog, start)
    return Block(stage=first.stage, refer=False, weeks=planned, **warnings)


def _reached(facts: Facts, today: Plan) -> frozenset[str]:
    """What the athlete had reached when the flare came, as the week after it counts: a
    hinge mastered (or its stand-in) or lifted in the flared session, or what today's
    plan, after the flare, already offers. A step the engine reckons reached only because
    it sits below a mastered lift is still a new climb (a sumo deadlift under a
    conventional one learnt first)."""
    owned = {i for i in facts.catalog.exercises if facts.is_mastered(i)}
    return frozenset(owned | set(facts.logged) | {i.exercise for i in today.session})


def _week(
    case: Case,
    number: int,
    weeks: int,
    catalog: Catalog,
    start: dt.date,
    track: _Track,
    flare: _Flare | None,
) -> Week:
    today = plan(case, catalog)
    every = catalog.programme.block.retest_every_weeks.get(today.stage, 1)
    has_test = any(i.part == "warm-up" for i in today.session)
    retest = has_test and (number - 1) % every == 0
    facts = Facts(case, catalog)
    session = [i for i in today.session if retest or i.part != "warm-up"]
    rechecks = _rechecks(today.stage, number, catalog)
    moved = track.moved
    if today.stage == "pain-aware":
        session = [
            _step_pain_aware(i, number, weeks, moved[i.exercise], facts, rechecks) for i in session
        ]
    else:
        session = [
            _settled(
                _progress(i, number, weeks, moved[i.exercise], facts, track.seen.get(i.exercise)),
                track.done[i.exercise],
                catalog,
            )
            for i in session
        ]
    if flare is not None and number > 1:
        session = [_from_the_bottom(i, facts, flare) for i in session]
    return Week(
        week=number,
        retest=retest,
        stage=today.stage,
        session=session,
        if_retest_fails=_back_down_on_fail(case, catalog, start, number) if retest else None,
        if_pain_flare=_back_down_on_flare(case, catalog),
        rechecks=rechecks,
    )


def _rechecks(stage: str, number: int, catalog: Catalog) -> list[str]:
    """The pain-aware path's planned re-checks that fall in week ``number``."""
    if stage != "pain-aware":
        return []
    every = catalog.programme.block.recheck_every_weeks
    return [what for what, weeks in every.items() if (number - 1) % weeks == 0]


def _progress(
    item: SessionItem,
    number: int,
    weeks: int,
    weeks_done: int,
    facts: Facts,
    first: SessionItem | None,
) -> SessionItem:
    """An exercise keeps the sets and reps it entered the block with. A starting load
    climbs one gym load for each week the exercise has been done; a load that entered as
    a range (work the athlete owned) stays that range for the coach to pick from."""
    entered = first or item
    load = entered.prescription.load_kg
    if load is None or load.min != load.max or weeks_done == 0 or item.part == "warm-up":
        return item
    catalog = facts.catalog
    loaded = load_for(Pick(item.exercise, []), catalog[item.exercise], facts, steps=weeks_done)
    rx = item.prescription.model_copy(
        update={
            "load_kg": loaded.kg,
            "load_lb": loaded.lb,
            "reps": entered.prescription.reps,
            "sets": entered.prescription.sets,
            "scheme": entered.prescription.scheme,
        }
    )
    keep = [n for n, why in enumerate(item.why) if why.rule not in LOAD_RULES]
    moved = item.model_copy(
        update={
            "prescription": rx,
            "reasons": [item.reasons[n] for n in keep],
            "why": [item.why[n] for n in keep],
        }
    )
    for reason in loaded.reasons:
        add_reason(catalog, moved, reason)
    add_reason(
        catalog,
        moved,
        say(
            catalog,
            "block-load",
            week=number,
            weeks=weeks,
            scheme=rx.scheme,
            load_kg=rx.load_kg.model_dump() if rx.load_kg else None,
            load_lb=rx.load_lb.model_dump() if rx.load_lb else None,
        ),
    )
    return moved


def _step_pain_aware(
    item: SessionItem, number: int, weeks: int, weeks_done: int, facts: Facts, rechecks: list[str]
) -> SessionItem:
    """A pain-aware item after ``weeks_done`` weeks on it: one step every few weeks, more
    range first (the catalog's range_steps), then one gym load more; a step this week is
    gated on the week's re-checks."""
    if weeks_done == 0 or item.part == "warm-up":
        return item
    catalog = facts.catalog
    exercise = catalog[item.exercise]
    every = catalog.programme.block.pain_aware_step_every_weeks
    ranges = max(len(exercise.range_steps) - 1, 0)
    steps = weeks_done // every
    range_at, loads = min(steps, ranges), max(steps - ranges, 0)
    moved = _moved(item, exercise, facts, range_at, loads)
    if exercise.range_steps:
        add_reason(
            catalog,
            moved,
            say(
                catalog,
                "block-range",
                week=number,
                weeks=weeks,
                range=exercise.range_steps[range_at],
            ),
        )
    if (
        weeks_done % every == 0
        and moved.prescription
        != _moved(
            item, exercise, facts, min(steps - 1, ranges), max(steps - 1 - ranges, 0)
        ).prescription
    ):
        _gate(
            moved,
            number,
            facts.catalog,
            rechecks,
            "range" if steps <= ranges else "load",
            exercise.range_steps[range_at] if steps <= ranges else None,
        )
    return moved


def _moved(
    item: SessionItem, exercise: Any, facts: Facts, range_at: int, loads: int
) -> SessionItem:
    """``item`` at range step ``range_at`` and ``loads`` gym loads above its start."""
    catalog = facts.catalog
    update: dict[str, Any] = {"range_step": range_step(exercise, range_at)}
    load = item.prescription.load_kg
    reasons = [
        (r, w) for r, w in zip(item.reasons, item.why, strict=True) if w.rule != "range-first"
    ]
    extra = []
    if load is not None and load.min == load.max and loads:
        loaded = load_for(Pick(item.exercise, []), exercise, facts, steps=loads)
        update.update(load_kg=loaded.kg, load_lb=loaded.lb)
        reasons = [(r, w) for r, w in reasons if w.rule not in LOAD_RULES]
        extra = [*loaded.reasons]
    rx = item.prescription.model_copy(update=update)
    moved = item.model_copy(
        update={
            "prescription": rx,
            "reasons": [r for r, _ in reasons],
            "why": [w for _, w in reasons],
        }
    )
    for reason in extra:
        add_reason(catalog, moved, reason)
    return moved


def _settled(item: SessionItem, weeks_done: int, catalog: Catalog) -> SessionItem:
    """After its first week, a stretch exercise no longer starts light: its reason says
    the skill keeps being stretched (the load climbs, see ``_progress``)."""
    if weeks_done == 0 or not any(w.rule == "stretch-skill" for w in item.why):
        return item
    renamed = [
        Reason("stretch-skill-on" if w.rule == "stretch-skill" else w.rule, w.facts)
        for w in item.why
    ]
    return item.model_copy(update=both(catalog, renamed))


def _from_the_bottom(item: SessionItem, facts: Facts, flare: _Flare) -> SessionItem:
    """After a flare, work given as the catalog's range (work the athlete owns) comes
    back at the bottom of that range and climbs from there, one step at a time."""
    load = item.prescription.load_kg
    if item.part == "warm-up" or load is None or load.min == load.max:
        return item
    catalog = facts.catalog
    loaded = load_for(Pick(item.exercise, [], load_mode="bottom"), catalog[item.exercise], facts)
    rx = item.prescription.model_copy(update={"load_kg": loaded.kg, "load_lb": loaded.lb})
    kept = [Reason(w.rule, w.facts) for w in item.why if w.rule not in LOAD_RULES | WEEKLY_RULES]
    bottom = say(catalog, "flare-bottom", flare=flare.facts.flare)
    return item.model_copy(
        update={"prescription": rx, **both(catalog, [*kept, *loaded.reasons, bottom])}
    )


def _one_step(
    week: Week, before: Week, flare: _Flare, track: _Track, catalog: Catalog
) -> tuple[Week, set[str]]:
    """After a flare the block steps back up one step a week: of this week's steps (an
    exercise new since last week, more load, more range) the one that has waited longest
    (the first in the session on a tie) goes ahead, if the flare allows it; every other
    exercise holds last week's prescription, and a new one waits (or, above the flared
    load, never comes). While a new exercise is held back, what last week held and this
    week's plan leaves out stays, up to last week's number of items, so the session does
    not thin. Returns the week and the exercises held at last week's prescription."""
    previous = {i.exercise: i for i in before.session}
    steps: list[tuple[int, SessionItem]] = []
    held: set[str] = set()
    waiting = 0  # new exercises held back this week
    session: list[SessionItem | None] = list(week.session)
    for index, item in enumerate(week.session):
        change = None if item.part == "warm-up" else _change(item, previous.get(item.exercise))
        if change is None:
            continue
        if flare.holds_back(item, change, week.week) is None:
            steps.append((index, item))
        else:
            session[index] = None
            waiting += item.exercise not in previous
    if steps:
        chosen = max(steps, key=lambda s: (track.waiting[s[1].exercise], -s[0]))[1]
        track.waiting[chosen.exercise] = 0
        for index, item in steps:
            if item is not chosen:
                track.waiting[item.exercise] += 1
                session[index] = None
                waiting += item.exercise not in previous
    for index, item in enumerate(week.session):
        if session[index] is None and item.exercise in previous:
            held.add(item.exercise)
            session[index] = _again(previous[item.exercise], week.week, track, catalog)
    kept = [i for i in session if i is not None]
    here = {i.exercise for i in kept}
    worked = [i for i in before.session if i.part != "warm-up"]
    room = len(worked) - sum(i.part != "warm-up" for i in kept) if waiting else 0
    back = [i for i in worked if i.exercise not in here]
    if not any(i.prescription.load_kg is not None for i in kept):
        back.sort(key=lambda i: i.prescription.load_kg is None)  # loaded work first
    back = back[: max(room, 0)]
    back = [_again(i, week.week, track, catalog) for i in back]
    held.update(i.exercise for i in back)
    ordered = _one_finish(_in_order(kept, back), catalog)
    return week.model_copy(update={"session": ordered}), held


def _one_finish(session: list[SessionItem], catalog: Catalog) -> list[SessionItem]:
    """Only the item a session ends on says it comes last: an item held from last week,
    where it was last, stops saying so when a new one now ends the session."""
    out = []
    for item in session:
        ends = [w for w in item.why if w.rule == "finish-loaded"]
        if ends and item is not session[-1]:
            reasons = [Reason(w.rule, w.facts) for w in item.why if w.rule != "finish-loaded"]
            item = item.model_copy(update=both(catalog, reasons))
        out.append(item)
    return out


def _again(item: SessionItem, number: int, track: _Track, catalog: Catalog) -> SessionItem:
    """Last week's ``item`` held for week ``number``: the same prescription, its weekly
    reasons worded for this week, no step and so no condition."""
    reasons = [
        Reason(w.rule, {**w.facts, "week": number} if w.rule in WEEKLY_RULES else w.facts)
        for w in item.why
        if w.rule not in ENTRY_RULES
    ]
    again = item.model_copy(update={"only_if": None, **both(catalog, reasons)})
    return _settled(again, track.done[item.exercise], catalog)


def _in_order(session: list[SessionItem], extra: list[SessionItem]) -> list[SessionItem]:
    """``extra`` items back in a session: warm-up, drills, then main work, which still ends
    with loaded work."""
    parts = ("warm-up", "drill", "main")
    ordered = [i for part in parts for i in [*extra, *session] if i.part == part]
    main = [i for i in session if i.part == "main"]
    last = main[-1] if main else None
    if last is not None and last.prescription.load_kg is not None:
        ordered = [i for i in ordered if i is not last] + [last]
    elif ordered and ordered[-1].prescription.load_kg is None:
        loaded = [i for i in ordered if i.prescription.load_kg is not None]
        if loaded:
            ordered = [i for i in ordered if i is not loaded[-1]] + [loaded[-1]]
    return ordered


def _as_projected(week: Week, known: frozenset[str], catalog: Catalog) -> Week:
    """Every reason that counts as mastered what the block only assumes says so as a
    condition: the assumed ids go into the reason's facts as ``by_then``."""
    return week.model_copy(
        update={
            "session": [_assumed(i, known, catalog) for i in week.session],
            "if_pain_flare": [_assumed(i, known, catalog) for i in week.if_pain_flare],
            "if_retest_fails": (
                None
                if week.if_retest_fails is None
                else [_assumed(i, known, catalog) for i in week.if_retest_fails]
            ),
        }
    )


def _assumed(item: SessionItem, known: frozenset[str], catalog: Catalog) -> SessionItem:
    if not any(set(w.facts.get("mastered") or []) - known for w in item.why):
        return item
    reasons = []
    for w in item.why:
        assumed = [i for i in w.facts.get("mastered") or [] if i not in known]
        reasons.append(Reason(w.rule, {**w.facts, "by_then": assumed} if assumed else w.facts))
    return item.model_copy(update=both(catalog, reasons))


def _on_assumed_mastery(week: Week, before: Week, facts: Facts, known: frozenset[str]) -> None:
    """An exercise that comes in because the block assumes what it builds on is mastered
    by now says so, with the way back (otherwise last week repeats), unless its reasons
    already give that condition or the athlete has it mastered already."""
    previous = {i.exercise for i in before.session}
    for item in week.session:
        if item.part == "warm-up" or item.exercise in previous or item.exercise in known:
            continue
        said = {i for w in item.why for i in w.facts.get("by_then") or []}
        assumed = sorted(
            {
                owned
                for group in facts.catalog[item.exercise].prerequisites
                for i in group
                if (owned := facts.owned(i)) and owned not in known and owned not in said
            }
        )
        if assumed:
            add_reason(
                facts.catalog,
                item,
                say(
                    facts.catalog,
                    "block-mastery-if",
                    week=week.week,
                    previous=week.week - 1,
                    exercise=item.exercise,
                    assumed=assumed,
                ),
            )


def _gate_steps(week: Week, before: Week, catalog: Catalog) -> Week:
    """Every step of a projected week (an exercise new since last week, more load, more
    range) waits on a pain re-check, as the pain-monitoring model asks of any session:
    otherwise last week repeats. On the pain-aware path the range and load steps are
    gated already, with fear of movement in a TSK-11 week."""
    previous = {i.exercise: i for i in before.session}
    rechecks: list[str] = list(week.rechecks)
    if "pain-now" not in rechecks:
        rechecks.insert(0, "pain-now")
    for item in week.session:
        if item.part == "warm-up" or item.only_if is not None:
            continue
        change = _change(item, previous.get(item.exercise))
        if change is not None:
            step = item.prescription.range_step
            _gate(item, week.week, catalog, rechecks, change, step.text if step else None)
    gated = any(i.only_if for i in week.session)
    return week.model_copy(update={"rechecks": rechecks}) if gated else week


def _change(item: SessionItem, before: SessionItem | None) -> str | None:
    """What ``item`` adds to the same exercise last week: itself, more range, more load,
    or nothing."""
    if before is None:
        return "exercise"
    step, then_step = item.prescription.range_step, before.prescription.range_step
    if step is not None and then_step is not None and step.step > then_step.step:
        return "range"
    now, then = item.prescription.load_kg, before.prescription.load_kg
    if now is not None and (then is None or now.max > then.max + 1e-9):
        return "load"
    return None


def _gate(
    item: SessionItem,
    number: int,
    catalog: Catalog,
    rechecks: list[str],
    change: str,
    range_text: str | None,
) -> None:
    """This week's step happens only if the re-checks allow it; otherwise last week repeats."""
    pain = catalog.thresholds.pain
    checks = rechecks or ["pain-now"]
    rx = item.prescription
    loads = (
        {}
        if change != "load" or rx.load_kg is None
        else {
            "load_kg": rx.load_kg.model_dump(),
            "load_lb": rx.load_lb.model_dump() if rx.load_lb else None,
        }
    )
    added = {"exercise": item.exercise} if change == "exercise" else {}
    add_reason(
        catalog,
        item,
        say(
            catalog,
            "block-step-if",
            week=number,
            previous=number - 1,
            change=change,
            range=range_text,
            rechecks=checks,
            during=pain.during_max,
            morning=pain.next_morning_max,
            **loads,
            **added,
        ),
    )
    item.only_if = Gate(
        rechecks=checks,
        compared_to_week=number - 1,
        pain_during_max=pain.during_max,
        pain_next_morning_max=pain.next_morning_max,
        step=change,
    )


def _back_down_on_fail(
    case: Case, catalog: Catalog, start: dt.date, number: int
) -> list[SessionItem]:
    faults = _faults_to_sketch(case, catalog)
    failed = ProjectedTest.planned(_retest_day(start, number), number, faults)
    fallback = case.model_copy(update={"tests": [*case.tests, failed]})
    return _with_reason(plan(fallback, catalog).session, catalog, "retest-failed")


def _retest_day(start: dt.date, week: int) -> dt.date:
    """The day of week ``week``'s projected re-test, counted from the block's start."""
    return start + dt.timedelta(weeks=week - 1)


def _faults_to_sketch(case: Case, catalog: Catalog) -> list[str]:
    """The faults a failed re-test is sketched with: the athlete's last failed test's, or
    the programme's default; the real re-test's faults decide on the day."""
    failed = [t for t in case.tests if not t.passed]
    if failed:
        return list(max(failed, key=lambda t: t.date).faults)
    return [catalog.programme.block.sketch_failed_retest_with]


def _back_down_on_flare(case: Case, catalog: Catalog) -> list[SessionItem]:
    limit = catalog.thresholds.pain.during_max
    previous = case.last_session.exercises if case.last_session else []
    flare = LastSession(pain_during=min(10, limit + 1), exercises=previous)
    fallback = case.model_copy(update={"last_session": flare})
    return _with_reason(plan(fallback, catalog).session, catalog, "pain-flare")


def _with_reason(items: list[SessionItem], catalog: Catalog, cause: str) -> list[SessionItem]:
    reason = say(catalog, "block-back-down", cause=cause)
    for item in items:
        add_reason(catalog, item, reason, first=True)
    return items


def _project(case: Case, week: Week, done: Counter[str], catalog: Catalog, start: dt.date) -> Case:
    """The case as it stands next week if this week goes to plan."""
    rules = catalog.programme.block
    mastered = list(case.mastered)
    for exercise_id, count in done.items():
        role = catalog[exercise_id].role
        needed = (
            rules.drills_mastered_after_weeks
            if role == "drill"
            else rules.exercises_mastered_after_weeks
        )
        if count >= needed and exercise_id not in mastered:
            mastered.append(exercise_id)
    tests = list(case.tests)
    if week.retest:
        tests.append(ProjectedTest.planned(_retest_day(start, week.week), week.week))
    facts = Facts(case, catalog)
    return case.model_copy(
        update={
            "mastered": mastered,
            "tests": tests,
            "last_session": None if facts.flare else case.last_session,
        }
    )
