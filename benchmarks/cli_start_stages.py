"""Where `hingecoach recommend CASE --json` spends its start, stage by stage, in CPU ms.

    python benchmarks/cli_start_stages.py [--runs 9]

Runs the steps the command runs, in its order and with its garbage-collector settings
(paused until the command is chosen, then frozen and resumed), in --runs fresh processes,
and prints each stage's median CPU time. `-X importtime` cannot show all of this: pydantic
and `hingecoach.core` import names on first use (`importlib.import_module`), which it
does not report.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASE = ROOT / "examples" / "failed-test.json"

CHILD = """
import gc, json, os, sys, time
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
gc.disable()
marks = [("start", time.process_time())]
def mark(name):
    marks.append((name, time.process_time()))
import typer.main; mark("typer")
from pydantic import BaseModel, Field, StringConstraints, model_validator, AfterValidator
mark("pydantic (the names the models use)")
import hingecoach.core.catalog; mark("catalog package and model classes")
import hingecoach.core.case; mark("CASE models")
import hingecoach.cli.root as root; mark("the CLI's own modules")
typer.main.get_command(root.app).get_command(None, "recommend"); mark("typer builds the command")
gc.freeze(); gc.enable()
from hingecoach.core import case_from_json, default_catalog
catalog = default_catalog(); mark("catalog from its cache")
case = case_from_json(open(sys.argv[1], encoding="utf-8").read(), catalog)
mark("CASE validated (validator built)")
from hingecoach.core import recommend
import hingecoach.core.engine; mark("engine imported")
answer = recommend(case, catalog); mark("recommend()")
text = json.dumps(answer.model_dump(mode="json"), indent=2); mark("JSON out")
print(json.dumps([(n, (t - p) * 1000) for (_, p), (n, t) in zip(marks, marks[1:])]))
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    command = [sys.executable, "-c", CHILD, str(CASE)]
    subprocess.run(command, check=True, capture_output=True, env=env)  # warm-up
    stages: dict[str, list[float]] = {}
    for _ in range(args.runs):
        done = subprocess.run(command, check=True, capture_output=True, text=True, env=env)
        for name, ms in json.loads(done.stdout):
            stages.setdefault(name, []).append(ms)
    print(f"load average {os.getloadavg()[0]:.1f}")
    for name, values in stages.items():
        print(f"{name:36} {statistics.median(values):6.1f} ms")
    total = sum(statistics.median(values) for values in stages.values())
    print(f"{'sum of the medians':36} {total:6.1f} ms")


if __name__ == "__main__":
    main()
