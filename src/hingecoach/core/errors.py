"""The errors hingecoach raises on bad input: one base class, one constructor.

    HingecoachError          field and message; str() is "field: message"
     +-- CatalogError        a data file of the catalog is broken (file, entry, field)
     +-- CaseError           an athlete case is invalid (field path and the bad value)
     |    +-- UnreadableJson  text that is not JSON the contract reads (a CASE, an API body)
     +-- TrackError          a landmark track from a pose adapter is malformed
     |                       (core/kinematics/track.py)
     +-- InputError          bad input met by the CLI itself (cli/errors.py)
     +-- VideoError, BackendUnavailable   (video/errors.py)
     +-- PrintError, FetchRefused         (printing/errors.py)
     +-- TransferError       an export file the web app cannot import (web/transfer.py)
     +-- Unsatisfiable       a byte range past the end of a clip (web/clips/ranges.py)

Every message names where the problem is and the value found, on one line, so an
adapter can show it as it is: the CLI exits with status 2, the API answers 4xx with
``{"field", "message"}``. Only these errors are shown that way: anything else is a bug
and keeps its traceback.
"""

from __future__ import annotations


class HingecoachError(Exception):
    """Base of every error the project raises on bad input.

    ``field`` names where the problem is (a field path, a file and its entry, an option;
    empty when the input as a whole is meant) and ``message`` what is wrong there.
    """

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}" if field else message)


class CatalogError(HingecoachError):
    """A catalog data file is missing, unreadable or does not match its schema."""


class CaseError(HingecoachError):
    """An athlete case does not match the contract."""


class UnreadableJson(CaseError):
    """JSON text that cannot be read at all: not JSON, not UTF-8, or nested deeper than
    any input needs (the API answers 400, not 422: no field of it was looked at)."""
