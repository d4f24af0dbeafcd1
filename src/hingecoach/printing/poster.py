"""The ladder poster: the hinge ladder chart at A2 or A1, as PDF or SVG.

The chart is the one ``hingecoach ladder`` draws (``hingecoach.charts``: the same layout,
boxes, title and legends, and an athlete's marks when a case is given); the poster adds
a rail of theme bands beside the levels, each spanning the levels its exercises cover,
and is scaled to fill the paper. The SVG keeps its text as outlines, so it looks the same
in any viewer; the PDF keeps it as text in the shipped DejaVu fonts.
"""

from __future__ import annotations

import io
import re
from typing import Any

import matplotlib
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch

from hingecoach.charts.ladder import BOTTOM_IN, LEFT_IN, RIGHT_IN, draw_chart, draw_title, top_in
from hingecoach.charts.layout import Layout, ladder_layout
from hingecoach.charts.legend import draw_legends
from hingecoach.charts.marks import AthleteMarks, athlete_marks
from hingecoach.charts.style import (
    ASPECT,
    COLUMN_IN,
    FONT,
    MUTED,
    TEXT,
    THEME_EDGE,
    THEME_FILL,
    UNIT_IN,
)
from hingecoach.core import Case, Catalog
from hingecoach.core.catalog.schema import THEMES
from hingecoach.printing.paper import Paper
from hingecoach.printing.render import Mode, css_for, pdf_bytes, render_document, render_html

BAND_COLUMNS = 0.62  # width of the theme rail, in ladder columns
MARGIN_MM = 12.0


def theme_spans(layout: Layout) -> list[tuple[str, int, int]]:
    """Each theme that has exercises, with the lowest and highest level it reaches."""
    spans: list[tuple[str, int, int]] = []
    for theme in THEMES:
        levels = [slot.exercise.level for slot in layout.slots if slot.exercise.theme == theme]
        if levels:
            spans.append((theme, min(levels), max(levels)))
    return spans


def draw_theme_bands(ax: Any, layout: Layout) -> None:
    spans = theme_spans(layout)
    left = len(layout.columns) + 0.1
    width = (BAND_COLUMNS - 0.14) / max(len(spans), 1)
    rows = {row.level: row for row in layout.rows}
    for n, (theme, low, high) in enumerate(spans):
        x, y0, y1 = left + n * width, rows[low].bottom + 0.08, rows[high].top - 0.08
        ax.add_patch(
            FancyBboxPatch(
                (x + 0.012, y0),
                width - 0.024,
                y1 - y0,
                boxstyle="round,pad=0,rounding_size=0.03",
                mutation_aspect=ASPECT,
                facecolor=THEME_FILL[theme],
                edgecolor=THEME_EDGE[theme],
                linewidth=1.3,
                zorder=3,
            )
        )
        ax.text(
            x + width / 2,
            (y0 + y1) / 2,
            theme.capitalize(),
            rotation=90,
            ha="center",
            va="center",
            fontsize=10,
            fontweight="bold",
            color=THEME_EDGE[theme],
            zorder=4,
        )
    ax.text(
        left + (BAND_COLUMNS - 0.14) / 2,
        layout.height + 0.18,
        "Themes",
        ha="center",
        va="bottom",
        fontsize=10,
        fontweight="bold",
        color=TEXT,
        clip_on=False,
    )


def poster_figure(catalog: Catalog, marks: AthleteMarks | None) -> Figure:
    """The ladder chart with the theme rail: ``charts.ladder``'s parts, a little wider."""
    layout = ladder_layout(catalog)
    columns = len(layout.columns) + BAND_COLUMNS
    width = LEFT_IN + COLUMN_IN * columns + RIGHT_IN
    height = top_in(marks, width) + UNIT_IN * layout.height + BOTTOM_IN
    figure = Figure(figsize=(width, height))
    ax = figure.add_axes(
        (
            LEFT_IN / width,
            BOTTOM_IN / height,
            COLUMN_IN * columns / width,
            UNIT_IN * layout.height / height,
        )
    )
    draw_chart(ax, layout, marks)
    ax.set_xlim(0, columns)
    draw_theme_bands(ax, layout)
    draw_title(figure, marks, top=1 - 0.22 / height)
    draw_legends(figure, marks, top=(BOTTOM_IN - 0.15) / height)
    figure.text(
        1 - RIGHT_IN / width,
        0.12 / height,
        "hingecoach · hinge ladder poster",
        ha="right",
        va="bottom",
        fontsize=8,
        color=MUTED,
    )
    return figure


