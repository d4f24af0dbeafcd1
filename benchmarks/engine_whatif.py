"""How far would the engine go without what it pays for today? What-ifs, one table.

    python benchmarks/engine_whatif.py [--cases 10000] [--repeat 3] [--mypyc] [--floors]

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

``--floors`` adds what no engine for this contract can go below in this language, each on
unseen cases (sets drawn with seeds ``bench_engine.py``'s cases never use):

- ``rules only``: the rules and the facts as today, but no answer assembled (no option,
  avoid or warning is made or worded). The time the rules alone take.
- ``answer objects``: how many pydantic objects an answer holds and what making one from
  ready values costs (``built``, the cheapest way the engine has): their product is the
  time the answer's objects take, however the rules get to them.
- ``serialised``: the answers turned into the contract's JSON by pydantic-core (compiled
  Rust): the time writing out an answer already made takes, for scale.
- ``parts seen before``: for answers to unseen cases, the share of their options, avoided
  exercises and whys equal to one in the answers to the benchmark's own cases: how much
  an engine sharing answer parts between answers could skip.

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


def unseen(cases: int, seed: int) -> list[Any]:
    from cases import random_cases
    from hingecoach.core import default_catalog, parse_case

    catalog = default_catalog()
    return [parse_case(c, catalog) for c in random_cases(cases, seed=seed)]


def per_case_us(func: Any, items: list[Any]) -> float:
    start = time.process_time()
    for item in items:
        func(item)
    return (time.process_time() - start) / len(items) * 1e6


def floors(cases: int) -> dict[str, str]:
    """The ``--floors`` rows (see the module's text)."""
    from pydantic import BaseModel

    from cases import random_cases
    from hingecoach.core import default_catalog, parse_case, recommend
    from hingecoach.core.engine.built import built
    from hingecoach.core.results import Why

    catalog = default_catalog()
    seen = [recommend(parse_case(c, catalog), catalog) for c in random_cases(cases)]
    full = per_case_us(lambda c: recommend(c, catalog), unseen(cases, 9_100))
    rows = {"full answers": f"{full:6.1f} us each"}
    rows["rules only"] = f"{rules_only_us(cases):6.1f} us each"
    answers = [recommend(c, catalog) for c in unseen(cases, 9_102)]

    def count(value: Any) -> int:
        if isinstance(value, BaseModel):
            return 1 + sum(count(v) for v in value.__dict__.values())
        return sum(count(v) for v in value) if isinstance(value, list) else 0

    objects = statistics.mean(count(a) for a in answers)
    one = per_case_us(lambda _: built(Why, rule="r", text="t", facts={}), range(200_000))
    rows["answer objects"] = f"{objects:.1f} each x {one:.2f} us = {objects * one:5.1f} us"
    rows["serialised"] = f"{per_case_us(lambda a: a.model_dump_json(), answers):6.1f} us each"
    for part, share in parts_seen_before(seen, answers).items():
        rows[f"{part} seen before"] = f"{share:6.1%}"
    return rows


def rules_only_us(cases: int) -> float:
    """``recommend`` with nothing assembled: the stage's rules run, the answer is not made."""
    from hingecoach.core import default_catalog, recommend

    catalog = default_catalog()
    module = sys.modules["hingecoach.core.engine.recommend"]
    finish, warnings = module._finish, module.warnings
    module._finish = lambda facts, draft, stage: None
    module.warnings = lambda catalog, reasons: {"warnings": [], "warnings_why": []}
    try:
        return per_case_us(lambda c: recommend(c, catalog), unseen(cases, 9_101))
    finally:
        module._finish, module.warnings = finish, warnings


def parts_seen_before(seen: list[Any], answers: list[Any]) -> dict[str, float]:
    def parts(batch: list[Any]) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {"options": [], "avoided": [], "whys": []}
        for answer in batch:
            found["options"] += [o.model_dump_json() for o in answer.options]
            found["avoided"] += [a.model_dump_json() for a in answer.avoid]
            for entry in [*answer.options, *answer.avoid]:
                found["whys"] += [w.model_dump_json() for w in entry.why]
        return found

    known = {name: set(values) for name, values in parts(seen).items()}
    return {
        name: sum(v in known[name] for v in values) / max(len(values), 1)
        for name, values in parts(answers).items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--mypyc", action="store_true")
    parser.add_argument("--floors", action="store_true")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.floors:
        print(f"{args.cases} unseen cases, CPU time")
        for label, value in floors(args.cases).items():
            print(f"  {label:22} {value}")
        return
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
