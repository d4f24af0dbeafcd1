"""Options shared by several commands, declared once."""

from __future__ import annotations

from typing import Annotated

import typer

from hingecoach.cli.inputs import CATALOG_ENV
from hingecoach.cli.units import Units

CaseArg = Annotated[str, typer.Argument(
    metavar="CASE", help="Athlete case: a JSON file, or - to read standard input.",
    show_default=False)]
JsonOpt = Annotated[bool, typer.Option(
    "--json", help="Print the contract's JSON (always in kilograms).")]
UnitsOpt = Annotated[Units, typer.Option(
    "--units", help="Units for loads in the human view.", case_sensitive=False)]
CatalogOpt = Annotated[str | None, typer.Option(
    "--catalog", metavar="DIR", show_default=False,
    help=f"Catalog folder to use instead of the shipped one (default: ${CATALOG_ENV}).")]
