"""The coaching engine: rules that turn an athlete case into a recommendation."""

from hingecoach.core.engine.recommend import recommend

__all__ = ["recommend"]