def marks_for(case: Case | None, catalog: Catalog) -> AthleteMarks | None:
    return athlete_marks(case, catalog) if case is not None else None


def _svg(figure: Figure, *, text_as_paths: bool) -> str:
    with matplotlib.rc_context({**FONT, "svg.fonttype": "path" if text_as_paths else "none"}):
        out = io.StringIO()
        figure.savefig(
            out, format="svg", facecolor="white", metadata={"Date": None, "Title": "Hinge ladder"}
        )
    return out.getvalue()


STYLE = re.compile(r'\sstyle="([^"]*)"')
# Properties only SVG knows: as CSS in a style attribute of an SVG inside HTML, WeasyPrint
# warns that each is unknown (it still draws them); as presentation attributes it does not.
SVG_ONLY = ("fill", "stroke", "text-anchor", "dominant-baseline", "marker")


def _as_attributes(svg: str) -> str:
    """Matplotlib's ``style="fill: #fff; stroke: ..."`` as ``fill="#fff" stroke="..."``,
    what else the style held left in it."""

    def swap(found: re.Match[str]) -> str:
        attributes, kept = [], []
        for declaration in found.group(1).split(";"):
            name, _, value = (part.strip() for part in declaration.partition(":"))
            if not name:
                continue
            if name.startswith(SVG_ONLY):
                attributes.append(f' {name}="{value}"')
            else:
                kept.append(f"{name}: {value}")
        style = f' style="{"; ".join(kept)}"' if kept else ""
        return "".join(attributes) + style

    return STYLE.sub(swap, svg)


def _sized(svg: str, width: float, height: float) -> str:
    """The SVG drawn ``width`` x ``height`` mm, keeping its proportions and viewBox."""
    head = re.search(r"<svg\b[^>]*>", svg)
    if head is None:
        raise ValueError("matplotlib wrote no <svg> element")
    tag = re.sub(r'\s(width|height)="[^"]*"', "", head.group(0))
    tag = tag.replace(
        "<svg",
        f'<svg width="{width:g}mm" height="{height:g}mm" preserveAspectRatio="xMidYMid meet"',
        1,
    )
    return svg[: head.start()] + tag + svg[head.end() :]


def poster_svg(catalog: Catalog, paper: Paper, case: Case | None = None) -> str:
    """A standalone SVG the size of the paper, text as outlines."""
    with matplotlib.rc_context(FONT):
        figure = poster_figure(catalog, marks_for(case, catalog))
    return _sized(_svg(figure, text_as_paths=True), paper.width_mm, paper.height_mm)


def poster_html(
    catalog: Catalog,
    paper: Paper,
    case: Case | None = None,
    *,
    mode: Mode = "pdf",
    toolbar: dict[str, Any] | None = None,
) -> str:
    with matplotlib.rc_context(FONT):
        figure = poster_figure(catalog, marks_for(case, catalog))
    svg = _as_attributes(_svg(figure, text_as_paths=False))
    svg = _sized(
        svg[svg.index("<svg") :], paper.width_mm - 2 * MARGIN_MM, paper.height_mm - 2 * MARGIN_MM
    )
    return render_html(
        "poster.html",
        mode=mode,
        title="Hinge ladder poster",
        paper=paper,
        page_margin=f"{MARGIN_MM:g}mm",
        css=css_for(mode, "poster.css"),
        chart=svg,
        toolbar=toolbar or {},
    )


def poster_pdf(catalog: Catalog, paper: Paper, case: Case | None = None) -> bytes:
    return pdf_bytes(render_document(poster_html(catalog, paper, case)))
