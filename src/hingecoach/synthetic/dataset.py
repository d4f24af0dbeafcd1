"""A large, seeded, balanced set of clip specs: faults, sides, speeds, noise, frame rates,
outlines, sizes, plus walks and jumps (no reps) and a few clips that cannot be assessed."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from hingecoach.synthetic.clips import ClipSpec
from hingecoach.synthetic.scenes import SCENES

FAULT_SETS: tuple[frozenset[str], ...] = tuple(
    frozenset(s)
    for s in (
        (),
        (),
        ("knee-dominant",),
        ("no-counterbalance",),
        ("weight-forward",),
        ("toes-lift",),
        ("lumbar-flexion",),
        ("lumbar-extension",),
        ("knee-dominant", "lumbar-flexion"),
        ("toes-lift", "lumbar-extension"),
        ("weight-forward", "lumbar-flexion"),
    )
)
NOISE = (0.0, 0.002, 0.004, 0.008)
OUTLINE_NOISE = (0.001, 0.002, 0.0025, 0.005)
SWAY = (0.0, 0.0, 0.01)  # a third filmed hand-held: the image drifts about 1 % of the height
FPS = (24.0, 25.0, 30.0, 60.0)
TEMPOS = ("slow", "medium", "fast")
SIZES = ("landscape", "hd", "portrait")


def random_spec(rng: np.random.Generator, index: int) -> ClipSpec:
    """Clip ``index`` of a set: kinds and fault sets in turn, everything else drawn."""
    kind = "walk" if index % 25 == 7 else "jump" if index % 25 == 19 else "hinge"
    odd = index % 50
    return ClipSpec(
        kind=kind,
        faults=FAULT_SETS[index % len(FAULT_SETS)] if kind == "hinge" else frozenset(),
        side=("left", "right")[(index // 2) % 2],
        fps=float(rng.choice(FPS)),
        reps=int(rng.integers(1, 5)),
        tempo=TEMPOS[index % 3],
        start_at_bottom=bool(rng.random() < 0.15),
        noise=float(rng.choice(NOISE)),
        outline_noise=float(rng.choice(OUTLINE_NOISE)),
        sway=float(rng.choice(SWAY)),
        drop_rate=float(rng.choice([0.0, 0.01, 0.03])),
        outline=str(rng.choice(["full"] * 8 + ["partial", "none"])),
        view="front" if odd == 23 else "side",
        framing="feet-cut" if odd == 41 else "full",
        size=SIZES[int(rng.integers(0, 3))],
        seed=int(rng.integers(0, 2**31)),
    )


def generate_set(clips: int, seed: int = 2026) -> Iterator[ClipSpec]:
    """``clips`` specs, the same for the same seed."""
    rng = np.random.default_rng(seed)
    for index in range(clips):
        yield random_spec(rng, index)


def generate_scene_set(per_scene: int, seed: int = 2026) -> Iterator[ClipSpec]:
    """``per_scene`` hinge clips of each real-footage scene (``scenes.SCENES`` but
    "plain"), everything else drawn as in ``random_spec``; the same for the same seed."""
    rng = np.random.default_rng(seed + 1)
    for scene in SCENES[1:]:
        for index in range(per_scene):
            spec = random_spec(rng, index)
            yield ClipSpec(
                **{
                    **spec.__dict__,
                    "kind": "hinge",
                    "view": "side",
                    "framing": "full",
                    "scene": scene,
                    "faults": FAULT_SETS[index % len(FAULT_SETS)],
                }
            )
