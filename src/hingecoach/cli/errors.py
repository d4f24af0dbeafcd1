"""Map every error caused by input to exit status 2 and one line on standard error.

Nothing that a user typed or a file they gave can make the command print a traceback:
the project's ``HingecoachError`` (a bad case, catalog, clip or printout option), typer's
usage errors (a bad option value) and ``OSError`` (a file that cannot be read or
written) all end here. Any other exception is a bug and keeps its traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

import typer

from hingecoach.core import HingecoachError

EXIT_BAD_INPUT = 2


class InputError(HingecoachError):
    """Bad input met by the CLI itself (a missing file, an unsupported format)."""


def one_line(message: str) -> str:
    """Squeeze a message onto one line, so standard error holds exactly one line."""
    return " ".join(message.split())


def os_error_message(exc: OSError) -> str:
    where = f"'{exc.filename}'" if exc.filename else "input"
    reason = exc.strerror or str(exc)
    return f"{where}: {reason.lower() if reason else 'cannot be read'}"


def _fail(message: str) -> int:
    print(one_line(message), file=sys.stderr)
    return EXIT_BAD_INPUT


def run_guarded(call: Callable[[], int]) -> int:
    """Run ``call`` and return its exit status; bad input becomes status 2 and one line."""
    try:
        return call()
    except typer.TyperException as exc:
        # A usage error; its message is empty when typer has already printed the help.
        message = exc.format_message()
        return _fail(message) if message else EXIT_BAD_INPUT
    except typer.Abort:
        return _fail("aborted")
    except HingecoachError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(os_error_message(exc))
