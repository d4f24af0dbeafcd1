"""The coaching engine: rules that turn an athlete case into a recommendation."""

from hingecoach.core.engine.monitoring import pain_flagged, pain_flare
from hingecoach.core.engine.recommend import recommend

__all__ = ["pain_flagged", "pain_flare", "recommend"]
