"""Run an iterator a few items ahead in a background thread.

Decoding and resizing (OpenCV) and the pose model (TensorFlow Lite) both release the
GIL, so on two cores the next frames are decoded while the model works on this one:
the wall time falls toward the pose model's time alone (benchmarks/README.md).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")


class _Done:
    """Put after the source's last item."""


_DONE = _Done()


class _Failure:
    def __init__(self, error: BaseException) -> None:
        self.error = error


class Prefetch(Generic[T]):
    """Iterate ``source`` in a worker thread, at most ``depth`` items ahead. An error in
    ``source`` is raised in the consumer, in order; leaving the loop early (or an error
    in the consumer) stops the worker at its next item."""

    def __init__(self, source: Iterable[T], depth: int = 4) -> None:
        self._source = source
        self._items: queue.Queue[T | _Failure | _Done] = queue.Queue(maxsize=depth)
        self._stop = threading.Event()

    def __iter__(self) -> Iterator[T]:
        worker = threading.Thread(target=self._run, name="hingecoach-decode", daemon=True)
        worker.start()
        try:
            while True:
                item = self._items.get()
                if isinstance(item, _Done):
                    return
                if isinstance(item, _Failure):
                    raise item.error
                yield item
        finally:
            self._stop.set()
            while worker.is_alive():
                self._drain()
                worker.join(timeout=0.05)

    def _run(self) -> None:
        items = iter(self._source)
        try:
            for item in items:
                if not self._put(item):
                    return
            self._put(_DONE)
        except BaseException as error:  # handed to the consumer, raised there
            self._put(_Failure(error))
        finally:
            close = getattr(items, "close", None)
            if close is not None:
                close()

    def _put(self, item: T | _Failure | _Done) -> bool:
        while not self._stop.is_set():
            try:
                self._items.put(item, timeout=0.05)
                return True
            except queue.Full:
                continue
        return False

    def _drain(self) -> None:
        try:
            while True:
                self._items.get_nowait()
        except queue.Empty:
            pass
