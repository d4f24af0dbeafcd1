"""``cards``, ``sheet`` and ``poster``: printouts as PDF (and the poster as SVG too).

WeasyPrint and matplotlib are imported inside the commands, so the rest of the CLI
starts as fast as before.
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from hingecoach.cli.errors import InputError
from hingecoach.cli.inputs import catalog_for, load_case
from hingecoach.cli.options import CaseArg, CatalogOpt, UnitsOpt, choice, parse_weeks
from hingecoach.cli.units import Units


class Size(StrEnum):
    a4 = "a4"
    letter = "letter"


class PosterSize(StrEnum):
    a2 = "a2"
    a1 = "a1"


class Layout(StrEnum):
    single = "single"
    four = "four"


def _out_help(what: str) -> str:
    return f"Where to write {what}."


OutPdf = Annotated[
    str, typer.Option("--out", metavar="FILE.pdf", show_default=False, help=_out_help("the PDF"))
]
OutPoster = Annotated[
    str,
    typer.Option(
        "--out",
        metavar="FILE.pdf|FILE.svg",
        show_default=False,
        help=_out_help("the poster: a .pdf or .svg file"),
    ),
]
SizeOpt = Annotated[
    Size,
    typer.Option(
        "--size", metavar="a4|letter", parser=choice(Size), help="Paper: A4 or US Letter."
    ),
]
PosterSizeOpt = Annotated[
    PosterSize,
    typer.Option(
        "--size", metavar="a2|a1", parser=choice(PosterSize), help="Poster paper, landscape."
    ),
]
LayoutOpt = Annotated[
    Layout,
    typer.Option(
        "--layout",
        metavar="single|four",
        parser=choice(Layout),
        help="One card per page, or four to a sheet to cut.",
    ),
]
IdsArg = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="[ID ...]",
        show_default=False,
        help="Exercise ids to print, in this order (default: every card, simplest first).",
    ),
]
WeeksOrToday = Annotated[
    int | None,
    typer.Option(
        "--weeks",
        metavar="N",
        parser=parse_weeks,
        show_default=False,
        help="Print a block: one page per week for N weeks (default: today's session).",
    ),
]
NameOpt = Annotated[
    str | None,
    typer.Option(
        "--name",
        metavar="NAME",
        show_default=False,
        help="Athlete's name for the sheet's header (default: a blank line to write on).",
    ),
]
CaseOpt = Annotated[
    str | None,
    typer.Option(
        "--case",
        metavar="CASE",
        show_default=False,
        help="Mark this athlete's mastered steps and stage (a JSON file, or - for stdin).",
    ),
]


def out_path(out: str, allowed: tuple[str, ...]) -> Path:
    """``out`` as a path with an allowed extension, in a folder that exists and that we
    may write to; otherwise bad input, named and quoted."""
    target = Path(out)
    suffix = target.suffix.lower()
    if suffix not in allowed:
        names = " or ".join(allowed)
        raise InputError(
            "--out", f"unsupported format '{target.suffix or out}' (use a {names} file name)"
        )
    folder = target.parent
    if not folder.is_dir():
        raise InputError("--out", f"no such folder '{folder}'")
    if not os.access(folder, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
        raise InputError("--out", f"cannot write '{target}': permission denied")
    if target.is_dir():
        raise InputError("--out", f"'{target}' is a folder, not a file")
    return target


def write(target: Path, data: bytes | str) -> None:
    try:
        if isinstance(data, str):
            target.write_text(data, encoding="utf-8")
        else:
            target.write_bytes(data)
    except OSError as exc:
        raise InputError(
            "--out", f"cannot write '{target}': {(exc.strerror or str(exc)).lower()}"
        ) from None


def cards(
    ctx: typer.Context,
    ids: IdsArg = None,
    out: OutPdf = "cards.pdf",
    size: SizeOpt = Size.a4,
    layout: LayoutOpt = Layout.single,
    units: UnitsOpt = Units.kg,
    catalog: CatalogOpt = None,
) -> None:
    """Print coaching cards: every card, or the ids given, one per page or four per sheet."""
    target = out_path(out, (".pdf",))
    chosen = catalog_for(ctx, catalog)
    from hingecoach.printing import cards_pdf

    deck = cards_pdf(chosen, ids or [], size=size.value, layout=layout.value, units=units.value)
    write(target, deck.pdf)
    for card_id in deck.overflow:
        print(
            f"warning: card '{card_id}' is too long to fit its page even at the smallest "
            "size; shorten its text in the catalog",
            file=sys.stderr,
        )
    typer.echo(f"wrote {target} ({deck.pages} page{'s' if deck.pages != 1 else ''})")


def sheet(
    ctx: typer.Context,
    case: CaseArg,
    out: OutPdf = "sheet.pdf",
    weeks: WeeksOrToday = None,
    units: UnitsOpt = Units.kg,
    size: SizeOpt = Size.a4,
    name: NameOpt = None,
    catalog: CatalogOpt = None,
) -> None:
    """Print a session sheet to fill in: today's plan, or one page per week of a block."""
    target = out_path(out, (".pdf",))
    chosen = catalog_for(ctx, catalog)
    athlete = load_case(case, chosen)
    from hingecoach.printing import sheet_pdf

    result = sheet_pdf(
        chosen, athlete, weeks=weeks, size=size.value, units=units.value, athlete=name
    )
    write(target, result.pdf)
    typer.echo(f"wrote {target} ({result.pages} page{'s' if result.pages != 1 else ''})")


def poster(
    ctx: typer.Context,
    out: OutPoster = "poster.pdf",
    case: CaseOpt = None,
    size: PosterSizeOpt = PosterSize.a2,
    catalog: CatalogOpt = None,
) -> None:
    """Print the hinge ladder as a large poster (PDF or SVG), optionally with an athlete."""
    target = out_path(out, (".pdf", ".svg"))
    chosen = catalog_for(ctx, catalog)
    athlete = load_case(case, chosen) if case else None
    from hingecoach.printing import poster_pdf, poster_svg

    if target.suffix.lower() == ".svg":
        write(target, poster_svg(chosen, athlete, size=size.value))
    else:
        write(target, poster_pdf(chosen, athlete, size=size.value))
    typer.echo(f"wrote {target}")


def register(app: typer.Typer) -> None:
    for command in (cards, sheet, poster):
        app.command()(command)
