"""plan(case): today's session in order: re-test warm-up, drills, then loaded main work."""

from __future__ import annotations

from typing import Any

from hingecoach.core.case import Case, parse_case
from hingecoach.core.catalog import Catalog, default_catalog
from hingecoach.core.engine import recommend
from hingecoach.core.engine.corrective import series, series_mastered
from hingecoach.core.engine.draft import LoadMode, Pick
from hingecoach.core.engine.facts import Facts
from hingecoach.core.engine.prescribe import to_option
from hingecoach.core.engine.reasons import add_reason, say
from hingecoach.core.results import Option, Part, Plan, Recommendation, SessionItem

MAIN_ITEMS = 3


def plan(case: Case | dict[str, Any], catalog: Catalog | None = None) -> Plan:
    """Today's session for the athlete, every item with its prescription and reasons."""
    catalog = catalog or default_catalog()
    facts = Facts(parse_case(case, catalog), catalog)
    rec = recommend(facts.case, catalog)
    warnings = {"warnings": rec.warnings, "warnings_why": rec.warnings_why}
    if rec.refer:
        return Plan(stage=rec.stage, refer=True, session=[], **warnings)
    return Plan(stage=rec.stage, refer=False, session=session(facts, rec), **warnings)


def session(facts: Facts, rec: Recommendation) -> list[SessionItem]:
    warm_up = _retest(facts, rec)
    drills = sorted((o for o in rec.options if o.role == "drill"),
                    key=lambda o: (_series_position(facts, o.exercise), o.level))
    main = _finish_loaded(facts, rec, _main_work(facts, rec))
    return ([_item(o, "warm-up") for o in warm_up] + [_item(o, "drill") for o in drills]
            + [_item(o, "main") for o in main])


def retest_due(facts: Facts) -> bool:
    return bool(facts.case.tests) or series_mastered(facts)


def _retest(facts: Facts, rec: Recommendation) -> list[Option]:
    if not retest_due(facts):
        return []
    test_id = facts.catalog.programme.test
    offered = [o for o in rec.options if o.exercise == test_id]
    reason = say(facts.catalog, "test-not-trained", test=facts.test_facts(),
                 mastered=[] if facts.case.tests else series(facts))
    if offered:
        add_reason(facts.catalog, offered[0], reason, first=True)
        return offered
    return [to_option(Pick(test_id, [reason]), facts)]


def _series_position(facts: Facts, exercise_id: str) -> int:
    steps = series(facts)
    return steps.index(exercise_id) if exercise_id in steps else len(steps)


def _main_work(facts: Facts, rec: Recommendation) -> list[Option]:
    """The best exercise of each column, up to MAIN_ITEMS, in the options' order."""
    chosen: list[Option] = []
    columns: set[str] = set()
    for option in rec.options:
        column = facts.catalog[option.exercise].subcategory
        if option.role == "exercise" and column not in columns and len(chosen) < MAIN_ITEMS:
            chosen.append(option)
            columns.add(column)
    return chosen


def _finish_loaded(facts: Facts, rec: Recommendation, main: list[Option]) -> list[Option]:
    """Whatever the drills, the session ends with decent loading."""
    loaded = [o for o in main if o.prescription.load_kg is not None]
    if not loaded:
        extra = next((o for o in rec.options if o.prescription.load_kg is not None
                      and o.role == "exercise"), None) or _fallback(facts)
        main, loaded = [*main, extra], [extra]
    last = loaded[-1]
    ordered = [o for o in main if o is not last] + [last]
    add_reason(facts.catalog, last, say(facts.catalog, "finish-loaded"))
    return ordered


def _fallback(facts: Facts) -> Option:
    exercise_id = facts.catalog.programme.hamstring_fallback
    mode: LoadMode = "bottom" if facts.flare else "range"
    pick = Pick(exercise_id, [say(facts.catalog, "hamstring-fallback", test=facts.test_facts())],
                load_mode=mode)
    return to_option(pick, facts)


def _item(option: Option, part: Part) -> SessionItem:
    return SessionItem(**option.model_dump(), part=part)
