"""The ``hingecoach`` command: the typer app, its global options and ``run()``."""

from __future__ import annotations

from collections.abc import Sequence
from difflib import get_close_matches
from importlib import import_module
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from hingecoach import __version__
from hingecoach.cli import startup
from hingecoach.cli.errors import run_guarded
from hingecoach.cli.inputs import CATALOG_ENV, Settings

# Each command's module, in the order --help lists them. A module is imported only when
# one of its commands runs or the help lists it, so ``recommend`` never pays for the web
# app, the video adapter or the rich views.
COMMANDS = {
    "recommend": "advice",
    "plan": "advice",
    "block": "advice",
    "schema": "schema_command",
    "ladder": "ladder_command",
    "serve": "web_commands",
    "demo": "web_commands",
    "createcoach": "web_commands",
    "setpassword": "web_commands",
    "export": "web_commands",
    "import": "web_commands",
    "analyze": "analyze_command",
    "cards": "print_commands",
    "sheet": "print_commands",
    "poster": "print_commands",
    "catalog": "catalog_commands",
}


class LazyCommands(TyperGroup):
    """The root group: knows every command's name, builds a command on first use.
    ``ctx`` is typer's vendored click context, whose class lives in a private module."""

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            holder = typer.Typer()
            module: Any = import_module(f"hingecoach.cli.{COMMANDS[cmd_name]}")
            module.register(holder)
            _keep_only(holder, cmd_name)  # its siblings are built if and when they run
            self.commands.update(typer.main.get_group(holder).commands)
        return self.commands.get(cmd_name)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        # typer suggests from the commands built so far; suggest from every name instead.
        name = args[0] if args else ""
        if name and name not in COMMANDS and not name.startswith("-"):
            matches = get_close_matches(name, list(COMMANDS))
            if matches:
                ctx.fail(
                    f"No such command {name!r}. Did you mean {', '.join(repr(m) for m in matches)}?"
                )
        return super().resolve_command(ctx, args)


def _keep_only(holder: typer.Typer, name: str) -> None:
    """Drop every command and group but ``name`` from ``holder`` before typer builds
    them: building a command reads its whole signature."""
    holder.registered_commands = [
        info
        for info in holder.registered_commands
        if (info.name or typer.main.get_command_name(getattr(info.callback, "__name__", "")))
        == name
    ]
    holder.registered_groups = [info for info in holder.registered_groups if info.name == name]


app = typer.Typer(
    cls=LazyCommands,
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
    catalog: Annotated[
        str | None,
        typer.Option(
            "--catalog",
            metavar="DIR",
            envvar=CATALOG_ENV,
            show_default=False,
            help="Catalog folder to use for every command (a coach's edited copy).",
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    # Click calls this once the command is chosen and its module imported: the start is over.
    startup.resume()
    ctx.obj = Settings(catalog_dir=catalog)


def run(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status (2 for bad input)."""
    command = typer.main.get_command(app)

    def call() -> int:
        status = command.main(
            args=list(argv) if argv is not None else None,
            prog_name="hingecoach",
            standalone_mode=False,
        )
        return status if isinstance(status, int) else 0

    return run_guarded(call)
