"""The core stays pure: importing it pulls in no web, CLI, plotting, video or database."""

from __future__ import annotations

import json
import subprocess
import sys

FORBIDDEN = ("django", "typer", "click", "rich", "matplotlib", "cv2", "sqlite3")


def test_importing_the_core_loads_no_adapter_library():
    script = (
        "import json, sys, hingecoach.core\n"
        f"print(json.dumps(sorted(m for m in {FORBIDDEN!r} if m in sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert json.loads(result.stdout) == []


def test_running_the_engine_loads_no_adapter_library():
    script = (
        "import json, sys\n"
        "from hingecoach.core import block, default_catalog, plan, recommend\n"
        "c = {'athlete': {'age': 30}, 'tests': [{'date': '2026-11-01', 'faults': []}]}\n"
        "k = default_catalog()\n"
        "recommend(c, k); plan(c, k); block(c, 4, k)\n"
        f"print(json.dumps(sorted(m for m in {FORBIDDEN!r} if m in sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert json.loads(result.stdout) == []
