"""How far would the engine go without what it pays for today? Two what-ifs, one table.

    python benchmarks/engine_whatif.py [--cases 10000] [--repeat 3] [--mypyc]

Recommendations a second (CPU time, median of ``--repeat`` runs over the benchmark's
seeded cases, validated up front as in ``bench_engine.py``):

- ``as is``: the engine as installed.
- ``no answer objects``: every Why, Option, Prescription, load, Avoid and Recommendation
  the engine makes is replaced by a bare object holding the same values (no pydantic at
  all). This is the ceiling of an answer made of plain classes: the rules, the facts and
  the wording still run, nothing is validated or built as a model.
- ``compiled with mypyc`` (``--mypyc``): the engine's modules and ``core/present.py``
  compiled to C by mypyc in a temporary copy of the package (about 20 s; needs a C
  compiler and Python's headers), run in a child process.

The answers are not checked here (the what-ifs are measurements, not products);
``same_answers.py`` is the check for a change that is kept.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

ENGINE_MODULES = ("recommend", "prescribe", "reasons", "flare", "progression", "corrective")


def rate(cases: int, repeat: int) -> float:
    """Recommendations a second, by this process's CPU time."""
    from cases import random_cases
    from hingecoach.core import default_catalog, parse_case, recommend

    catalog = default_catalog()
    parsed = [parse_case(c, catalog) for c in random_cases(cases)]
    for case in parsed[:500]:  # the catalog's compiled indexes and worded reasons
        recommend(case, catalog)
    runs = []
    for _ in range(repeat):
        start = time.process_time()
        for case in parsed:
            recommend(case, catalog)
        runs.append(len(parsed) / (time.process_time() - start))
    return statistics.median(runs)


class Bare:
    """Values only: what an answer of plain classes would cost at the least."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.__dict__ = values


def without_answer_objects() -> None:
    def bare(model: type, **values: Any) -> Bare:
        return Bare(values)

    for name in ENGINE_MODULES:
        module = importlib.import_module(f"hingecoach.core.engine.{name}")
        if hasattr(module, "built"):
            module.built = bare  # type: ignore[attr-defined]


def compiled_rate(cases: int, repeat: int) -> float | None:
    """``rate`` in a child process running a mypyc-compiled copy of the engine."""
    import hingecoach

    mypyc = shutil.which("mypyc") or str(Path(sys.executable).with_name("mypyc"))
    if not Path(mypyc).exists():
        print("mypyc not installed: skipped")
        return None
    with tempfile.TemporaryDirectory() as temp:
        package = Path(temp) / "hingecoach"
        shutil.copytree(
            Path(hingecoach.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__")
        )
        sources = sorted(str(p) for p in (package / "core" / "engine").glob("*.py"))
        sources = [s for s in sources if not s.endswith("__init__.py")]
        sources.append(str(package / "core" / "present.py"))
        built = subprocess.run(
            [mypyc, *sources], cwd=temp, capture_output=True, text=True, check=False
        )
        if built.returncode != 0:
            print("mypyc could not compile the engine:", built.stdout[-800:], built.stderr[-800:])
            return None
        env = {**os.environ, "PYTHONPATH": temp + os.pathsep + os.environ.get("PYTHONPATH", "")}
        child = subprocess.run(
            [sys.executable, __file__, "--cases", str(cases), "--repeat", str(repeat), "--child"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        return float(json.loads(child.stdout)["rate"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--mypyc", action="store_true")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps({"rate": rate(args.cases, args.repeat)}))
        return
    rows = {"as is": rate(args.cases, args.repeat)}
    if args.mypyc:
        rows["compiled with mypyc"] = compiled_rate(args.cases, args.repeat)
    without_answer_objects()
    rows["no answer objects"] = rate(args.cases, args.repeat)
    print(f"{args.cases} cases, CPU time, median of {args.repeat} runs")
    for label, value in rows.items():
        shown = "-" if value is None else f"{value:8.0f} recommendations/s"
        print(f"  {label:22} {shown}")


if __name__ == "__main__":
    main()
