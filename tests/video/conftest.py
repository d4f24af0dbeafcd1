"""Video adapter tests. Tests that run the real pose model are marked ``video``; every
test here is skipped, with the reason, when the video dependencies (OpenCV, LiteRT) are not
installed: ``pip install -e .`` installs them."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED_CLIP = ROOT.parent / "shared" / "video" / "person-backflip-walk.mp4"
MISSING = [name for name in ("cv2", "ai_edge_litert") if importlib.util.find_spec(name) is None]
SKIP_REASON = (
    f"the video dependencies are not installed ({', '.join(MISSING)} missing): "
    "reinstall hingecoach (pip install -e .)"
)


# Without them nothing here can even be imported: collect only the test that says so.
collect_ignore = (
    [str(path) for path in Path(__file__).parent.glob("test_*.py") if path.name != "test_extras.py"]
    if MISSING
    else []
)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "video: runs the real pose model on a clip (slow)")


@pytest.fixture(scope="session")
def shared_clip() -> Path:
    if not SHARED_CLIP.is_file():
        pytest.skip(f"the shared test clip is not there: {SHARED_CLIP}")
    return SHARED_CLIP
