"""Names for the numpy arrays the kinematics pass around, so a signature says what it holds."""

from __future__ import annotations

from typing import TypeAlias

import numpy as np
from numpy.typing import NDArray

Floats: TypeAlias = NDArray[np.float64]  # pixels, angles, seconds; NaN where not seen
Mask: TypeAlias = NDArray[np.bool_]  # one flag per frame (or per point)
Indices: TypeAlias = NDArray[np.intp]  # frame numbers
