"""Readable views of a recommendation and a session plan, for a coach on a phone.

Each item is a short block that wraps to the screen (50 columns is enough): its name and
part, a line with sets, load and rest that is never dropped, the catalog's cues, and why
it is there in plain words. ``--explain`` adds each reason's rule id. All wording of
loads, names and reasons comes from ``hingecoach.core.present``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from hingecoach.core import Catalog, Plan, Recommendation
from hingecoach.core import present as say
from hingecoach.core.results import Avoid, Option, SessionItem, Why

THEME_STYLE = {
    "corrective": "cyan",
    "fundamental": "green",
    "challenge": "magenta",
    "mastery": "bold magenta",
}
STAGE_STYLE = {**THEME_STYLE, "pain-aware": "yellow", "refer": "bold red"}
WIDE = 120


@dataclass(frozen=True)
class View:
    """How to word things for this reader: the catalog, the units, rule ids or not."""

    catalog: Catalog
    units: say.Units = "kg"
    explain: bool = False
    cues: bool = True

    def why(self, why: Why) -> str:
        return say.why_text(self.catalog, why, self.units, self.explain)

    def load(self, item: Option) -> str:
        return say.load_text(item.prescription, self.units)


def stdout(wide: bool = False) -> Console:
    """The console for standard output; ``wide`` tables get 120 columns when not on a
    terminal (a file or a pipe) instead of rich's default of 80."""
    console = Console(highlight=False)
    if wide and not console.is_terminal:
        console.width = max(console.width, WIDE)
    return console


def header(title: str, stage: str, refer: bool, extra: str = "") -> Panel:
    line = Text.assemble(
        ("Stage ", "dim"),
        (stage, STAGE_STYLE.get(stage, "bold")),
        ("   Refer ", "dim"),
        ("YES" if refer else "no", "bold red" if refer else ""),
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


def warnings_panel(warnings: Sequence[Why], view: View) -> Panel:
    return Panel(
        bullets([view.why(w) for w in warnings], "!", "bold yellow"),
        title="[bold yellow]Warnings[/]",
        title_align="left",
        border_style="yellow",
    )


def referral_panel(warnings: Sequence[Why], view: View) -> Panel:
    lead = Text(
        "STOP: load nothing today. Refer this athlete to a clinician before any training.",
        style="bold red",
    )
    body = Group(lead, Text(""), bullets([view.why(w) for w in warnings], "!", "bold red"))
    return Panel(
        body, title="[bold red]REFER TO A CLINICIAN[/]", title_align="left", border_style="bold red"
    )


def dose_line(item: Option, view: View) -> Text:
    """``3x10 · 20 kg · rest 90 s``: the load is always on the screen."""
    rx = item.prescription
    return Text.assemble(
        (rx.scheme, "bold"),
        " · ",
        (view.load(item), "bold"),
        (f" · rest {say.rest_text(rx.rest_s)}", "dim"),
    )


def title_line(number: int, item: Option) -> Text:
    part = (
        say.PART_LABELS[item.part] if isinstance(item, SessionItem) else say.ROLE_LABELS[item.role]
    )
    return Text.assemble(f"{number}. ", (item.name, "bold"), "  ", (part, THEME_STYLE[item.theme]))


def item_block(number: int, item: Option, view: View, cues: bool = True) -> Group:
    parts: list[RenderableType] = [
        title_line(number, item),
        Padding(dose_line(item, view), (0, 0, 0, 3)),
    ]
    exercise = view.catalog.exercises.get(item.exercise)
    if cues and exercise is not None:
        parts.append(Padding(Text("Cues", style="underline"), (0, 0, 0, 3)))
        parts.append(Padding(bullets(list(exercise.cues), "›", "cyan"), (0, 0, 0, 3)))
    parts.append(Padding(Text("Why", style="underline"), (0, 0, 0, 3)))
    parts.append(Padding(bullets([view.why(w) for w in item.why]), (0, 0, 0, 3)))
    return Group(*parts)


def items_section(items: Sequence[Option], view: View, label: str) -> Group:
    parts: list[RenderableType] = [Text(label, style="bold")]
    for number, item in enumerate(items, 1):
        parts += [Text(""), item_block(number, item, view, view.cues)]
    return Group(*parts)


def avoid_section(avoid: Sequence[Avoid], view: View) -> Group:
    """Avoided exercises, those that share their reasons listed together."""
    groups: dict[tuple[str, ...], list[str]] = {}
    for entry in avoid:
        key = tuple(view.why(w) for w in entry.why)
        groups.setdefault(key, []).append(say.exercise_name(view.catalog, entry.exercise))
    parts: list[RenderableType] = [Text("Avoid today", style="bold red underline")]
    for reasons, names in groups.items():
        parts.append(bullets([", ".join(names)], "✗", "bold red"))
        parts.append(Padding(bullets(list(reasons)), (0, 0, 0, 2)))
    return Group(*parts)


def advice_view(
    title: str, result: Recommendation | Plan, items: Sequence[Option], view: View
) -> list[RenderableType]:
    """Header, then the referral or warnings, then each item with its cues and why."""
    parts: list[RenderableType] = [header(title, result.stage, result.refer)]
    if result.refer:
        return [*parts, referral_panel(result.warnings_why, view)]
    if result.warnings_why:
        parts.append(warnings_panel(result.warnings_why, view))
    label = "Session, in order" if isinstance(result, Plan) else "Options, best first"
    if not items:
        return [*parts, Text(f"{label}: none", style="dim")]
    return [*parts, items_section(items, view, label)]


def show_recommendation(rec: Recommendation, view: View) -> None:
    parts = advice_view("Recommendation", rec, rec.options, view)
    if rec.avoid and not rec.refer:
        parts.append(avoid_section(rec.avoid, view))
    print_all(parts)


def show_plan(result: Plan, view: View) -> None:
    print_all(advice_view("Session plan", result, result.session, view))


def print_all(parts: Sequence[RenderableType], wide: bool = False) -> None:
    console = stdout(wide)
    for index, part in enumerate(parts):
        if index and not isinstance(part, Panel):
            console.print()
        console.print(part)
