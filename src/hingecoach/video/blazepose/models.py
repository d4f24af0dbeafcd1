"""The bundled model files (``hingecoach/video/models``, see NOTICE) and the runtime that
loads them (LiteRT, ``ai_edge_litert``). Each file's SHA-256 is checked before it is
loaded; nothing is ever fetched."""

from __future__ import annotations

import hashlib
import threading
from functools import cache
from pathlib import Path
from typing import Any

from hingecoach.video.errors import BackendUnavailable

MODEL_DIR = Path(__file__).resolve().parents[1] / "models"
DETECTOR = "pose_detection.tflite"
LANDMARK_MODELS = {
    "lite": "pose_landmark_lite.tflite",
    "full": "pose_landmark_full.tflite",
    "heavy": "pose_landmark_heavy.tflite",
}
SHA256 = {
    "pose_detection.tflite": "a63c614bef30d35947f13be361820b1e4e3bec9cfeebf4d11216a18373108e85",
    "pose_landmark_lite.tflite": "f17bfbecadb61c3be1baa8b8d851cc6619c870a87167b32848ad20db306b9d61",
    "pose_landmark_full.tflite": "e9a5c5cb17f736fafd4c2ec1da3b3d331d6edbe8a0d32395855aeb2cdfd64b9f",
    "pose_landmark_heavy.tflite": "59e42d71bcd44cbdbabc419f0ff76686595fd265419566bd4009ef703ea8e1fe",  # noqa: E501
}
THREADS = 2
REINSTALL = "reinstall hingecoach (pip install -e .)"


def model_path(name: str, folder: Path = MODEL_DIR) -> Path:
    """The bundled file ``name``, after checking it is there and unchanged."""
    path = folder / name
    if not path.is_file():
        raise BackendUnavailable(
            "", f"the pose model file {name} is missing from {folder}: {REINSTALL}"
        )
    if _digest(path) != SHA256[name]:
        raise BackendUnavailable(
            "", f"the pose model file {path} does not match its SHA-256 checksum: {REINSTALL}"
        )
    return path


@cache
def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def interpreter(path: Path, threads: int = THREADS) -> Any:
    """A LiteRT interpreter for ``path``, its tensors allocated."""
    try:
        from ai_edge_litert.interpreter import Interpreter
    except ImportError as exc:
        missing = exc.name or "ai_edge_litert"
        raise BackendUnavailable(
            "", f"the pose model cannot be loaded ({missing} is not installed): {REINSTALL}"
        ) from None
    model = Interpreter(model_path=str(path), num_threads=threads)
    model.allocate_tensors()
    return model


class SharedCores:
    """One model as two interpreters, on two threads and on one, that give the same
    numbers (XNNPACK splits the work, not the arithmetic). Each run takes one thread
    while ``busy`` is set (a decoder working beside it on a two-core machine) and two
    otherwise; the interpreter's own methods, so the models use it unchanged."""

    def __init__(self, path: Path, busy: threading.Event, threads: int = THREADS) -> None:
        self._one = interpreter(path, 1)
        self._all = interpreter(path, threads)
        self._busy = busy
        self._now = self._all

    def get_input_details(self) -> Any:
        return self._all.get_input_details()

    def get_output_details(self) -> Any:
        return self._all.get_output_details()

    def set_tensor(self, index: int, value: Any) -> None:
        self._now = self._one if self._busy.is_set() else self._all
        self._now.set_tensor(index, value)

    def invoke(self) -> None:
        self._now.invoke()

    def get_tensor(self, index: int) -> Any:
        return self._now.get_tensor(index)
