"""The exercise catalog: data files, their schema and the loaded catalog."""

from hingecoach.core.catalog.loader import default_catalog, load_catalog
from hingecoach.core.catalog.model import Catalog
from hingecoach.core.catalog.schema import Exercise, Fault, RedFlag

__all__ = ["Catalog", "Exercise", "Fault", "RedFlag", "default_catalog", "load_catalog"]
