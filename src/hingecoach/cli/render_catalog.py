"""Rich views of the exercise catalog: the ladder as a table, and one exercise card."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.table import Table
from rich.text import Text

from hingecoach.cli.render import THEME_STYLE, bullets, print_all
from hingecoach.core import Catalog
from hingecoach.core.catalog import Exercise


def show_catalog(catalog: Catalog) -> None:
    table = Table(
        title=f"Exercise catalog ({len(catalog.exercises)} exercises, simplest first)",
        title_justify="left",
        title_style="bold",
        header_style="bold",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    for column in ("id", "name", "role", "theme", "level", "subcategory", "hinge", "range"):
        table.add_column(
            column, justify="right" if column == "level" else "left", no_wrap=column != "name"
        )
    for ex in catalog:
        table.add_row(
            ex.id,
            ex.name,
            ex.role,
            Text(ex.theme, THEME_STYLE[ex.theme]),
            str(ex.level),
            ex.subcategory,
            "yes" if ex.hinge else "no",
            ex.range,
        )
    print_all([table], wide=True)


def field_value(value: Any) -> Any:
    """A field's value as a person reads it: lists as bullets, nested data as key: value."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if value is None or value == [] or value == {}:
        return Text("none", style="dim")
    if isinstance(value, list):
        return bullets([_flat(item) for item in value])
    if isinstance(value, dict):
        return bullets([f"{_label(key)}: {_flat(item)}" for key, item in value.items()], "-")
    return str(value)


def _label(key: str) -> str:
    return key.replace("_", " ")


def _flat(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dict) and set(value) == {"min", "max"}:
        return f"{value['min']:g}-{value['max']:g} kg"
    if isinstance(value, list) and all(isinstance(v, int) for v in value):
        return "/".join(map(str, value)) if value else "none"
    if isinstance(value, list):
        return " or ".join(map(str, value))
    if isinstance(value, dict):
        return ", ".join(f"{_label(k)} {_flat(v)}" for k, v in value.items())
    return "none" if value is None else str(value)


def show_exercise(exercise: Exercise) -> None:
    table = Table(
        title=f"{exercise.name} ({exercise.id})",
        title_justify="left",
        title_style="bold",
        show_header=False,
        show_lines=True,
    )
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for field, value in exercise.model_dump(mode="json").items():
        table.add_row(_label(field), field_value(value))
    print_all([table])
