"""Commands for the coach web app: serve, demo, createcoach, setpassword, export, import.

Django is imported only inside these commands, so the core commands start fast.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

from hingecoach.cli.errors import InputError
from hingecoach.cli.inputs import CATALOG_ENV, Settings, tell, video_thresholds_for

PASSWORD_ENV = "HINGECOACH_PASSWORD"


@contextmanager
def _web(verbosity: int = 0) -> Iterator[None]:
    """Django set up, the database migrated; its refusals become one-line errors (the
    project's own, such as a refused import file, reach ``run_guarded`` as they are)."""
    from hingecoach.web.setup import prepare

    prepare(verbosity=verbosity)
    from django.core.exceptions import ValidationError

    try:
        yield
    except ValidationError as exc:
        field, messages = (
            next(iter(exc.message_dict.items()))
            if hasattr(exc, "error_dict")
            else ("input", exc.messages)
        )
        raise InputError(field, "; ".join(messages)) from None


def _catalog_for_web(ctx: typer.Context) -> None:
    """Hand ``--catalog`` (or $HINGECOACH_CATALOG) on to the web app, whose settings read
    it from the environment, as do the server's workers and the clip worker it starts.
    The folder is checked first, so a broken catalog is refused before anything starts."""
    settings = ctx.find_object(Settings)
    folder = settings.catalog_dir if settings else None
    if not folder:
        return
    from hingecoach.core import load_catalog

    catalog = load_catalog(folder)
    tell(catalog.shipped_notes())
    video_thresholds_for(catalog)
    os.environ[CATALOG_ENV] = str(Path(folder).resolve())


def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, max=32, help="gunicorn worker processes.")] = 2,
    threads: Annotated[int, typer.Option(min=1, max=64, help="Threads per worker.")] = 4,
    keepalive: Annotated[
        int,
        typer.Option(
            min=0,
            max=300,
            help="Seconds a connection is kept open for the client's next "
            "request; 0 closes it after each response, so requests spread over the "
            "workers.",
        ),
    ] = 0,
) -> None:
    """Apply migrations if needed and serve the web app with gunicorn."""
    from hingecoach.web.serve import serve as run_server

    _catalog_for_web(ctx)
    typer.echo(f"hingecoach web app on http://{host}:{port}/ (data: {_home()})")
    run_server(host=host, port=port, workers=workers, threads=threads, keepalive=keepalive)


def demo(
    ctx: typer.Context,
    url: Annotated[str, typer.Option(help="Where the app is served.")] = "http://127.0.0.1:8000/",
) -> None:
    """Add a demo team (a head coach, a coach and a dozen athletes) and say how to sign in."""
    _catalog_for_web(ctx)
    with _web():
        from hingecoach.web.demo import create_demo, sign_in_text

        create_demo()
        typer.echo(sign_in_text(url))


def createcoach(
    username: Annotated[str, typer.Option(help="Sign-in name.")],
    team: Annotated[str, typer.Option(help="Team name; made if it does not exist.")],
    head: Annotated[bool, typer.Option("--head", help="Make a head coach.")] = False,
    email: Annotated[str, typer.Option(help="Email address.")] = "",
) -> None:
    """Add a coach from the command line (password from $HINGECOACH_PASSWORD or a prompt)."""
    password = os.environ.get(PASSWORD_ENV) or typer.prompt(
        "Password", hide_input=True, confirmation_prompt=True
    )
    with _web():
        from hingecoach.web.teams import services
        from hingecoach.web.teams.models import Membership, Team

        found = Team.objects.filter(name=team.strip()).first()
        the_team = found or services.team_create(name=team)
        role = Membership.Role.HEAD if head else Membership.Role.COACH
        services.coach_create(
            team=the_team, username=username, password=password, email=email, role=role
        )
        typer.echo(f"coach '{username}' added to team '{the_team.name}' as {role.label}")


def setpassword(
    username: Annotated[str, typer.Argument(help="The coach's sign-in name.")],
) -> None:
    """Set a coach's password (from $HINGECOACH_PASSWORD or a prompt); lifts a lock-out."""
    password = os.environ.get(PASSWORD_ENV) or typer.prompt(
        "New password", hide_input=True, confirmation_prompt=True
    )
    with _web():
        from hingecoach.web.accounts import selectors, services

        user = selectors.username_get(username=username)
        services.password_set(user=user, password=password)
        typer.echo(f"password set for '{user.get_username()}'")


def export(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="JSON file to write.")],
    team: Annotated[
        str | None,
        typer.Option(
            help="Only this team's data, by name: the file a head coach downloads from "
            "Settings (no passwords, no API tokens)."
        ),
    ] = None,
) -> None:
    """Export the whole database, or one team, to a JSON file.

    Teams, coaches, athletes and their records, blocks, gym runs and the audit trail.

    Clips' analyses go in; the video files do not."""
    with _web():
        from hingecoach.web.teams.selectors import team_named
        from hingecoach.web.transfer import export_to, left_out_notes

        chosen = None if team is None else team_named(name=team)
        typer.echo(f"exported {export_to(file, team=chosen)} records to {file}")
        notes = left_out_notes(team=chosen)
        if notes:
            typer.echo("not in the file:")
            for note in notes:
                typer.echo(f"  - {note}")


def import_(file: Annotated[Path, typer.Argument(metavar="FILE", help="An export file.")]) -> None:
    """Import an export into an empty database (all or nothing)."""
    with _web():
        from hingecoach.web.clips.models import clips_dir
        from hingecoach.web.transfer import clips_without_files, import_from

        typer.echo(f"imported {import_from(file)} records from {file}")
        if missing := clips_without_files():
            typer.echo(
                f"{missing} clip{'s have' if missing != 1 else ' has'} no video file here: "
                f"copy the old data folder's uploads/clips into {clips_dir()} to see "
                "the videos and key frames"
            )


def _home() -> str:
    from hingecoach.web.paths import data_home

    return str(data_home())


COMMANDS: dict[str, Callable[..., Any]] = {
    "serve": serve,
    "demo": demo,
    "createcoach": createcoach,
    "setpassword": setpassword,
    "export": export,
    "import": import_,
}


def register(app: typer.Typer) -> None:
    for name, command in COMMANDS.items():
        app.command(name)(command)
