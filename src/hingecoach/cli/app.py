"""The ``hingecoach`` command's entry point: ``main()`` for the installed script and
``python -m hingecoach``, ``run()`` for callers in the same process.

This module imports nothing heavy, so that ``main()`` can pause the garbage collector
before typer, pydantic and the core are imported (``hingecoach.cli.startup``); the typer
app itself lives in ``hingecoach.cli.root``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from hingecoach.cli import startup


def run(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status (2 for bad input)."""
    from hingecoach.cli.root import run as run_root

    return run_root(argv)


# pydantic looks for plugins (observability hooks) in the metadata of every installed
# package when it builds its first validator: about 5 ms of each start here, for plugins
# this command does not use. A value the user set (an empty one enables them) wins.
PLUGINS_ENV = "PYDANTIC_DISABLE_PLUGINS"


def main() -> None:
    os.environ.setdefault(PLUGINS_ENV, "__all__")
    startup.pause()
    try:
        status = run()
    finally:
        startup.resume()
    sys.exit(status)
