"""Run the real ``hingecoach`` command in subprocesses (``python -m hingecoach``).

Independent invocations are started together with ``run_many``, so the suite waits for the
slowest of them rather than for their sum.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


@dataclass(frozen=True)
class Call:
    args: tuple[str, ...]
    stdin: str | None = None
    env: dict[str, str] | None = None


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)

    @property
    def err_lines(self) -> list[str]:
        return self.err.splitlines()


def _environment(extra: dict[str, str] | None) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "HINGECOACH_CATALOG"}
    return {**env, "COLUMNS": "100", **(extra or {})}


def _start(call: Call) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "hingecoach", *call.args],
        cwd=ROOT,
        env=_environment(call.env),
        text=True,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def run_many(calls: dict[Any, Call]) -> dict[Any, Result]:
    """Start every call at once, then collect each one's exit status and output."""
    started = {key: (_start(call), call) for key, call in calls.items()}
    results = {}
    for key, (process, call) in started.items():
        out, err = process.communicate(call.stdin or "", timeout=120)
        results[key] = Result(process.returncode, out, err)
    return results


def hingecoach(*args: str, stdin: str | None = None, env: dict[str, str] | None = None) -> Result:
    """Run one command and return its exit status and output."""
    return run_many({0: Call(tuple(args), stdin, env)})[0]


def example(name: str) -> str:
    return str(EXAMPLES / name)
