"""``present.in_units``, the one step every edge takes to hand an answer to a reader: over
generated cases, in pounds each ``why[].text`` is the person's sentence in pounds and
nothing else of the answer changes; in kilograms the answer is the engine's own."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from pydantic import BaseModel

from hingecoach.core import block, plan, recommend
from hingecoach.core.present import in_units, reason_text
from hingecoach.core.results import Why
from property.strategies import CATALOG, cases

SETTINGS = settings(max_examples=60, deadline=None)


def whys(value: Any) -> list[Why]:
    if isinstance(value, Why):
        return [value]
    if isinstance(value, list):
        return [w for item in value for w in whys(item)]
    if isinstance(value, BaseModel):
        return [w for name in type(value).model_fields for w in whys(getattr(value, name))]
    return []


def without_texts(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: without_texts(v) for k, v in data.items() if k != "text"}
    if isinstance(data, list):
        return [without_texts(v) for v in data]
    return data


@SETTINGS
@given(cases())
def test_in_pounds_only_the_why_texts_change_and_each_is_the_pound_sentence(case):
    for answer in (recommend(case, CATALOG), plan(case, CATALOG), block(case, 4, CATALOG)):
        before = answer.model_dump(mode="json")
        in_lb = in_units(CATALOG, answer, "lb")
        assert answer.model_dump(mode="json") == before  # the engine's answer is untouched
        assert without_texts(in_lb.model_dump(mode="json")) == without_texts(before)
        assert [w.text for w in whys(in_lb)] == [
            reason_text(CATALOG, w.rule, w.facts, "lb") for w in whys(answer)
        ]
        assert in_units(CATALOG, answer, "kg") is answer
