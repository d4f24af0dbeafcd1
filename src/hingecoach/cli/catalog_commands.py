"""``catalog list``, ``catalog show ID`` and ``catalog validate [DIR]``."""

from __future__ import annotations

from typing import Annotated

import typer

from hingecoach.cli.errors import InputError
from hingecoach.cli.inputs import catalog_for, video_thresholds_for
from hingecoach.cli.json_output import print_json
from hingecoach.cli.options import CatalogOpt, JsonOpt
from hingecoach.cli.render_catalog import show_catalog, show_exercise
from hingecoach.core import Catalog

catalog_app = typer.Typer(help="Browse and check the exercise catalog.", no_args_is_help=True)


IdArg = Annotated[str, typer.Argument(metavar="ID", help="An exercise id.")]
DirArg = Annotated[
    str | None,
    typer.Argument(
        metavar="[DIR]",
        show_default=False,
        help="Catalog folder to check (default: --catalog, or the shipped one).",
    ),
]


@catalog_app.command("list")
def list_exercises(ctx: typer.Context, json_: JsonOpt = False, catalog: CatalogOpt = None) -> None:
    """Every exercise of the ladder, simplest first."""
    chosen = catalog_for(ctx, catalog)
    if json_:
        print_json(list(chosen))
    else:
        show_catalog(chosen)


@catalog_app.command("show")
def show(
    ctx: typer.Context, exercise_id: IdArg, json_: JsonOpt = False, catalog: CatalogOpt = None
) -> None:
    """Every field of one exercise: setup, cues, loads, faults to watch."""
    chosen = catalog_for(ctx, catalog)
    exercise = chosen.exercises.get(exercise_id)
    if exercise is None:
        raise InputError("ID", f"unknown exercise '{exercise_id}'")
    if json_:
        print_json(exercise)
    else:
        show_exercise(exercise)


@catalog_app.command("validate")
def validate(ctx: typer.Context, directory: DirArg = None) -> None:
    """Load a catalog folder, check every file and cross-reference, and say what it holds."""
    catalog = catalog_for(ctx, directory)
    video_thresholds_for(catalog)
    typer.echo(summary(catalog))


def summary(catalog: Catalog) -> str:
    counts = {
        "exercises": len(catalog.exercises),
        "faults": len(catalog.faults),
        "red flags": len(catalog.red_flags),
        "conditions": len(catalog.conditions),
        "rules": len(catalog.rules),
    }
    where = f" in {catalog.source}" if catalog.source else ""
    return "catalog OK: " + ", ".join(f"{n} {what}" for what, n in counts.items()) + where


def register(app: typer.Typer) -> None:
    app.add_typer(catalog_app, name="catalog")
