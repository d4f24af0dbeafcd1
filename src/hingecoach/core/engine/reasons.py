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
    return [Why(rule=r.rule, text=reason_text(catalog, r.rule, r.facts), facts=r.facts)
            for r in reasons]


def both(catalog: Catalog, reasons: Iterable[Reason]) -> dict[str, Any]:
    """``reasons`` and ``why`` for an option, an avoided exercise or a warning list."""
    reasons = list(reasons)
    return {"reasons": logged(catalog, reasons), "why": whys(catalog, reasons)}


def add_reason(catalog: Catalog, option: Any, reason: Reason, first: bool = False) -> None:
    """Give a finished option (or session item) one more reason, in both forms."""
    at = 0 if first else len(option.reasons)
    option.reasons.insert(at, reason_log(catalog, reason.rule, reason.facts))
    option.why.insert(at, whys(catalog, [reason])[0])
