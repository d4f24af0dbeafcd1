"""The readable view of a training block: one section per week, and what replaces it.

An exercise's cues are shown the first week it appears; later weeks give its dose only.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.text import Text

from hingecoach.cli.render import (
    STAGE_STYLE,
    View,
    header,
    item_block,
    print_all,
    referral_panel,
    warnings_panel,
)
from hingecoach.core import Block
from hingecoach.core import present as say
from hingecoach.core.results import SessionItem, Week


def short_item(item: SessionItem, view: View) -> str:
    """``Good Morning (3x10, 20 kg)``: every item shows its load, body weight included."""
    return f"{item.name} ({item.prescription.scheme}, {view.load(item)})"


def short_session(items: Sequence[SessionItem], view: View) -> str:
    """A whole session on one line, in order."""
    return ", ".join(short_item(item, view) for item in items)


def week_title(week: Week) -> Text:
    return Text.assemble(
        (f"Week {week.week}", "bold"),
        ("   re-test ", "dim"),
        ("yes" if week.retest else "no", "bold" if week.retest else ""),
        ("   stage ", "dim"),
        (week.stage, STAGE_STYLE.get(week.stage, "bold")),
    )


def fallbacks(week: Week, view: View) -> Group:
    lines: list[RenderableType] = []
    if week.rechecks:
        checks = ", ".join(say.RECHECK_WORDS.get(c, c) for c in week.rechecks)
        lines.append(Text.assemble(("Re-check before training: ", "bold cyan"), checks))
    if week.if_retest_fails is not None:
        lines.append(
            Text.assemble(
                ("If the re-test fails: ", "bold yellow"), short_session(week.if_retest_fails, view)
            )
        )
    lines.append(
        Text.assemble(
            ("After a pain flare: ", "bold yellow"), short_session(week.if_pain_flare, view)
        )
    )
    return Group(*lines)


def week_section(week: Week, view: View, shown: set[str]) -> Group:
    parts: list[RenderableType] = [Rule(week_title(week), align="left")]
    for number, item in enumerate(week.session, 1):
        parts.append(
            Padding(
                item_block(number, item, view, view.cues and item.exercise not in shown),
                (0, 0, 1, 0),
            )
        )
        shown.add(item.exercise)
    parts.append(fallbacks(week, view))
    return Group(*parts)


def show_block(result: Block, view: View) -> None:
    weeks = "" if result.refer else f"{len(result.weeks)} weeks"
    parts: list[RenderableType] = [header("Training block", result.stage, result.refer, weeks)]
    if result.refer:
        print_all([*parts, referral_panel(result.warnings_why, view)])
        return
    if result.warnings_why:
        parts.append(warnings_panel(result.warnings_why, view))
    shown: set[str] = set()
    parts += [week_section(week, view, shown) for week in result.weeks]
    print_all(parts)
