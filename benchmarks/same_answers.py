"""Check that a change to the engine leaves every answer exactly as it was.

    python benchmarks/same_answers.py --write /tmp/answers.jsonl   # before the change
    python benchmarks/same_answers.py --check /tmp/answers.jsonl   # after it

For the benchmark's seeded cases (``cases.py``), a second seeded set whose last session
logs exercises with loads (the flare paths the first set barely reaches) and every case
in ``examples/``, it writes ``recommend`` and ``plan`` as the contract's JSON, every
``why`` worded for a person in pounds, and for some cases a four-week ``block``: one JSON
line per case. ``--check`` recomputes them and names each case whose answer differs and
the first place it differs; it exits 1 if any does.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cases import random_case, random_cases
from hingecoach.core import Catalog, block, default_catalog, parse_case, plan, recommend
from hingecoach.core.present import why_text

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
TODAY = dt.date(2026, 12, 5)  # fixed, so the answers do not move with the calendar
START = dt.date(2026, 12, 7)


def logged_case(rng: random.Random, catalog: Catalog) -> dict[str, Any]:
    """A benchmark case whose last session lists exercises, loads and reps."""
    case = random_case(rng)
    exercises = sorted(catalog.exercises)
    logged = []
    for exercise in rng.sample(exercises, rng.randint(1, 3)):
        entry: dict[str, Any] = {"exercise": exercise}
        if rng.random() < 0.8:
            entry["load_kg"] = rng.choice([0, 2.5, 8, 12, 16, 20, 24, 32, 40, 60, 80, 100])
        if rng.random() < 0.5:
            entry["sets"] = rng.randint(1, 4)
        if rng.random() < 0.5:
            entry["reps"] = [rng.randint(3, 12) for _ in range(rng.randint(1, 4))]
        logged.append(entry)
    case["last_session"] = {
        "date": "2026-11-20",
        "pain_during": rng.randint(0, 8),
        "pain_next_morning": rng.randint(0, 5),
        "exercises": logged,
    }
    return case


def all_cases(count: int, logged: int, catalog: Catalog) -> Iterator[tuple[str, Any]]:
    for number, case in enumerate(random_cases(count)):
        yield f"bench-{number}", case
    rng = random.Random(17)
    for number in range(logged):
        yield f"logged-{number}", logged_case(rng, catalog)
    for path in sorted(EXAMPLES.glob("*.json")):
        yield f"example-{path.stem}", json.loads(path.read_text())


def answers(raw: dict[str, Any], catalog: Catalog, with_block: bool) -> dict[str, Any]:
    case = parse_case(raw, catalog, today=TODAY)
    rec = recommend(case, catalog).model_dump(mode="json")
    today = plan(case, catalog).model_dump(mode="json")
    whys = [
        *rec["warnings_why"],
        *(w for o in [*rec["options"], *rec["avoid"]] for w in o["why"]),
        *(w for item in today["session"] for w in item["why"]),
    ]
    out = {"recommend": rec, "plan": today, "lb": [why_text(catalog, w, "lb") for w in whys]}
    if with_block:
        out["block"] = block(case, 4, catalog, start=START).model_dump(mode="json")
    return out


def first_difference(old: Any, new: Any, path: str = "") -> str:
    if type(old) is not type(new):
        return f"{path or '.'}: {old!r} != {new!r}"
    if isinstance(old, dict):
        for key in sorted(set(old) | set(new), key=str):
            if key not in old or key not in new or old[key] != new[key]:
                return first_difference(old.get(key), new.get(key), f"{path}.{key}")
    if isinstance(old, list) and len(old) == len(new):
        for at, (a, b) in enumerate(zip(old, new, strict=True)):
            if a != b:
                return first_difference(a, b, f"{path}[{at}]")
    return f"{path or '.'}: {old!r} != {new!r}"


def lines(args: argparse.Namespace) -> Iterator[str]:
    catalog = default_catalog()
    for at, (name, raw) in enumerate(all_cases(args.cases, args.logged, catalog)):
        with_block = at % args.block_every == 0 or name.startswith("example-")
        yield json.dumps({"case": name, **answers(raw, catalog, with_block)}, sort_keys=True)


def write(path: Path, args: argparse.Namespace) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with path.open("w") as out:
        for line in lines(args):
            out.write(line + "\n")
            count += 1
    print(f"wrote the answers to {count} cases to {path}")
    return 0


def check(path: Path, args: argparse.Namespace) -> int:
    count = differ = 0
    with path.open() as stored:
        for old, new in zip(stored, lines(args), strict=True):
            count += 1
            if old.rstrip("\n") != new:
                differ += 1
                before, after = json.loads(old), json.loads(new)
                if differ <= 10:
                    print(f"{before['case']}: {first_difference(before, after)}")
    print(f"{count} cases, {differ} answers differ")
    return 1 if differ else 0


def main() -> int:
    parser = argparse.ArgumentParser()
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", type=Path, metavar="FILE")
    action.add_argument("--check", type=Path, metavar="FILE")
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--logged", type=int, default=2_000, help="cases with a logged session")
    parser.add_argument("--block-every", type=int, default=20, help="a block every N cases")
    args = parser.parse_args()
    return write(args.write, args) if args.write else check(args.check, args)


if __name__ == "__main__":
    sys.exit(main())
