"""plan(case): today's session in order: re-test warm-up, drills, then loaded main work."""

from __future__ import annotations

from typing import Any

from hingecoach.core.case import Case, parse_case
from hingecoach.core.catalog import Catalog
from hingecoach.core.engine.built import built
from hingecoach.core.engine.corrective import series, series_mastered
from hingecoach.core.engine.draft import LoadMode, Pick
from hingecoach.core.engine.facts import Facts
from hingecoach.core.engine.flare import under_cap
from hingecoach.core.engine.prescribe import to_option
from hingecoach.core.engine.reasons import add_reason, say
from hingecoach.core.engine.recommend import advise
from hingecoach.core.results import Option, Part, Plan, Recommendation, SessionItem

MAIN_ITEMS = 3


def plan(case: Case | dict[str, Any], catalog: Catalog) -> Plan:
    """Today's session for the athlete, every item with its prescription and reasons."""
    facts = Facts(parse_case(case, catalog), catalog)
    rec = advise(facts)
    warnings = {"warnings": list(rec.warnings), "warnings_why": list(rec.warnings_why)}
    if rec.refer:
        return built(Plan, stage=rec.stage, refer=True, session=[], **warnings)
    return built(Plan, stage=rec.stage, refer=False, session=session(facts, rec), **warnings)


def session(facts: Facts, rec: Recommendation) -> list[SessionItem]:
    warm_up = _retest(facts, rec)
    drills = sorted(
        (o for o in rec.options if o.role == "drill"),
        key=lambda o: (_series_position(facts, o.exercise), o.level),
    )
    main = _finish_loaded(facts, rec, _main_work(facts, rec))
    return (
        [_item(o, "warm-up") for o in warm_up]
        + [_item(o, "drill") for o in drills]
        + [_item(o, "main") for o in main]
    )


def retest_due(facts: Facts) -> bool:
    return bool(facts.case.tests) or series_mastered(facts)


def _retest(facts: Facts, rec: Recommendation) -> list[Option]:
    if not retest_due(facts):
        return []
    test_id = facts.catalog.programme.test
    offered = [o for o in rec.options if o.exercise == test_id]
    reason = say(
        facts.catalog,
        "test-not-trained",
        test=facts.test_facts(),
        mastered=[] if facts.case.tests else series(facts),
    )
    if offered:
        add_reason(facts.catalog, offered[0], reason, first=True)
        return offered
    return [to_option(Pick(test_id, [reason]), facts)]


def _series_position(facts: Facts, exercise_id: str) -> int:
    steps = series(facts)
    return steps.index(exercise_id) if exercise_id in steps else len(steps)


def _main_work(facts: Facts, rec: Recommendation) -> list[Option]:
    """The best exercise of each column, up to MAIN_ITEMS, in the options' order; after a
    flare fewer (the programme's ``after_flare_main_items``), one of them off the hinge,
    and on the pain-aware path all of them off the hinge where there are enough."""
    limit = facts.catalog.programme.after_flare_main_items if facts.flare else MAIN_ITEMS
    options = rec.options
    if facts.flare and rec.stage == "pain-aware":
        options = sorted(options, key=lambda o: o.hinge)  # stable: best first otherwise
    chosen: list[Option] = []
    columns: set[str] = set()
    for option in options:
        column = facts.catalog[option.exercise].subcategory
        if not _wanted(facts, option):
            continue
        if option.role == "exercise" and column not in columns and len(chosen) < limit:
            chosen.append(option)
            columns.add(column)
    return _off_the_hinge(rec, chosen, limit) if facts.flare else chosen


def _wanted(facts: Facts, option: Option) -> bool:
    """The hamstring curl is for a day that needs hamstring load: with any goal but
    hamstring load it stays an option and out of the session."""
    return (
        option.exercise != facts.catalog.programme.hamstring_fallback
        or facts.case.goal == "hamstring-load"
    )


def _off_the_hinge(rec: Recommendation, chosen: list[Option], limit: int) -> list[Option]:
    """One main item that does not load the hinge, in the last slot if need be."""
    if any(not o.hinge for o in chosen):
        return chosen
    spare = next((o for o in rec.options if not o.hinge and o.role == "exercise"), None)
    if spare is None:
        return chosen
    return [*chosen[: limit - 1], spare] if len(chosen) >= limit else [*chosen, spare]


def _finish_loaded(facts: Facts, rec: Recommendation, main: list[Option]) -> list[Option]:
    """Whatever the drills, the session ends with decent loading (unless a flare holds
    every load under an exercise's lightest: the flare's cap comes first)."""
    loaded = [o for o in main if o.prescription.load_kg is not None]
    # A child's dowel is no finishing load while anything heavier is on the list.
    loaded = [o for o in loaded if o.prescription.implement != "dowel"] or loaded
    if not loaded:
        extra = next(
            (o for o in rec.options if o.prescription.load_kg is not None and o.role == "exercise"),
            None,
        ) or _fallback(facts)
        if extra is None:
            return main
        main, loaded = [*main, extra], [extra]
    last = loaded[-1]
    ordered = [o for o in main if o is not last] + [last]
    add_reason(facts.catalog, last, say(facts.catalog, "finish-loaded"))
    return ordered


def _fallback(facts: Facts) -> Option | None:
    exercise_id = facts.catalog.programme.hamstring_fallback
    if facts.flare and not under_cap(facts, exercise_id):
        return None
    mode: LoadMode = "bottom" if facts.flare else "range"
    pick = Pick(
        exercise_id,
        [say(facts.catalog, "hamstring-fallback", test=facts.test_facts())],
        load_mode=mode,
    )
    return to_option(pick, facts)


def _item(option: Option, part: Part) -> SessionItem:
    """The option as a session item: its lists its own, its prescription and reasons
    shared (nothing changes them in place)."""
    return built(
        SessionItem,
        **{**option.__dict__, "reasons": list(option.reasons), "why": list(option.why)},
        part=part,
        only_if=None,
    )
