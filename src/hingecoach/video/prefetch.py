"""Run an iterator a few items ahead in a background thread.

Decoding and resizing (OpenCV) and the pose model (LiteRT) both release the GIL, so on
two cores the next frames are decoded while the model works on this one. The worker
fills the queue in bursts (up to ``depth``, then waits until it is down to
``refill_at``) and sets ``working`` while it decodes, so the pose model can run on both
cores between bursts and on one during them, instead of its two threads and the decoder
pre-empting each other on every frame (benchmarks/README.md, "Video pipeline").
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

    def __init__(
        self,
        source: Iterable[T],
        depth: int = 16,
        refill_at: int = 2,
        working: threading.Event | None = None,
    ) -> None:
        self._source = source
        self._items: queue.Queue[T | _Failure | _Done] = queue.Queue(maxsize=depth)
        self._stop = threading.Event()
        self._refill_at = min(refill_at, depth - 1)
        self._taken = threading.Condition()
        self.working = working if working is not None else threading.Event()

    def __iter__(self) -> Iterator[T]:
        worker = threading.Thread(target=self._run, name="hingecoach-decode", daemon=True)
        worker.start()
        try:
            while True:
                item = self._items.get()
                with self._taken:
                    self._taken.notify()
                if isinstance(item, _Done):
                    return
                if isinstance(item, _Failure):
                    raise item.error
                yield item
        finally:
            self._stop.set()
            with self._taken:
                self._taken.notify()
            while worker.is_alive():
                self._drain()
                worker.join(timeout=0.05)

    def _run(self) -> None:
        items = iter(self._source)
        try:
            while True:
                self.working.set()
                item = next(items, _DONE)
                self.working.clear()
                if not self._put(item) or isinstance(item, _Done):
                    return
                if self._items.full() and not self._drained():
                    return
        except BaseException as error:  # handed to the consumer, raised there
            self.working.clear()
            self._put(_Failure(error))
        finally:
            self.working.clear()
            close = getattr(items, "close", None)
            if close is not None:
                close()

    def _drained(self) -> bool:
        """Wait until the consumer has taken the queue down to ``refill_at`` items
        (False: told to stop first)."""
        with self._taken:
            self._taken.wait_for(
                lambda: self._stop.is_set() or self._items.qsize() <= self._refill_at
            )
        return not self._stop.is_set()

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
