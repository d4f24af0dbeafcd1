"""Rich views of a recommendation and a session plan, for a coach reading a terminal."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from hingecoach.cli.units import Units, format_load
from hingecoach.core import Catalog, Plan, Recommendation
from hingecoach.core.results import Avoid, Option, SessionItem

THEME_STYLE = {"corrective": "cyan", "fundamental": "green", "challenge": "magenta",
               "mastery": "bold magenta"}
STAGE_STYLE = {**THEME_STYLE, "pain-aware": "yellow", "refer": "bold red"}
WIDE = 120
LB_NOTE = "Loads converted from kilograms and rounded to 1 lb; the reasons quote the catalog in kg."


def stdout(wide: bool = False) -> Console:
    """The console for standard output; ``wide`` tables get 120 columns when not on a
    terminal (a file or a pipe) instead of rich's default of 80."""
    console = Console(highlight=False)
    if wide and not console.is_terminal:
        console.width = max(console.width, WIDE)
    return console


def header(title: str, stage: str, refer: bool, extra: str = "") -> Panel:
    line = Text.assemble(
        ("Stage ", "dim"), (stage, STAGE_STYLE.get(stage, "bold")),
        ("   Refer ", "dim"), ("YES" if refer else "no", "bold red" if refer else ""),
        (f"   {extra}" if extra else "", "dim"),
    )
    return Panel(line, title=f"[bold]{title}[/]", title_align="left", expand=False)


def bullets(lines: Sequence[str], marker: str = "•", style: str = "") -> Table:
    """A list whose wrapped lines hang under the text, not under the marker."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for line in lines:
        grid.add_row(Text(marker, style=style), Text(line))
    return grid


def warnings_panel(warnings: Sequence[str]) -> Panel:
    return Panel(bullets(warnings, "!", "bold yellow"), title="[bold yellow]Warnings[/]",
                 title_align="left", border_style="yellow")


def referral_panel(warnings: Sequence[str]) -> Panel:
    lead = Text("STOP: load nothing today. Refer this athlete to a clinician before any "
                "training.", style="bold red")
    body = Group(lead, Text(""), bullets(warnings, "!", "bold red"))
    return Panel(body, title="[bold red]REFER TO A CLINICIAN[/]", title_align="left",
                 border_style="bold red")


def sets_rest(item: Option) -> Text:
    rx = item.prescription
    return Text.assemble(rx.scheme, "\n", (f"rest {rx.rest_s} s", "dim"))


def exercise_cell(exercise_id: str, name: str) -> Text:
    return Text.assemble((name, "bold"), "\n", (exercise_id, "dim"))


def items_table(items: Sequence[Option], units: Units, title: str | None = None) -> Table:
    table = Table(title=title, title_justify="left", title_style="bold", header_style="bold",
                  box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("#", justify="right")
    table.add_column("Exercise", ratio=1, min_width=20)
    table.add_column("Role")
    table.add_column("Theme", no_wrap=True)
    table.add_column("Sets / rest", max_width=11)
    table.add_column("Load", justify="right", no_wrap=True)
    for order, item in enumerate(items, 1):
        role = f"{item.part}\n{item.role}" if isinstance(item, SessionItem) else item.role
        table.add_row(str(order), exercise_cell(item.exercise, item.name), role,
                      Text(f"{item.theme}\nlevel {item.level}", THEME_STYLE[item.theme]),
                      sets_rest(item), format_load(item.prescription.load_kg, units))
    return table


def reasons_section(items: Sequence[Option]) -> Group:
    parts: list[RenderableType] = [Text("Why", style="bold underline")]
    for order, item in enumerate(items, 1):
        parts.append(Text.assemble(f"{order}. ", (item.name, "bold")))
        parts.append(Padding(bullets(item.reasons), (0, 0, 0, 3)))
    return Group(*parts)


def avoid_section(avoid: Sequence[Avoid], catalog: Catalog) -> Group:
    """Avoided exercises, those that share their reasons listed together."""
    groups: dict[tuple[str, ...], list[str]] = {}
    for entry in avoid:
        groups.setdefault(tuple(entry.reasons), []).append(_name(entry.exercise, catalog))
    parts: list[RenderableType] = [Text("Avoid today", style="bold red underline")]
    for reasons, names in groups.items():
        parts.append(bullets([", ".join(names)], "✗", "bold red"))
        parts.append(Padding(bullets(list(reasons)), (0, 0, 0, 2)))
    return Group(*parts)


def _name(exercise_id: str, catalog: Catalog) -> str:
    exercise = catalog.exercises.get(exercise_id)
    return exercise.name if exercise else exercise_id


def advice_view(title: str, result: Recommendation | Plan, items: Sequence[Option],
                units: Units) -> list[RenderableType]:
    """Header, then the referral or warnings, then the items and why each is there."""
    parts: list[RenderableType] = [header(title, result.stage, result.refer)]
    if result.refer:
        return [*parts, referral_panel(result.warnings)]
    if result.warnings:
        parts.append(warnings_panel(result.warnings))
    label = "Session, in order" if isinstance(result, Plan) else "Options, best first"
    if not items:
        return [*parts, Text(f"{label}: none", style="dim")]
    parts.append(items_table(items, units, label))
    if units is Units.lb:
        parts.append(Text(LB_NOTE, style="dim"))
    return [*parts, reasons_section(items)]


def show_recommendation(rec: Recommendation, catalog: Catalog, units: Units) -> None:
    parts = advice_view("Recommendation", rec, rec.options, units)
    if rec.avoid and not rec.refer:
        parts.append(avoid_section(rec.avoid, catalog))
    print_all(parts)


def show_plan(result: Plan, units: Units) -> None:
    print_all(advice_view("Session plan", result, result.session, units))


def print_all(parts: Sequence[RenderableType], wide: bool = False) -> None:
    console = stdout(wide)
    for index, part in enumerate(parts):
        if index and not isinstance(part, Panel):
            console.print()
        console.print(part)
