"""``schema NAME``: the JSON Schema of the contract or of a catalog data file."""

from __future__ import annotations

from typing import Annotated

import typer

from hingecoach.cli.errors import InputError
from hingecoach.cli.inputs import catalog_for
from hingecoach.cli.json_output import print_json
from hingecoach.cli.options import CatalogOpt
from hingecoach.core.schemas import CONTRACT, json_schema, schema_names


def schema(
    ctx: typer.Context,
    name: Annotated[
        str, typer.Argument(metavar="NAME", help="One of: " + ", ".join(schema_names()) + ".")
    ],
    catalog: CatalogOpt = None,
) -> None:
    """Print the JSON Schema named NAME (case, recommendation, plan, block, exercise, ...).

    The contract's ids are enums of the catalog's ids."""
    if name not in schema_names():
        allowed = ", ".join(schema_names())
        raise InputError("NAME", f"unknown schema '{name}' (allowed: {allowed})")
    ids = catalog_for(ctx, catalog) if name in CONTRACT else None
    print_json(json_schema(name, ids))


def register(app: typer.Typer) -> None:
    app.command()(schema)
