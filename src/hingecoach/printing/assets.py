"""Files a printout uses, all shipped on this machine: the package's own CSS and the
DejaVu fonts that come with matplotlib (a dependency), found without importing it.

``font_face_css()`` declares them by ``file://`` URL for WeasyPrint; a browser showing
the same page falls back to a locally installed DejaVu Sans or the system sans-serif.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

from hingecoach.printing.errors import PrintError

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
TEMPLATES = HERE / "templates"

# family, weight, style, file
FONT_FILES = (
    ("HC Sans", "normal", "normal", "DejaVuSans.ttf"),
    ("HC Sans", "bold", "normal", "DejaVuSans-Bold.ttf"),
    ("HC Sans", "normal", "italic", "DejaVuSans-Oblique.ttf"),
    ("HC Sans", "bold", "italic", "DejaVuSans-BoldOblique.ttf"),
    ("HC Mono", "normal", "normal", "DejaVuSansMono.ttf"),
    ("HC Mono", "bold", "normal", "DejaVuSansMono-Bold.ttf"),
    # The poster's chart names matplotlib's font by its own name.
    ("DejaVu Sans", "normal", "normal", "DejaVuSans.ttf"),
    ("DejaVu Sans", "bold", "normal", "DejaVuSans-Bold.ttf"),
    ("DejaVu Sans", "normal", "italic", "DejaVuSans-Oblique.ttf"),
    ("DejaVu Sans", "bold", "italic", "DejaVuSans-BoldOblique.ttf"),
)


@cache
def font_dir() -> Path:
    """matplotlib's bundled TrueType folder (``mpl-data/fonts/ttf``)."""
    spec = importlib.util.find_spec("matplotlib")
    locations = list(spec.submodule_search_locations or []) if spec else []
    for location in locations:
        folder = Path(location) / "mpl-data" / "fonts" / "ttf"
        if (folder / "DejaVuSans.ttf").is_file():
            return folder.resolve()
    raise PrintError("fonts", "matplotlib's DejaVu fonts were not found (is matplotlib installed?)")


def font_files() -> list[Path]:
    return sorted({font_dir() / name for *_, name in FONT_FILES})


@cache
def font_face_css() -> str:
    """``@font-face`` rules for the shipped fonts, by local ``file://`` URL."""
    rules = []
    for family, weight, style, name in FONT_FILES:
        url = (font_dir() / name).as_uri()
        rules.append(
            f'@font-face {{ font-family: "{family}"; font-weight: {weight}; '
            f'font-style: {style}; src: url("{url}") format("truetype"); }}'
        )
    return "\n".join(rules)


@cache
def stylesheet(name: str) -> str:
    """The text of ``static/NAME``."""
    return (STATIC / name).read_text(encoding="utf-8")


def allowed_roots() -> tuple[Path, ...]:
    """Folders a printout may read from: this package and the font folder."""
    return (HERE, font_dir())
