"""Signs: the same movement filmed from the other side gives the same analysis.

A mirror image swaps the body's handedness, so the mirrored clip also swaps the left and
right landmark names: the same person, seen from their other side."""

from __future__ import annotations

import pytest

from hingecoach.core import default_catalog
from hingecoach.core.kinematics import Frame, Landmark, Track, analyze_track
from hingecoach.synthetic import ClipSpec, generate_clip

CATALOG = default_catalog()


def swap(name: str) -> str:
    side, _, part = name.partition("_")
    return {"left": f"right_{part}", "right": f"left_{part}"}.get(side, name)


def mirrored(track: Track) -> Track:
    width = track.clip.width

    def flip(frame: Frame | None) -> Frame | None:
        if frame is None:
            return None
        marks = {
            swap(k): Landmark(width - m.x, m.y, m.visibility) for k, m in frame.landmarks.items()
        }
        outline = (
            None if frame.back_outline is None else [(width - x, y) for x, y in frame.back_outline]
        )
        return Frame(landmarks=marks, back_outline=outline)

    return Track(clip=track.clip, frames=[flip(f) for f in track.frames])


@pytest.mark.parametrize(
    "faults", [(), ("weight-forward",), ("lumbar-extension",), ("no-counterbalance",)]
)
def test_a_mirrored_clip_reads_the_same(faults):
    clip, _ = generate_clip(ClipSpec(faults=frozenset(faults), seed=41))
    a, b = analyze_track(clip, catalog=CATALOG), analyze_track(mirrored(clip), catalog=CATALOG)
    assert a.series.model_dump(exclude={"t_s"}) == b.series.model_dump(exclude={"t_s"})
    assert [r.measures for r in a.reps] == [r.measures for r in b.reps]
    assert a.faults == b.faults
    assert {a.side, b.side} == {"left", "right"}
