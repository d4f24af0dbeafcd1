from __future__ import annotations

from typing import Any

import pytest

from hingecoach.core.schemas import schema_names

from .runner import Call, Result, run_many


@pytest.fixture(scope="session")
def schema_runs() -> dict[str, Result]:
    """``hingecoach schema NAME`` for every name, run once for the whole session."""
    return run_many({name: Call(("schema", name)) for name in schema_names()})


@pytest.fixture(scope="session")
def schemas(schema_runs: dict[str, Result]) -> dict[str, dict[str, Any]]:
    """The JSON Schemas the command prints, by name."""
    return {name: result.json() for name, result in schema_runs.items()}
