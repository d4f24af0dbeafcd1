"""The ``hingecoach`` command: the typer app, its global options and ``main()``."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Annotated

import typer

from hingecoach import __version__
from hingecoach.cli import advice, ladder_command, print_commands, schema_command, web_commands
from hingecoach.cli.analyze_command import register as register_analyze
from hingecoach.cli.catalog_commands import catalog_app
from hingecoach.cli.errors import run_guarded
from hingecoach.cli.inputs import CATALOG_ENV, Settings

app = typer.Typer(
    name="hingecoach",
    help="Teach, test and progress the hip hinge: recommendations, session plans, "
         "training blocks and the exercise ladder.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"hingecoach {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    catalog: Annotated[str | None, typer.Option(
        "--catalog", metavar="DIR", envvar=CATALOG_ENV, show_default=False,
        help="Catalog folder to use for every command (a coach's edited copy).")] = None,
    version: Annotated[bool, typer.Option(
        "--version", callback=_version, is_eager=True, help="Show the version and exit.")]
        = False,
) -> None:
    ctx.obj = Settings(catalog_dir=catalog)


advice.register(app)
app.add_typer(catalog_app, name="catalog")
schema_command.register(app)
ladder_command.register(app)
web_commands.register(app)
register_analyze(app)
print_commands.register(app)


def run(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status (2 for bad input)."""
    command = typer.main.get_command(app)

    def call() -> int:
        status = command.main(args=list(argv) if argv is not None else None,
                              prog_name="hingecoach", standalone_mode=False)
        return status if isinstance(status, int) else 0

    return run_guarded(call)


def main() -> None:
    sys.exit(run())
