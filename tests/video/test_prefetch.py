"""The decoding thread: items in order, errors in order, bursts, and the signal it
gives the pose model while it works."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from hingecoach.video.blazepose.landmarks import INPUT_SIZE
from hingecoach.video.blazepose.models import (
    LANDMARK_MODELS,
    SharedCores,
    interpreter,
    model_path,
)
from hingecoach.video.prefetch import Prefetch


def test_every_item_arrives_in_order():
    assert list(Prefetch(range(100), depth=4, refill_at=1)) == list(range(100))


def test_an_error_in_the_source_comes_after_the_items_before_it():
    def source():
        yield from range(3)
        raise ValueError("damaged frame")

    got = []
    with pytest.raises(ValueError, match="damaged frame"):
        for item in Prefetch(source()):
            got.append(item)
    assert got == [0, 1, 2]


def test_leaving_early_stops_the_worker_and_closes_the_source():
    closed = threading.Event()

    def source():
        try:
            yield from range(10_000)
        finally:
            closed.set()

    for item in Prefetch(source(), depth=4):
        if item == 5:
            break
    assert closed.wait(2)


def test_the_worker_refills_in_bursts_and_says_when_it_works():
    depth, refill_at = 6, 2
    taken = 0
    ahead_at_start = []
    fetch: Prefetch[int]

    def source():
        for index in range(60):
            assert fetch.working.is_set()
            ahead_at_start.append(index - taken)
            yield index

    fetch = Prefetch(source(), depth=depth, refill_at=refill_at)
    for _ in fetch:
        time.sleep(0.002)  # a consumer slower than the source
        taken += 1
    assert not fetch.working.is_set()
    # Never more than a full queue (plus the one the consumer holds) ahead; and after
    # the first fill the worker waits until the queue is down to refill_at.
    assert max(ahead_at_start) <= depth + 1
    resumed = [ahead for ahead in ahead_at_start[depth + 1 :] if ahead <= refill_at + 1]
    assert resumed, ahead_at_start


def test_one_thread_and_two_give_the_same_landmarks():
    busy = threading.Event()
    model = SharedCores(model_path(LANDMARK_MODELS["full"]), busy)
    alone = interpreter(model_path(LANDMARK_MODELS["full"]))
    image = np.random.default_rng(3).random((1, INPUT_SIZE, INPUT_SIZE, 3), dtype=np.float32)
    index = alone.get_input_details()[0]["index"]
    outputs = [d["index"] for d in alone.get_output_details()]

    def run(runner):
        runner.set_tensor(index, image)
        runner.invoke()
        return [runner.get_tensor(i).copy() for i in outputs]

    expected = run(alone)
    for state in (busy.set, busy.clear):
        state()
        for got, want in zip(run(model), expected, strict=True):
            np.testing.assert_array_equal(got, want)
