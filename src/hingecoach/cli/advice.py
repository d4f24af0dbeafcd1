"""``recommend``, ``plan`` and ``block``: run the core on a CASE and print the answer."""

from __future__ import annotations

import typer

from hingecoach import core
from hingecoach.cli.inputs import catalog_for, load_case
from hingecoach.cli.json_output import print_json
from hingecoach.cli.options import (
    CaseArg,
    CatalogOpt,
    ExplainOpt,
    JsonOpt,
    UnitsOpt,
    WeeksOpt,
)
from hingecoach.cli.units import Units
from hingecoach.core import Block, Case, Catalog, Plan
from hingecoach.core import present as say


def case_and_catalog(ctx: typer.Context, case: str, catalog: str | None) -> tuple[Case, Catalog]:
    chosen = catalog_for(ctx, catalog)
    return load_case(case, chosen), chosen


def recommend(
    ctx: typer.Context,
    case: CaseArg,
    json_: JsonOpt = False,
    units: UnitsOpt = Units.kg,
    explain: ExplainOpt = False,
    catalog: CatalogOpt = None,
) -> None:
    """Today's options for the athlete, best first, with what to avoid and why."""
    athlete, chosen = case_and_catalog(ctx, case, catalog)
    result = core.recommend(athlete, chosen)
    _print(result, chosen, json_, units, explain)


def plan(
    ctx: typer.Context,
    case: CaseArg,
    json_: JsonOpt = False,
    units: UnitsOpt = Units.kg,
    explain: ExplainOpt = False,
    catalog: CatalogOpt = None,
) -> None:
    """Today's session in order: the warm-up re-test, drills, then loaded work."""
    athlete, chosen = case_and_catalog(ctx, case, catalog)
    result = core.plan(athlete, chosen)
    _print(result, chosen, json_, units, explain)


def block(
    ctx: typer.Context,
    case: CaseArg,
    weeks: WeeksOpt,
    json_: JsonOpt = False,
    units: UnitsOpt = Units.kg,
    explain: ExplainOpt = False,
    catalog: CatalogOpt = None,
) -> None:
    """A block of N weeks: each week's session and what replaces it if things go wrong."""
    athlete, chosen = case_and_catalog(ctx, case, catalog)
    result = core.block(athlete, weeks, chosen)
    _print(result, chosen, json_, units, explain)


def _print(answer: say.Answer, chosen: Catalog, json_: bool, units: Units, explain: bool) -> None:
    """The answer as the contract's JSON, or for a person (rich is imported only then)."""
    if json_:
        print_json(say.in_units(chosen, answer, say.units_of(units.value)))
        return
    from hingecoach.cli.render import View, show_plan, show_recommendation
    from hingecoach.cli.render_block import show_block

    view = View(chosen, units.value, explain)
    if isinstance(answer, Block):
        show_block(answer, view)
    elif isinstance(answer, Plan):
        show_plan(answer, view)
    else:
        show_recommendation(answer, view)


def register(app: typer.Typer) -> None:
    for command in (recommend, plan, block):
        app.command()(command)
