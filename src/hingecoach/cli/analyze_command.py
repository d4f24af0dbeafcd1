"""``analyze CLIP``: analyse a side-view video of a hinge (DOMAIN.md section 5).

Prints a summary for a person, or the report as JSON with ``--json``; optionally writes
an annotated video and a plot of the angles. A progress bar is drawn on standard error
when it is a terminal. Bad input (not a video, a damaged, too long or too large file, an
unknown exercise, an output path that cannot be written) exits with status 2 and one
line, and leaves no output file behind.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from hingecoach.cli.errors import InputError
from hingecoach.cli.inputs import catalog_for, video_thresholds_for
from hingecoach.cli.json_output import print_json
from hingecoach.cli.options import choice
from hingecoach.core.kinematics import DEFAULT_EXERCISE

if TYPE_CHECKING:
    from hingecoach.video import ClipAnalysis

OUTPUT_SUFFIXES = {"--annotated": (".mp4", ".webm"), "--plot": (".png",)}
STAGE_LABEL = {"analyse": "Analysing", "annotate": "Writing video"}

ClipArg = Annotated[
    str,
    typer.Argument(
        metavar="CLIP",
        show_default=False,
        help="A side-view video (mp4, mov, webm; portrait or landscape; up to 4K).",
    ),
]
JsonOpt = Annotated[
    bool, typer.Option("--json", help="Print the analysis report as JSON (DOMAIN.md section 5).")
]
ExerciseOpt = Annotated[
    str, typer.Option("--exercise", metavar="ID", help="The exercise filmed (a catalog id).")
]
AnnotatedOpt = Annotated[
    str | None,
    typer.Option(
        "--annotated",
        metavar="OUT.mp4|OUT.webm",
        show_default=False,
        help="Write the clip with the skeleton, angles and faults drawn on it: .mp4 "
        "(MPEG-4, quick to write, for desktop players) or .webm (VP8, plays in web "
        "browsers, several times slower to write).",
    ),
]


class PoseModel(StrEnum):
    """The landmark models bundled with hingecoach.video (its MODELS), named here so that
    the CLI's help does not import OpenCV."""

    LITE = "lite"
    FULL = "full"
    HEAVY = "heavy"


ModelOpt = Annotated[
    PoseModel,
    typer.Option(
        "--model",
        metavar="lite|full|heavy",
        parser=choice(PoseModel),
        help="The pose model: lite (quickest), full, or heavy (slowest, most detail).",
    ),
]
PlotOpt = Annotated[
    str | None,
    typer.Option(
        "--plot",
        metavar="OUT.png",
        show_default=False,
        help="Write a plot of the angles over time, reps shaded, faults marked.",
    ),
]


def analyze(
    ctx: typer.Context,
    clip: ClipArg,
    json_: JsonOpt = False,
    exercise: ExerciseOpt = DEFAULT_EXERCISE,
    annotated: AnnotatedOpt = None,
    plot: PlotOpt = None,
    model: ModelOpt = PoseModel.FULL,
) -> None:
    """Analyse a side-view clip of a hinge: reps, angles, faults and what to coach."""
    catalog = catalog_for(ctx, None)
    thresholds = video_thresholds_for(catalog)
    if exercise not in catalog.exercises:
        raise InputError(
            "--exercise", f"unknown exercise '{exercise}' (see 'hingecoach catalog list')"
        )
    targets = {
        flag: output_path(flag, value)
        for flag, value in (("--annotated", annotated), ("--plot", plot))
        if value
    }
    from hingecoach.video import analyze_clip  # loads OpenCV: only for this command
    from hingecoach.video.outputs import staged

    with progress_bar() as progress:
        analysis = analyze_clip(
            clip, exercise, progress, model=model.value, catalog=catalog, thresholds=thresholds
        )
        with staged(list(targets.values())) as temps:
            write_outputs(analysis, dict(zip(targets, temps, strict=True)), progress)
    if json_:
        print_json(analysis.report)
        return
    from hingecoach.cli.render_analysis import show_analysis

    show_analysis(analysis, catalog, [str(path) for path in targets.values()])


def output_path(flag: str, value: str) -> Path:
    path = Path(value)
    suffixes = OUTPUT_SUFFIXES[flag]
    if path.suffix.lower() not in suffixes:
        kinds = " or a ".join(f"{suffix} file" for suffix in suffixes)
        raise InputError(flag, f"'{value}' must be a {kinds}")
    if not path.parent.is_dir():
        raise InputError(flag, f"no such folder '{path.parent}'")
    if path.is_dir():
        raise InputError(flag, f"'{value}' is a folder")
    return path


def write_outputs(analysis: ClipAnalysis, temps: dict[str, Path], progress: Stage) -> None:
    if "--plot" in temps:
        from hingecoach.video.plot import draw_plot

        title = (
            f"{analysis.video.path.name}: {analysis.report.exercise}, "
            f"side {analysis.report.side or '-'}"
        )
        draw_plot(analysis.report, temps["--plot"], title)
    if "--annotated" in temps:
        from hingecoach.video.annotate import write_annotated

        write_annotated(analysis, temps["--annotated"], progress)


class Stage:
    """The ``progress(stage, done, total)`` callback, drawn as one rich bar per stage."""

    def __init__(self, bar: Progress | None) -> None:
        self.bar = bar
        self.tasks: dict[str, TaskID] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        if self.bar is None:
            return
        if stage not in self.tasks:
            self.tasks[stage] = self.bar.add_task(STAGE_LABEL.get(stage, stage), total=None)
        self.bar.update(self.tasks[stage], completed=done, total=max(total, done) or None)


@contextlib.contextmanager
def progress_bar() -> Iterator[Stage]:
    """A progress bar on standard error when it is a terminal. Drawn through a duplicate
    of file descriptor 2, which stays a terminal while the pose model's native logs are
    silenced (the pipeline points descriptor 2 at /dev/null)."""
    stream = _duplicate_stderr()
    console = Console(file=stream) if stream else None
    if console is None or not console.is_terminal:
        _close(stream)
        yield Stage(None)
        return
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("frames"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )
    try:
        with Progress(*columns, console=console, transient=True) as bar:
            yield Stage(bar)
    finally:
        _close(stream)


def _duplicate_stderr() -> TextIO | None:
    try:
        return os.fdopen(os.dup(2), "w", encoding="utf-8", errors="replace")
    except OSError:
        return None


def _close(stream: TextIO | None) -> None:
    if stream is not None:
        stream.close()


def register(app: typer.Typer) -> None:
    app.command()(analyze)
