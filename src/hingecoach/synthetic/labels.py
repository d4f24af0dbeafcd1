"""Where the generator draws the line between a clean rep and a faulty one.

Each fault has a label boundary and a margin: injected magnitudes are drawn either from
the clean band (boundary minus margin and below) or from the fault band (boundary plus
margin and above), and a rep is labelled by the band it was drawn from. A quantity the
generator does not inject directly (the weight over the foot follows from the hips and
trunk by balance, the hip travel from the weight) is read on the noise-free figure, and
a clip whose quantity lands inside a margin is drawn again, so no label is ambiguous.

These constants are the generator's own: they are not read from
``video-thresholds.yaml`` and the detector never sees them. They state the same
definitions (a boundary has to be somewhere) but a change to the detector's thresholds
shows up in the benchmark instead of being followed silently.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Band:
    boundary: float
    margin: float
    above: bool
    lowest: float
    highest: float

    def draw(self, rng: np.random.Generator, faulty: bool) -> float:
        lo, hi = self.fault_range() if faulty else self.clean_range()
        return float(rng.uniform(lo, hi))

    def fault_range(self) -> tuple[float, float]:
        if self.above:
            return self.boundary + self.margin, self.highest
        return self.lowest, self.boundary - self.margin

    def clean_range(self) -> tuple[float, float]:
        if self.above:
            return self.lowest, self.boundary - self.margin
        return self.boundary + self.margin, self.highest

    def label(self, value: float) -> bool | None:
        """True (fault), False (clean) or None (inside the margin: ambiguous)."""
        if abs(value - self.boundary) < self.margin:
            return None
        return value > self.boundary if self.above else value < self.boundary


BANDS: dict[str, Band] = {
    # most knee flexion in the rep, degrees
    "knee-dominant": Band(45.0, 7.0, above=True, lowest=5.0, highest=95.0),
    # hip travel back relative to the ankle from standing to the bottom, leg lengths
    "no-counterbalance": Band(0.10, 0.05, above=False, lowest=-0.02, highest=0.35),
    # most forward centre of mass over the foot (0 heel, 1 toe)
    "weight-forward": Band(0.70, 0.08, above=True, lowest=0.3, highest=0.93),
    # toe rise above standing relative to the heel, leg lengths
    "toes-lift": Band(0.025, 0.015, above=True, lowest=0.0, highest=0.09),
    # lower-back bend at the bottom minus standing, degrees (more rounded)
    "lumbar-flexion": Band(20.0, 7.0, above=True, lowest=-9.0, highest=45.0),
    # lower-back bend standing minus at the bottom, degrees (more hollow)
    "lumbar-extension": Band(15.0, 6.0, above=True, lowest=-13.0, highest=35.0),
}
