"""``schema NAME``: the JSON Schema of the contract or of a catalog data file."""

from __future__ import annotations

from typing import Annotated

import typer

from hingecoach.cli.errors import InputError
from hingecoach.cli.json_output import print_json
from hingecoach.core.schemas import json_schema, schema_names


def schema(
    name: Annotated[
        str, typer.Argument(metavar="NAME", help="One of: " + ", ".join(schema_names()) + ".")
    ],
) -> None:
    """Print the JSON Schema named NAME (case, recommendation, plan, block, exercise, ...)."""
    if name not in schema_names():
        allowed = ", ".join(schema_names())
        raise InputError("NAME", f"unknown schema '{name}' (allowed: {allowed})")
    print_json(json_schema(name))


def register(app: typer.Typer) -> None:
    app.command()(schema)
