"""Templates to HTML (Jinja2) and HTML to PDF (WeasyPrint), for the CLI and the web alike.

The same template and stylesheet make the web page and the PDF: ``mode="pdf"`` adds the
shipped fonts by ``file://`` URL; ``mode="screen"`` adds the toolbar (download, print)
and shows each sheet of paper on a grey desk. Every PDF is rendered with
``LocalOnlyFetcher``: nothing is fetched from the network.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any, Literal

import jinja2
from markupsafe import Markup
from weasyprint import HTML
from weasyprint.document import Document
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError

from hingecoach.charts.style import THEME_EDGE, THEME_FILL, THEME_INK
from hingecoach.printing.assets import STATIC, TEMPLATES, font_face_css, stylesheet
from hingecoach.printing.errors import FetchRefused, PrintError
from hingecoach.printing.fetcher import LocalOnlyFetcher

Mode = Literal["pdf", "screen"]
PAIN_AWARE, PAIN_AWARE_BG = "#0f766e", "#dcf3f0"


@cache
def environment() -> jinja2.Environment:
    """Autoescaped, and strict: a misspelt field is an error, never a blank on paper."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


def theme_css() -> str:
    """The ladder chart's theme colours as CSS custom properties."""
    rules = [
        f".theme-{t} {{ --theme: {THEME_EDGE[t]}; --theme-bg: {THEME_FILL[t]}; "
        f"--theme-ink: {THEME_INK[t]}; }}"
        for t in THEME_EDGE
    ]
    rules.append(f":root {{ --pain-aware: {PAIN_AWARE}; --pain-aware-bg: {PAIN_AWARE_BG}; }}")
    return "\n".join(rules)


def css_for(mode: Mode, *names: str) -> Markup:
    """The page's stylesheet: the package's own CSS files (trusted, so not escaped).
    ``screen.css`` is for a browser only: WeasyPrint would warn about each of its rules."""
    parts = [font_face_css()] if mode == "pdf" else []
    parts += [theme_css(), stylesheet("print.css"), *(stylesheet(n) for n in names)]
    if mode == "screen":
        parts.append(stylesheet("screen.css"))
    css = "\n".join(parts)
    if "</" in css:
        raise PrintError("css", "a stylesheet may not contain '</'")
    return Markup(css)


def render_html(template: str, *, mode: Mode, **context: Any) -> str:
    return environment().get_template(template).render(mode=mode, **context)


def render_document(html: str) -> Document:
    """Lay out ``html`` with WeasyPrint; any URL that is not a shipped file stops it."""
    fetcher = LocalOnlyFetcher()
    try:
        page = HTML(string=html, base_url=STATIC.as_uri() + "/", url_fetcher=fetcher)
        return page.render(font_config=FontConfiguration())
    except FatalURLFetchingError as exc:
        cause = exc.__cause__
        if isinstance(cause, PrintError):
            raise cause from None
        if fetcher.refused:
            raise FetchRefused(fetcher.refused[0]) from None
        raise PrintError("url", str(cause or exc)) from None


def pdf_bytes(document: Document) -> bytes:
    return document.write_pdf()


def page_box(page: Any) -> Any:
    """The root layout box of a rendered page (WeasyPrint keeps it as ``_page_box``)."""
    return page._page_box


def boxes(box: Any) -> Iterator[Any]:
    """``box`` and every box inside it, depth first."""
    yield box
    for child in getattr(box, "children", ()):
        yield from boxes(child)


def classes(box: Any) -> set[str]:
    element = getattr(box, "element", None)
    if element is None:
        return set()
    return set((element.get("class") or "").split())


def bottom(box: Any) -> float:
    return box.position_y + box.margin_height()
