"""The planner: today's session and multi-week training blocks."""

from hingecoach.core.planner.block import block
from hingecoach.core.planner.session import plan

__all__ = ["block", "plan"]
