"""The exceptions the core raises.

    HingecoachError
     +-- CatalogError   a data file of the catalog is broken (file, entry, field)
     +-- CaseError      an athlete case is invalid (field path and the bad value)
     +-- TrackError     a landmark track from a pose adapter is malformed
                        (defined in core/kinematics/track.py)

Every message names where the problem is and the value found, on one line, so an
adapter can show it as it is: the CLI exits with status 2, the web answers 400.
"""

from __future__ import annotations


class HingecoachError(Exception):
    """Base of every error the core raises on bad input."""


class CatalogError(HingecoachError):
    """A catalog data file is missing, unreadable or does not match its schema."""


class CaseError(HingecoachError):
    """An athlete case does not match the contract."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}" if field else message)
