"""Where the app keeps its data: HINGECOACH_HOME, or a folder in the user's data dir."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import platformdirs


def data_home() -> Path:
    home = Path(os.environ.get("HINGECOACH_HOME") or platformdirs.user_data_dir("hingecoach"))
    home.mkdir(parents=True, exist_ok=True)
    return home


def secret_key(home: Path) -> str:
    """HINGECOACH_SECRET_KEY, or a key made once and kept (mode 600) in the data folder."""
    from_env = os.environ.get("HINGECOACH_SECRET_KEY")
    if from_env:
        return from_env
    path = home / "secret_key"
    if not path.exists():
        path.touch(mode=0o600)
        path.write_text(secrets.token_urlsafe(50), encoding="utf-8")
    return path.read_text(encoding="utf-8").strip()
