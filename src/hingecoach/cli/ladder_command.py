"""``ladder --out FILE``: draw the hinge ladder, optionally with one athlete's position."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hingecoach.cli.errors import InputError
from hingecoach.cli.inputs import catalog_for, load_case
from hingecoach.cli.options import CatalogOpt

OutOpt = Annotated[
    str,
    typer.Option(
        "--out",
        metavar="FILE",
        show_default=False,
        help="Where to write the chart: FILE.svg or FILE.png.",
    ),
]
CaseOpt = Annotated[
    str | None,
    typer.Option(
        "--case",
        metavar="CASE",
        show_default=False,
        help="Mark this athlete's position (a JSON file, or - for standard input).",
    ),
]


def ladder(
    ctx: typer.Context, out: OutOpt, case: CaseOpt = None, catalog: CatalogOpt = None
) -> None:
    """Draw the hinge ladder: sub-categories as columns, levels as rows, themes as colours."""
    from hingecoach.charts.ladder import chart_format, draw_ladder  # matplotlib is slow
    from hingecoach.charts.marks import athlete_marks

    target = Path(out)
    if chart_format(target) is None:
        raise InputError(
            "--out", f"unsupported format '{target.suffix or out}' (use a .svg or .png file name)"
        )
    chosen = catalog_for(ctx, catalog)
    marks = athlete_marks(load_case(case, chosen), chosen) if case else None
    if not target.parent.is_dir():
        raise InputError("--out", f"no such folder '{target.parent}'")
    draw_ladder(chosen, target, marks)
    typer.echo(f"wrote {target}")


def register(app: typer.Typer) -> None:
    app.command()(ladder)
