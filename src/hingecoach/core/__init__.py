"""The pure core of hingecoach: the catalog, the coaching engine and planner, the video
kinematics and the presentation of reasons.

Nothing here imports a web framework, a database, a CLI, a video or a plotting library;
the adapters around it (the CLI, the Django web app, the video and printing adapters, the
charts) depend on it, never the reverse.

The names below are imported on first use, so that a command which needs only the catalog
does not pay for the engine (or the engine for the kinematics' numpy).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hingecoach.core.case import Case, case_from_json, parse_case
    from hingecoach.core.catalog import Catalog, default_catalog, load_catalog
    from hingecoach.core.engine import recommend
    from hingecoach.core.errors import CaseError, CatalogError, HingecoachError
    from hingecoach.core.planner import block, plan
    from hingecoach.core.results import Block, Plan, Recommendation

_HOMES = {
    "Block": "results",
    "Plan": "results",
    "Recommendation": "results",
    "Case": "case",
    "case_from_json": "case",
    "parse_case": "case",
    "Catalog": "catalog",
    "default_catalog": "catalog",
    "load_catalog": "catalog",
    "CaseError": "errors",
    "CatalogError": "errors",
    "HingecoachError": "errors",
    "block": "planner",
    "plan": "planner",
    "recommend": "engine",
}

__all__ = [
    "Block",
    "Case",
    "CaseError",
    "Catalog",
    "CatalogError",
    "HingecoachError",
    "Plan",
    "Recommendation",
    "block",
    "case_from_json",
    "default_catalog",
    "load_catalog",
    "parse_case",
    "plan",
    "recommend",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
