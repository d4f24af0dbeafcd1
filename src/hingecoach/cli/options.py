"""Options shared by several commands, declared once, with click-style messages that quote
the bad value (``Invalid value for '--weeks': 0 is not in the range 1<=x<=52.``)."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any

import typer

from hingecoach.cli.inputs import CATALOG_ENV
from hingecoach.cli.units import Units

MAX_WEEKS = 52


def choice(kind: type[StrEnum]) -> Callable[[Any], Any]:
    """A parser for ``kind``'s values, any case, refusing others in click's words."""

    def parse(value: Any) -> Any:
        if isinstance(value, kind):
            return value
        try:
            return kind(str(value).lower())
        except ValueError:
            allowed = ", ".join(f"'{v.value}'" for v in kind)
            raise typer.BadParameter(f"'{value}' is not one of {allowed}.") from None

    return parse


parse_units = choice(Units)


def parse_weeks(value: Any) -> int:
    try:
        weeks = int(value)
    except (TypeError, ValueError):
        raise typer.BadParameter(f"'{value}' is not a whole number of weeks.") from None
    if not 1 <= weeks <= MAX_WEEKS:
        raise typer.BadParameter(f"{weeks} is not in the range 1<=x<={MAX_WEEKS}.")
    return weeks


CaseArg = Annotated[
    str,
    typer.Argument(
        metavar="CASE",
        show_default=False,
        help="Athlete case: a JSON file, or - to read standard input.",
    ),
]
JsonOpt = Annotated[
    bool,
    typer.Option(
        "--json", help="Print the contract's JSON (numbers as load_kg and load_lb) for programs."
    ),
]
UnitsOpt = Annotated[
    Units,
    typer.Option(
        "--units",
        metavar="kg|lb",
        parser=parse_units,
        help="Units for loads in words: the view for a person, a printout, and why texts "
        "in --json.",
    ),
]
ExplainOpt = Annotated[
    bool,
    typer.Option("--explain", help="Show the rule id behind each reason, for coaches who want it."),
]
WeeksOpt = Annotated[
    int,
    typer.Option(
        "--weeks",
        metavar="N",
        parser=parse_weeks,
        show_default=False,
        help=f"Length of the block in weeks (1-{MAX_WEEKS}).",
    ),
]
CatalogOpt = Annotated[
    str | None,
    typer.Option(
        "--catalog",
        metavar="DIR",
        show_default=False,
        help=f"Catalog folder to use instead of the shipped one (default: ${CATALOG_ENV}).",
    ),
]
