"""Write the import graphs in docs/architecture.md from the code's real imports (grimp,
the library import-linter uses), between the markers there.

    .venv/bin/python scripts/import_graph.py          rewrite the graphs
    .venv/bin/python scripts/import_graph.py --check  exit 1 if they are out of date

Two Mermaid graphs: the packages (the core, the adapters and the entry points), and the
web app's parts, with an arrow for each package that imports another (directly, any
module of it). Below each, what the graph says in words: cycles, and who imports OpenCV.
"""

from __future__ import annotations

import argparse
import sys
from itertools import permutations
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "architecture.md"
BEGIN, END = "<!-- import-graph:begin -->", "<!-- import-graph:end -->"
VIDEO_LIBRARIES = ("cv2", "ai_edge_litert")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    graph = grimp.build_graph("hingecoach", include_external_packages=True)
    text = DOC.read_text()
    start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
    new = text[:start] + "\n" + render(graph) + text[end:]
    if args.check:
        if new != text:
            sys.exit(f"{DOC.relative_to(ROOT)} is out of date: run scripts/import_graph.py")
        return
    DOC.write_text(new)
    print(f"wrote {DOC.relative_to(ROOT)}")


def packages(graph: grimp.ImportGraph, parent: str) -> list[str]:
    """The sub-packages of ``parent`` (a module of their own, like ``settings``, is left
    out: it is wiring, not a part)."""
    return sorted(child for child in graph.find_children(parent) if graph.find_children(child))


def edges(graph: grimp.ImportGraph, parts: list[str]) -> list[tuple[str, str]]:
    return sorted(
        (a, b)
        for a, b in permutations(parts, 2)
        if graph.direct_import_exists(importer=a, imported=b, as_packages=True)
    )


def cycles(found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Pairs that import each other, directly or through others."""
    reach = {a: {b for x, b in found if x == a} for a, _ in found}
    changed = True
    while changed:
        changed = False
        for targets in reach.values():
            more = set().union(*(reach.get(b, set()) for b in targets)) - targets
            if more:
                targets |= more
                changed = True
    return sorted(
        (a, b)
        for a, targets in reach.items()
        for b in targets
        if a < b and a in reach.get(b, set())
    )


def mermaid(found: list[tuple[str, str]], parts: list[str], prefix: str) -> list[str]:
    def short(name: str) -> str:
        return name.removeprefix(prefix)

    lines = ["```mermaid", "flowchart TD"]
    lines += [f"    {short(p).replace('.', '_')}[{short(p)}]" for p in parts]
    lines += [
        f"    {short(a).replace('.', '_')} --> {short(b).replace('.', '_')}" for a, b in found
    ]
    return [*lines, "```"]


def video_importers(graph: grimp.ImportGraph, parts: list[str]) -> list[str]:
    return sorted(
        {
            p
            for p in parts
            for library in VIDEO_LIBRARIES
            if graph.direct_import_exists(importer=p, imported=library, as_packages=True)
        }
    )


def through(graph: grimp.ImportGraph, a: str, b: str, prefix: str) -> str:
    """The module imports that make the arrow ``a --> b``."""
    found = sorted(
        f"{m.removeprefix(prefix)} -> {i.removeprefix(prefix)}"
        for m in graph.find_descendants(a)
        for i in graph.find_modules_directly_imported_by(m)
        if i == b or i.startswith(b + ".")
    )
    return ", ".join(f"`{x}`" for x in found)


def summary(
    found: list[tuple[str, str]], parts: list[str], prefix: str, graph: grimp.ImportGraph
) -> list[str]:
    looped = cycles(found)
    opencv = video_importers(graph, parts)
    return [
        "",
        f"{len(parts)} parts, {len(found)} arrows. Import cycles: "
        + (
            "; ".join(
                f"`{a.removeprefix(prefix)}` and `{b.removeprefix(prefix)}` "
                f"({through(graph, a, b, prefix)}; {through(graph, b, a, prefix)})"
                for a, b in looped
            )
            or "none"
        )
        + ". "
        + "Importing OpenCV or the pose runtime themselves: "
        + (", ".join(f"`{p.removeprefix(prefix)}`" for p in opencv) or "none")
        + ".",
        "",
    ]


def render(graph: grimp.ImportGraph) -> str:
    top = packages(graph, "hingecoach")
    web = packages(graph, "hingecoach.web")
    top_edges, web_edges = edges(graph, top), edges(graph, web)
    lines = [
        "### Packages",
        "",
        *mermaid(top_edges, top, "hingecoach."),
        *summary(top_edges, top, "hingecoach.", graph),
        "### The web app's parts",
        "",
        *mermaid(web_edges, web, "hingecoach.web."),
        *summary(web_edges, web, "hingecoach.web.", graph),
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
