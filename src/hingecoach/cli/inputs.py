"""Where the CLI's input comes from: the CASE file (or standard input) and the catalog."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from hingecoach.cli.errors import InputError
from hingecoach.core import Case, Catalog, case_from_json, default_catalog, load_catalog

if TYPE_CHECKING:
    from hingecoach.core.kinematics import VideoThresholds

STDIN = "-"
CATALOG_ENV = "HINGECOACH_CATALOG"


@dataclass
class Settings:
    """Options given before the command name (``hingecoach --catalog DIR plan ...``)."""

    catalog_dir: str | None = None


def read_case_text(source: str) -> str:
    """The text of CASE: a path to a JSON file, or ``-`` for standard input."""
    if source == STDIN:
        return sys.stdin.read()
    try:
        return Path(source).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError("CASE", f"no such file '{source}'") from None
    except IsADirectoryError:
        raise InputError("CASE", f"'{source}' is a folder, not a JSON file") from None
    except PermissionError:
        raise InputError("CASE", f"cannot read '{source}': permission denied") from None
    except UnicodeDecodeError:
        raise InputError("CASE", f"'{source}' is not UTF-8 text") from None


def catalog_for(ctx: typer.Context, option: str | None) -> Catalog:
    """The catalog named on the command, else before it (or in HINGECOACH_CATALOG), else
    the one shipped with the package."""
    settings = ctx.find_object(Settings)
    directory = option or (settings.catalog_dir if settings else None)
    catalog = load_catalog(directory) if directory else default_catalog()
    tell(catalog.shipped_notes())
    return catalog


def video_thresholds_for(catalog: Catalog) -> VideoThresholds:
    """The video thresholds of the catalog's folder (a coach's copy, each key it leaves
    out taken from the shipped file, which is said on standard error)."""
    from hingecoach.core.kinematics import default_video_thresholds, video_thresholds_in

    if catalog.source is None:
        return default_video_thresholds()
    thresholds, taken = video_thresholds_in(catalog.source)
    if taken is not None:
        tell([taken.note(catalog.source)])
    return thresholds


def tell(notes: list[str]) -> None:
    """Lines for the user that are not the command's answer: on standard error."""
    for note in notes:
        typer.echo(note, err=True)


def load_case(source: str, catalog: Catalog) -> Case:
    return case_from_json(read_case_text(source), catalog)
