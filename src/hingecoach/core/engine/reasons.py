"""Reasons: each names the rule that fired and the fact that fired it."""

from __future__ import annotations

from hingecoach.core.catalog import Catalog


def say(catalog: Catalog, rule_id: str, **facts: object) -> str:
    """The rule's sentence with its facts filled in, tagged with the rule's id."""
    rule = catalog.rules[rule_id]
    return f"{rule.says.format(**facts)} (rule: {rule_id})"
