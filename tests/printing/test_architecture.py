"""Printing is an adapter: the core never imports it, and it never imports the web app,
the CLI or Django (a suggested import-linter contract says the same)."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "hingecoach"


def imported_modules(folder: Path) -> set[str]:
    found: set[str] = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.add(node.module)
    return found


def test_the_core_does_not_import_printing_or_its_libraries():
    core = imported_modules(SRC / "core")
    assert not {
        m
        for m in core
        if m.split(".")[0] in {"weasyprint", "jinja2", "pypdf"}
        or m.startswith("hingecoach.printing")
    }


def test_printing_does_not_import_the_web_app_the_cli_or_django():
    printing = imported_modules(SRC / "printing")
    assert not {
        m
        for m in printing
        if m.split(".")[0] == "django" or m.startswith(("hingecoach.web", "hingecoach.cli"))
    }


def test_the_cli_starts_without_loading_weasyprint():
    script = (
        "import json, sys, hingecoach.cli.app\n"
        "print(json.dumps([m for m in ('weasyprint', 'hingecoach.printing')"
        " if m in sys.modules]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert json.loads(result.stdout) == []
