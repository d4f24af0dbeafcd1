"""Reasons: each is the rule that fired and the facts that fired it.

A reason is made once, here, as data; ``hingecoach.core.present`` words it for the
contract's ``reasons`` strings and for ``why[].text``.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Any

from hingecoach.core.catalog import Catalog
from hingecoach.core.engine.built import built
from hingecoach.core.engine.compiled import Compiled, Lines, compiled
from hingecoach.core.results import Why


class Reason:
    """A rule that fired and the facts that fired it; neither changes once made.

    A plain slotted class rather than a frozen dataclass: every answer makes about a dozen,
    and the key below is worked out at most once without ``cached_property``'s lock. One
    reason often serves several entries (a failed test holds back every gated hinge), so
    it keeps its lines too, with the catalog's ``Compiled`` that worded them, and the Why
    it gives (never changed once made, so the entries it serves can share it).
    """

    __slots__ = ("_key", "_lines", "_why", "_worded_by", "facts", "rule")

    def __init__(
        self, rule: str, facts: dict[str, Any] | None = None, key: Hashable | None = None
    ) -> None:
        self.rule = rule
        self.facts: dict[str, Any] = {} if facts is None else facts
        self._key = key
        self._lines: Lines | None = None
        self._why: Why | None = None
        self._worded_by: Compiled | None = None

    @property
    def key(self) -> Hashable:
        """The facts as the key of their wording (see ``Compiled.lines``): their repr, or
        what the rule that made them said determines them (a tuple, never equal to a repr)."""
        key = self._key
        if key is None:
            key = self._key = repr(self.facts)
        return key

    def lines(self, catalog: Catalog, by: Compiled) -> Lines:
        """The reason in its three forms (``Compiled.lines``), worded once per object."""
        if self._worded_by is not by:
            self._lines = by.lines(catalog, self.rule, self.facts, self.key)
            self._why = None
            self._worded_by = by
        return self._lines  # type: ignore[return-value]  # set with _worded_by

    def why(self, catalog: Catalog, by: Compiled) -> Why:
        """The reason as the answer's Why (its text in kilograms, its own copy of the
        facts), made once per object."""
        text = self.lines(catalog, by)[1]
        why = self._why
        if why is None:
            why = self._why = built(Why, rule=self.rule, text=text, facts=dict(self.facts))
        return why

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Reason):
            return NotImplemented
        return self.rule == other.rule and self.facts == other.facts

    __hash__ = None  # type: ignore[assignment]  # equal by value, and the facts are a dict

    def __repr__(self) -> str:
        return f"Reason({self.rule!r}, {self.facts!r})"


def say(catalog: Catalog, rule_id: str, **facts: Any) -> Reason:
    """A reason for ``rule_id``; KeyError if the catalog has no such rule."""
    catalog.rules[rule_id]
    return Reason(rule_id, facts)


def both(catalog: Catalog, reasons: Iterable[Reason]) -> dict[str, Any]:
    """``reasons`` and ``why`` for an option, an avoided exercise or a warning list, each
    line once: a reason that reads like an earlier one, in any voice or unit, is left out."""
    logs, why = worded(catalog, list(reasons))
    return {"reasons": logs, "why": why}


def worded(catalog: Catalog, reasons: list[Reason]) -> tuple[list[str], list[Why]]:
    """``both`` as a pair (the contract's lines, the Why objects)."""
    by = compiled(catalog)
    if len(reasons) == 1:  # most avoided exercises: nothing to compare
        reason = reasons[0]
        return [reason.lines(catalog, by)[0]], [reason.why(catalog, by)]
    logs: list[str] = []
    kgs: list[str] = []  # few lines each: a list is quicker to search than a set to build
    lbs: list[str] = []
    why: list[Why] = []
    for reason in reasons:
        log, kg, lb = reason.lines(catalog, by)
        if log in logs or kg in kgs or lb in lbs:
            continue
        logs.append(log)
        kgs.append(kg)
        lbs.append(lb)
        why.append(reason.why(catalog, by))
    return logs, why


def add_reason(catalog: Catalog, option: Any, reason: Reason, first: bool = False) -> None:
    """Give a finished option (or session item) one more reason, in both forms, unless
    it already has one that reads the same."""
    by = compiled(catalog)
    word = by.lines
    lines = reason.lines(catalog, by)
    for w in option.why:
        if (w.rule == reason.rule and w.facts == reason.facts) or any(
            a == b
            for a, b in zip(lines, word(catalog, w.rule, w.facts, repr(w.facts)), strict=True)
        ):
            return
    at = 0 if first else len(option.reasons)
    option.reasons.insert(at, lines[0])
    option.why.insert(at, reason.why(catalog, by))
