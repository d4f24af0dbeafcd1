"""The cyclic garbage collector, paused while the command line starts.

Starting ``hingecoach`` imports typer, pydantic and the core: a few hundred thousand
objects are made and almost none become garbage, yet the collector walks them again and
again as they accumulate (about a sixth of the start's CPU time). ``main()`` pauses it
before the first import; once the command is chosen and its module imported, what was
built is frozen (``gc.freeze``: later collections skip it) and collection resumes, so a
long command (``serve``, ``analyze``) collects its own garbage as usual.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Stop automatic collection until ``resume()`` (no-op if it is already off)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Freeze what the start built and collect again; only undoes ``pause()``."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
