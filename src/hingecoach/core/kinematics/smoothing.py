"""Cleaning a landmark track: bridge short tracking gaps, then smooth out the jitter.

A gap of at most ``max_gap`` frames with frames seen on both sides is bridged by a
quadratic fitted to the frames either side of it (as many on each side as the gap is
long, at least two), so a quick movement keeps its curve through the gap; longer gaps,
and gaps at either end, stay NaN. Smoothing is then a Gaussian-weighted local quadratic
fit (a Savitzky-Golay filter with Gaussian weights) over each run of seen frames on its
own: it keeps the depth of a quick rep's bottom, where a moving average shaves it. Near
a run's ends, where a quadratic would swing with the noise, the fit is a straight line.

Everything works on (n,) or (n, k) arrays, NaN meaning "not seen"; columns that are seen
in the same frames (x and y of a landmark, or several landmarks) are done together.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

import numpy as np

from hingecoach.core.kinematics.numeric import Floats, Mask


def seen_runs(seen: Mask) -> list[tuple[int, int]]:
    """(start, stop) of every run of True in ``seen``."""
    edges = np.diff(np.concatenate([[0], seen.astype(np.int8), [0]]))
    return list(zip(np.flatnonzero(edges == 1), np.flatnonzero(edges == -1), strict=True))


def _by_pattern(values: Floats, work: Callable[[Floats, Mask], Floats]) -> Floats:
    """Apply ``work(block, seen)`` to each group of columns seen in the same frames."""
    flat = values.ndim == 1
    table = values.reshape(len(values), -1).astype(float)
    seen = ~np.isnan(table)
    groups: dict[bytes, list[int]] = {}
    for col in range(table.shape[1]):
        groups.setdefault(np.packbits(seen[:, col]).tobytes(), []).append(col)
    out = table.copy()
    for cols in groups.values():
        out[:, cols] = work(table[:, cols], seen[:, cols[0]])
    return out[:, 0] if flat else out


def fill_gaps(values: Floats, max_gap: int) -> Floats:
    """Bridge every inner gap of at most ``max_gap`` frames (see the module's text)."""

    def work(block: Floats, seen: Mask) -> Floats:
        for (before, stop), (start, after) in pairwise(seen_runs(seen)):
            if start - stop <= max_gap:
                block[stop:start] = _bridge(block, before, stop, start, after)
        return block

    return _by_pattern(values, work)


def _bridge(block: Floats, before: int, stop: int, start: int, after: int) -> Floats:
    reach = max(2, start - stop)
    frames = np.r_[max(before, stop - reach) : stop, start : min(after, start + reach)]
    degree = 2 if min(stop - before, after - start) >= 2 else 1
    x = (frames - (stop + start) / 2)[:, None] ** np.arange(degree + 1)
    coef, *_ = np.linalg.lstsq(x, block[frames], rcond=None)
    inside = (np.arange(stop, start) - (stop + start) / 2)[:, None] ** np.arange(degree + 1)
    bridged: Floats = inside @ coef
    return bridged


def gaussian_kernel(sigma: float) -> Floats:
    radius = max(1, int(np.ceil(3 * sigma)))
    offsets = np.arange(-radius, radius + 1)
    kernel = np.exp(-0.5 * (offsets / sigma) ** 2)
    normalised: Floats = kernel / kernel.sum()
    return normalised


def local_fit(run: Floats, sigma: float, degree: int) -> Floats:
    """The Gaussian-weighted local polynomial of ``degree`` at every frame of a gap-free
    (m, k) run (frames where the fit is singular keep their values)."""
    kernel = gaussian_kernel(sigma)
    radius = len(kernel) // 2
    offsets = np.arange(-radius, radius + 1, dtype=float)
    ones = np.pad(np.ones(len(run)), radius)
    y = np.pad(run, ((radius, radius), (0, 0)))
    moment = [np.correlate(ones, kernel * offsets**p, "valid") for p in range(2 * degree + 1)]
    normal = np.stack([np.stack(moment[r : r + degree + 1], -1) for r in range(degree + 1)], 1)
    weights = np.stack([kernel * offsets**p for p in range(degree + 1)])
    windows = np.lib.stride_tricks.sliding_window_view(y, len(kernel), axis=0)
    first_row = _first_rows_of_inverse(normal, radius)
    usable = np.isfinite(first_row).all(axis=1)
    out = run.copy()
    out[usable] = np.einsum("mkw,mw->mk", windows[usable], first_row[usable] @ weights)
    return out


def _first_rows_of_inverse(normal: Floats, radius: int) -> Floats:
    """Row 0 of each normal matrix's inverse (NaN where singular). Away from a run's
    ends every frame has the same matrix, so it is inverted once."""
    m = len(normal)
    edge = np.minimum(np.arange(m), np.arange(m)[::-1]) < radius
    inner = np.flatnonzero(~edge)
    rows = np.full(normal.shape[:2], np.nan)
    for index in (np.flatnonzero(edge), inner[:1]):
        ok = index[np.abs(np.linalg.det(normal[index])) > 1e-9] if len(index) else index
        if len(ok):
            rows[ok] = np.linalg.inv(normal[ok])[:, 0, :]
    if len(inner):
        rows[inner] = rows[inner[0]]
    return rows


def smooth(values: Floats, sigma: float) -> Floats:
    """Smooth each run of seen frames (``sigma`` in frames; 0 leaves it); NaN stays."""
    if sigma <= 0:
        return values.astype(float)

    def work(block: Floats, seen: Mask) -> Floats:
        for start, stop in seen_runs(seen):
            run = block[start:stop]
            if len(run) < 3:
                continue
            fitted = local_fit(run, sigma, 2)
            edge = min(len(run) // 2, int(np.ceil(1.5 * sigma)))
            if edge:
                straight = local_fit(run, sigma, 1)
                fitted[:edge], fitted[-edge:] = straight[:edge], straight[-edge:]
            block[start:stop] = fitted
        return block

    return _by_pattern(values, work)


def clean(values: Floats, max_gap: int, sigma: float) -> Floats:
    """Bridge short gaps, then smooth."""
    return smooth(fill_gaps(values, max_gap), sigma)


def running_median(values: Floats, window: int) -> Floats:
    """Each frame's median over ``window`` frames around it, (n,) or (n, k) column by
    column; NaN where no frame of the window was seen (in every column)."""
    half = window // 2
    if half == 0 or len(values) == 0:
        return values
    pad = ((half, half),) + ((0, 0),) * (values.ndim - 1)
    padded = np.pad(values, pad, constant_values=np.nan)
    windows = np.lib.stride_tricks.sliding_window_view(padded, 2 * half + 1, axis=0)
    seen: Mask = np.any(np.isfinite(windows), axis=-1)
    if values.ndim > 1:
        seen = np.all(seen, axis=1)
    out = np.full(values.shape, np.nan)
    out[seen] = np.nanmedian(windows[seen], axis=-1)
    return out


def jump_scatter(jumps: Floats) -> float:
    """How far one frame's reading typically strays, from the sizes of the jumps between
    neighbouring frames (NaN for a pair not both seen): 1.4826 x their median / sqrt 2,
    a robust standard deviation that a few bad frames do not move. NaN with fewer than
    3 jumps."""
    jumps = jumps[np.isfinite(jumps)]
    if len(jumps) < 3:
        return float("nan")
    return float(1.4826 * np.median(jumps) / np.sqrt(2))
