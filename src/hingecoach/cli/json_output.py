"""Machine-readable output: JSON with indent 2, exactly what it is given (an answer comes
already worded for the reader's units, ``present.in_units``)."""

from __future__ import annotations

import json
from typing import Any

import typer
from pydantic import BaseModel


def print_json(value: BaseModel | list[BaseModel] | dict[str, Any]) -> None:
    """A core model (or a list of them) as the contract has it, indent 2."""
    if isinstance(value, BaseModel):
        data: Any = value.model_dump(mode="json")
    elif isinstance(value, list):
        data = [item.model_dump(mode="json") for item in value]
    else:
        data = value
    typer.echo(json.dumps(data, indent=2))
