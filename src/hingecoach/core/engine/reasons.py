"""Reasons: each is the rule that fired and the facts that fired it.

A reason is made once, here, as data; ``hingecoach.core.present`` words it for the
contract's ``reasons`` strings and for ``why[].text``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from hingecoach.core.catalog import Catalog
from hingecoach.core.present import reason_log, reason_text
from hingecoach.core.results import Why


@dataclass(frozen=True)
class Reason:
    rule: str
    facts: dict[str, Any] = field(default_factory=dict)


def say(catalog: Catalog, rule_id: str, **facts: Any) -> Reason:
    """A reason for ``rule_id``; KeyError if the catalog has no such rule."""
    catalog.rules[rule_id]
    return Reason(rule_id, facts)


def logged(catalog: Catalog, reasons: Iterable[Reason]) -> list[str]:
    """The contract's ``reasons`` strings."""
    return [reason_log(catalog, r.rule, r.facts) for r in reasons]


def whys(catalog: Catalog, reasons: Iterable[Reason]) -> list[Why]:
    """The contract's ``why`` objects (text in kilograms)."""
    return [
        Why(rule=r.rule, text=reason_text(catalog, r.rule, r.facts), facts=r.facts) for r in reasons
    ]


def both(catalog: Catalog, reasons: Iterable[Reason]) -> dict[str, Any]:
    """``reasons`` and ``why`` for an option, an avoided exercise or a warning list, each
    line once: a reason that reads like an earlier one, in any voice or unit, is left out."""
    seen: tuple[set[str], ...] = tuple(set() for _ in HOWS)
    logs: list[str] = []
    why: list[Why] = []
    for reason in reasons:
        lines = _lines(catalog, reason)
        if any(line in earlier for line, earlier in zip(lines, seen, strict=True)):
            continue
        for line, earlier in zip(lines, seen, strict=True):
            earlier.add(line)
        logs.append(lines[0])
        why.append(Why(rule=reason.rule, text=lines[1], facts=reason.facts))
    return {"reasons": logs, "why": why}


def add_reason(catalog: Catalog, option: Any, reason: Reason, first: bool = False) -> None:
    """Give a finished option (or session item) one more reason, in both forms, unless
    it already has one that reads the same."""
    if any(_same(catalog, reason, Reason(w.rule, w.facts)) for w in option.why):
        return
    at = 0 if first else len(option.reasons)
    option.reasons.insert(at, reason_log(catalog, reason.rule, reason.facts))
    option.why.insert(at, whys(catalog, [reason])[0])


HOWS = ("log", "kg", "lb")  # the voices a reason is read in: the contract's log, kg, lb


def _same(catalog: Catalog, one: Reason, other: Reason) -> bool:
    """Two reasons that would print as the same line for someone."""
    if one == other:
        return True
    return any(a == b for a, b in zip(_lines(catalog, one), _lines(catalog, other), strict=True))


def _lines(catalog: Catalog, reason: Reason) -> tuple[str, str, str]:
    return (
        reason_log(catalog, reason.rule, reason.facts),
        reason_text(catalog, reason.rule, reason.facts, "kg"),
        reason_text(catalog, reason.rule, reason.facts, "lb"),
    )
