"""The ``hingecoach`` command's entry point: ``main()`` for the installed script and
``python -m hingecoach``, ``run()`` for callers in the same process.

This module imports nothing heavy, so that ``main()`` can pause the garbage collector
before typer, pydantic and the core are imported (``hingecoach.cli.startup``); the typer
app itself lives in ``hingecoach.cli.root``.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from hingecoach.cli import startup


def run(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status (2 for bad input)."""
    from hingecoach.cli.root import run as run_root

    return run_root(argv)


def main() -> None:
    startup.pause()
    try:
        status = run()
    finally:
        startup.resume()
    sys.exit(status)
