"""Ground truth the project controls: labelled landmark tracks of synthetic movers.

A 2D sagittal stick figure (randomised body proportions) moves through hip hinges with
chosen faults, tempos and depths, or walks, or jumps; a camera model mirrors it to the
chosen side, scales and places it in an image, adds landmark noise, tracking drop-outs
and the back's outline; the result is a ``hingecoach.core.kinematics.Track`` plus the
true angles, reps and faults. Not part of the core: the core never imports it.

The generator labels faults by the magnitudes it injects, drawn from bands that leave a
margin either side of each label boundary (``labels.py``); it never runs the detector.
"""

from hingecoach.synthetic.clips import ClipSpec, generate_clip
from hingecoach.synthetic.dataset import generate_set, random_spec
from hingecoach.synthetic.truth import RepTruth, Truth

__all__ = ["ClipSpec", "RepTruth", "Truth", "generate_clip", "generate_set", "random_spec"]
