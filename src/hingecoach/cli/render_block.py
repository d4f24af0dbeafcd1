"""Rich view of a training block: one section per week, with what replaces it."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.rule import Rule
from rich.text import Text

from hingecoach.cli.render import (
    STAGE_STYLE,
    header,
    items_table,
    print_all,
    referral_panel,
    warnings_panel,
)
from hingecoach.cli.units import Units, format_load
from hingecoach.core import Block
from hingecoach.core.results import SessionItem, Week


def short_item(item: SessionItem, units: Units) -> str:
    """``Good Morning (3x10, 20 kg)``; unloaded work shows its sets and reps only."""
    rx = item.prescription
    load = f", {format_load(rx.load_kg, units)}" if rx.load_kg else ""
    return f"{item.name} ({rx.scheme}{load})"


def short_session(items: Sequence[SessionItem], units: Units) -> str:
    """A whole session on one line, in order."""
    return ", ".join(short_item(item, units) for item in items)


def week_title(week: Week) -> Text:
    return Text.assemble(
        (f"Week {week.week}", "bold"), ("   re-test ", "dim"),
        ("yes" if week.retest else "no", "bold" if week.retest else ""),
        ("   stage ", "dim"), (week.stage, STAGE_STYLE.get(week.stage, "bold")),
    )


def fallbacks(week: Week, units: Units) -> Group:
    lines: list[RenderableType] = []
    if week.if_retest_fails is not None:
        lines.append(Text.assemble(("If the re-test fails: ", "bold yellow"),
                                   short_session(week.if_retest_fails, units)))
    lines.append(Text.assemble(("After a pain flare: ", "bold yellow"),
                               short_session(week.if_pain_flare, units)))
    return Group(*lines)


def week_section(week: Week, units: Units) -> Group:
    return Group(Rule(week_title(week), align="left"),
                 items_table(week.session, units), fallbacks(week, units))


def show_block(result: Block, units: Units) -> None:
    weeks = "" if result.refer else f"{len(result.weeks)} weeks"
    parts: list[RenderableType] = [header("Training block", result.stage, result.refer, weeks)]
    if result.refer:
        print_all([*parts, referral_panel(result.warnings)])
        return
    if result.warnings:
        parts.append(warnings_panel(result.warnings))
    parts += [week_section(week, units) for week in result.weeks]
    print_all(parts)
