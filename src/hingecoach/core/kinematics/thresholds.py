"""Schema of ``data/catalog/video-thresholds.yaml``: every number the kinematics decide with.

Unknown keys are refused (``extra="forbid"``) so a typo fails at load instead of being
silently ignored; every section carries a ``source`` saying where its defaults come from.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

FaultId = Literal[
    "lumbar-flexion",
    "lumbar-extension",
    "no-counterbalance",
    "weight-forward",
    "toes-lift",
    "knee-dominant",
]
FAULT_IDS: tuple[FaultId, ...] = (
    "lumbar-flexion",
    "lumbar-extension",
    "no-counterbalance",
    "weight-forward",
    "toes-lift",
    "knee-dominant",
)
Text = Annotated[str, StringConstraints(min_length=3, strip_whitespace=True)]
Share = Annotated[float, Field(ge=0, le=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Tracking(_Strict):
    """How landmark tracks are cleaned before any angle is measured."""

    min_visibility: Share
    max_gap_s: float = Field(ge=0, le=2)
    max_segment_change: float = Field(gt=0, le=10)
    max_trunk_change: float = Field(gt=0, le=10)
    trunk_reference_s: float = Field(gt=0, le=10)
    max_trunk_forward_deg: float = Field(ge=90, le=180)
    max_trunk_back_deg: float = Field(ge=0, le=90)
    max_thigh_deg: float = Field(ge=90, le=180)
    max_shin_deg: float = Field(ge=45, le=180)
    max_jump_trunk: float = Field(gt=0, le=10)
    leg_per_trunk: float = Field(gt=0, le=5)
    smoothing_sigma_s: float = Field(ge=0, le=0.5)
    outline_smoothing_sigma_s: float = Field(ge=0, le=1)
    planted_window_s: float = Field(gt=0, le=5)
    standing_lean_deg: float = Field(gt=0, le=90)
    foot_reference_s: float = Field(gt=0, le=5)
    facing_nose_trunk: float = Field(gt=0, le=2)
    source: Text


class ClipRules(_Strict):
    """When a clip can support a verdict at all."""

    min_fps: float = Field(gt=0, le=240)
    min_person_s: float = Field(ge=0, le=30)
    min_in_frame_share: Share
    front_view_width_ratio: float = Field(gt=0, le=2)
    min_brightness: Share
    min_outline_share: Share
    max_outline_scatter_deg: float = Field(gt=0, le=180)
    min_feet_share: Share
    min_readable_share: Share
    max_foot_stretch: float = Field(gt=0, le=1)
    source: Text


class BackShape(_Strict):
    """Which stretch of the back's outline is the lower back (``kinematics.back``)."""

    lumbar_from: float = Field(ge=0, lt=1)
    lumbar_to: float = Field(gt=0, le=1)
    source: Text

    @model_validator(mode="after")
    def _a_stretch(self) -> BackShape:
        if self.lumbar_to - self.lumbar_from < 0.2:
            raise ValueError("lumbar_to must lie at least 0.2 above lumbar_from")
        return self

    @property
    def stretch(self) -> tuple[float, float]:
        return self.lumbar_from, self.lumbar_to


class RepRules(_Strict):
    """What counts as a hinge rep."""

    min_trunk_lean_deg: float = Field(ge=0, le=90)
    max_ankle_travel_leg: float = Field(gt=0, le=1)
    max_ankle_scatter_leg: float = Field(gt=0, le=1)
    max_hip_return_trunk: float = Field(gt=0, le=5)
    min_lean_excursion_deg: float = Field(gt=0, le=90)
    max_lean_speed_deg_s: float = Field(gt=0, le=2000)
    min_lockout_s: float = Field(ge=0, le=5)
    edge_share: float = Field(gt=0, lt=0.5)
    planted_margin_s: float = Field(ge=0, le=2)
    min_hip_seen_share: Share
    planted_outlier_share: float = Field(ge=0, lt=0.5)
    max_rise_trunk: float = Field(gt=0, le=1)
    min_flight_s: float = Field(ge=0, le=2)
    min_standing_s: float = Field(ge=0, le=5)
    max_trunk_change_standing: float = Field(gt=0, le=1)
    still_trunk_s: float = Field(gt=0, le=10)
    upright_lean_deg: float = Field(gt=0, le=45)
    ground_reach_s: float = Field(ge=0, le=5)
    source: Text


class Windows(_Strict):
    """The frames a rep's faults are read over."""

    deep_share: float = Field(gt=0, le=1)
    upright_band_deg: float = Field(gt=0, le=45)
    standing_reach_s: float = Field(ge=0, le=5)
    hold_s: float = Field(ge=0, le=2)
    source: Text


class FaultRule(_Strict):
    """One fault: it fires when the rep's ``measure`` passes ``threshold``.

    ``confidence_span``: how far past (or short of) the threshold the value must be for
    the verdict's confidence to reach its ceiling; nearer the threshold it falls to 0.5.
    """

    measure: Text
    threshold: float
    confidence_span: float = Field(gt=0)
    heel_lift_leg: float | None = Field(default=None, gt=0)
    min_lift_px: float | None = Field(default=None, gt=0)
    source: Text


class AdapterRules(_Strict):
    """What the video adapter decides with before the kinematics: when a clip's frame
    times are trusted and used, and where its person detector looks for a person lost."""

    uneven_frame_share: float = Field(gt=0, le=0.5)
    max_stamp_rate_ratio: float = Field(gt=1, le=10)
    lost_search_side: float = Field(gt=0, le=5)
    min_search_px: int = Field(ge=16, le=1024)
    source: Text


class VideoThresholds(_Strict):
    """The whole file."""

    tracking: Tracking
    clip: ClipRules
    back: BackShape
    reps: RepRules
    windows: Windows
    faults: dict[FaultId, FaultRule]
    adapter: AdapterRules

    @model_validator(mode="after")
    def _every_fault(self) -> VideoThresholds:
        missing = [fault for fault in FAULT_IDS if fault not in self.faults]
        if missing:
            raise ValueError(f"faults: {missing[0]!r} has no rule (all six are needed)")
        return self
