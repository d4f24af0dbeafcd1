"""Rich view of a video analysis, for a coach reading a terminal: the clip, the reps,
each fault with its value, threshold and confidence, the catalog's fix and step down,
and what the clip could not show."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.console import Group, JustifyMethod, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from hingecoach.cli.render import bullets, print_all
from hingecoach.core import Catalog
from hingecoach.core.kinematics import DEFAULT_EXERCISE, AnalysisReport
from hingecoach.core.kinematics.advice import fault_advice
from hingecoach.core.kinematics.filming import nothing_judged_line
from hingecoach.core.kinematics.report import FaultFinding, Rep

if TYPE_CHECKING:
    from hingecoach.video import ClipAnalysis


def show_analysis(analysis: ClipAnalysis, catalog: Catalog, written: Sequence[str]) -> None:
    report = analysis.report
    parts: list[RenderableType] = [clip_header(analysis, catalog)]
    if not report.assessable:
        parts.append(not_assessable_panel(report))
    else:
        parts.append(
            reps_table(report)
            if report.reps
            else Text(
                "No hinge reps found: a rep needs the trunk to lean at least 30 degrees from "
                "vertical with the feet planted.",
                style="dim",
            )
        )
        if report.faults:
            parts += [faults_table(report, catalog), coaching_section(report, catalog)]
        parts.append(verdict(report, catalog))
        if report.not_assessed:
            parts.append(not_assessed_section(report, catalog))
    if written:
        parts.append(Group(*(Text(f"wrote {path}", style="dim") for path in written)))
    print_all(parts, wide=True)


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def clip_header(analysis: ClipAnalysis, catalog: Catalog) -> Panel:
    report, clip = analysis.report, analysis.video
    exercise = catalog.exercises.get(report.exercise)
    rate = f"{clip.fps:g} fps"
    if analysis.step > 1:
        rate += f", every {ordinal(analysis.step)} frame analysed ({report.clip.fps:g} fps)"
    lines = Text.assemble(
        (clip.path.name, "bold"),
        "  ",
        (f"{report.clip.duration_s:.1f} s, {clip.width}x{clip.height}, {rate}", "dim"),
        "\n",
        ("Exercise ", "dim"),
        (exercise.name if exercise else report.exercise, "bold"),
        ("   Side toward the camera ", "dim"),
        (report.side or "-", "bold"),
        ("   Assessable ", "dim"),
        ("yes" if report.assessable else "NO", "green" if report.assessable else "bold yellow"),
    )
    return Panel(lines, title="[bold]Video analysis[/]", title_align="left", expand=False)


def not_assessable_panel(report: AnalysisReport) -> Panel:
    body = Group(
        Text(report.reason or "", style="bold"),
        Text(""),
        Text(
            "Film from the side, the whole body in frame from head to feet, in good light, "
            "with the camera at hip height and still.",
            style="dim",
        ),
    )
    return Panel(
        body, title="[bold yellow]Not assessable[/]", title_align="left", border_style="yellow"
    )


def reps_table(report: AnalysisReport) -> Table:
    table = Table(
        title="Reps",
        title_justify="left",
        title_style="bold",
        header_style="bold",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    columns: tuple[tuple[str, JustifyMethod], ...] = (
        ("#", "right"),
        ("Start-end s", "left"),
        ("Bottom s", "right"),
        ("Hip range", "right"),
        ("Max trunk lean", "right"),
        ("Down / up s", "right"),
        ("Faults", "left"),
    )
    for name, justify in columns:
        table.add_column(name, justify=justify)
    for n, rep in enumerate(report.reps, 1):
        table.add_row(
            str(n),
            f"{rep.start_s:.2f}-{rep.end_s:.2f}",
            f"{rep.bottom_s:.2f}",
            f"{rep.hip_rom_deg:.0f} deg",
            f"{rep.max_trunk_deg:.0f} deg",
            f"{rep.tempo.down_s:.1f} / {rep.tempo.up_s:.1f}",
            rep_verdict(rep),
        )
    return table


def rep_verdict(rep: Rep) -> Text:
    """The rep's faults; "none" only where some fault was measured, else "not judged"
    (a rep counted by the trunk alone, behind plates, says nothing about the faults)."""
    if rep.faults:
        return Text(", ".join(f.fault for f in rep.faults), style="red")
    return Text("none", style="green") if rep.measures else Text("not judged", style="yellow")


def faults_table(report: AnalysisReport, catalog: Catalog) -> Table:
    table = Table(
        title="Faults",
        title_justify="left",
        title_style="bold",
        header_style="bold",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    table.add_column("Fault", ratio=1, min_width=18)
    table.add_column("Rep", justify="right")
    table.add_column("At s", justify="right")
    table.add_column("Value", justify="right")
    table.add_column("Threshold", justify="right")
    table.add_column("Measure", ratio=2)
    table.add_column("Confidence", justify="right")
    for n, rep in enumerate(report.reps, 1):
        for f in rep.faults:
            table.add_row(
                fault_cell(f, catalog),
                str(n),
                f"{f.t_s:.2f}",
                f"{f.value:.3g}",
                f"{f.threshold:g}",
                Text(f.measure, style="dim"),
                f"{f.confidence:.2f}",
            )
    return table


def fault_cell(finding: FaultFinding, catalog: Catalog) -> Text:
    fault = catalog.faults.get(finding.fault)
    return Text.assemble(
        (fault.name if fault else finding.fault, "bold red"), "\n", (finding.fault, "dim")
    )


def coaching_section(report: AnalysisReport, catalog: Catalog) -> Group:
    parts: list[RenderableType] = [Text("What to coach", style="bold underline")]
    for advice in fault_advice(report, catalog):
        parts.append(Text.assemble((advice.name, "bold"), (f"  {advice.fault}", "dim")))
        parts.append(
            bullets([f"Fix: {advice.fix}", f"Step down while it persists: {advice.step_down}"])
        )
    return Group(*parts)


def verdict(report: AnalysisReport, catalog: Catalog) -> Text:
    """What the clip means for the athlete's record (DOMAIN.md section 5)."""
    exercise = catalog.exercises.get(report.exercise)
    nothing = nothing_judged_line(report)
    if nothing is not None:
        if report.exercise == DEFAULT_EXERCISE:
            nothing += " Until then, watch the athlete yourself before recording a test."
        return Text(nothing, style="yellow")
    if report.exercise != DEFAULT_EXERCISE:
        downs = ", ".join(_name(catalog, e) for e in (exercise.step_down if exercise else []))
        step = f" The exercise's step down: {downs}." if downs and report.faults else ""
        return Text(
            "Faults seen in an exercise other than the test do not change the "
            f"athlete's stage.{step}",
            style="dim",
        )
    if not report.reps:
        return Text("No test result: the clip holds no rep to judge.", style="dim")
    if report.faults:
        return Text.assemble(
            ("Test not passed", "bold red"),
            (
                ". Once you have confirmed the faults, record the test with "
                f'"faults": {json.dumps(list(report.faults))}.',
                "",
            ),
        )
    return Text.assemble(
        ("No fault seen", "bold green"),
        (
            ". Once you have confirmed it, record the test with no faults (a pass); faults "
            "the clip could not show are listed below.",
            "",
        ),
    )


def not_assessed_section(report: AnalysisReport, catalog: Catalog) -> Group:
    lines = [f"{_fault_name(catalog, item.fault)}: {item.why}" for item in report.not_assessed]
    return Group(Text("Not assessed", style="bold underline"), bullets(lines, "?", "yellow"))


def _fault_name(catalog: Catalog, fault_id: str) -> str:
    fault = catalog.faults.get(fault_id)
    return f"{fault.name} ({fault_id})" if fault else fault_id


def _name(catalog: Catalog, exercise_id: str) -> str:
    exercise = catalog.exercises.get(exercise_id)
    return exercise.name if exercise else exercise_id
