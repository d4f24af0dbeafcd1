"""hingecoach: teach, test and progress the hip hinge."""

__version__ = "0.1.0"
