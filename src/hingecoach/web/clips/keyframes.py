"""The moments of an analysed clip worth a still: the bottom of each rep and each
fault's moment, or a few evenly spaced frames when the clip holds no rep."""

from __future__ import annotations

from dataclasses import dataclass

from hingecoach.video import ClipAnalysis

MAX_FRAMES = 6
OVERVIEW_FRAMES = 3


@dataclass(frozen=True)
class KeyFrame:
    k: int  # index into the analysed track
    t_s: float
    label: str


def key_frames(analysis: ClipAnalysis) -> list[KeyFrame]:
    """Up to ``MAX_FRAMES`` moments worth a look, in time order, one per track frame."""
    report = analysis.report
    wanted: list[tuple[float, str]] = []
    for n, rep in enumerate(report.reps, 1):
        wanted.append((rep.bottom_s, f"rep {n}: bottom"))
        wanted += [(f.t_s, f"rep {n}: {f.fault}") for f in rep.faults]
    times = report.series.t_s
    if not wanted and times:
        wanted = [(times[(len(times) - 1) * i // (OVERVIEW_FRAMES + 1)], "overview")
                  for i in range(1, OVERVIEW_FRAMES + 1)]
    chosen: dict[int, KeyFrame] = {}
    for t_s, label in wanted:
        k = _nearest(times, t_s)
        if k not in chosen and len(chosen) < MAX_FRAMES:
            chosen[k] = KeyFrame(k, times[k], label)
    return sorted(chosen.values(), key=lambda frame: frame.k)


def _nearest(times: list[float], t_s: float) -> int:
    return min(range(len(times)), key=lambda k: abs(times[k] - t_s))
