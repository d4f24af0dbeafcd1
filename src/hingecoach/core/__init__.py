"""The pure core of hingecoach: catalog, engine and planner.

Nothing here imports a web framework, a database, a CLI or a plotting library; the
adapters around it (CLI, charts, and later web and video) depend on it, never the reverse.
"""

from hingecoach.core.case import Case, case_from_json, parse_case
from hingecoach.core.catalog import Catalog, default_catalog, load_catalog
from hingecoach.core.engine import recommend
from hingecoach.core.errors import CaseError, CatalogError, HingecoachError
from hingecoach.core.planner import block, plan
from hingecoach.core.results import Block, Plan, Recommendation

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
