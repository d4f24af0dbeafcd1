"""The analysis report (DOMAIN.md section 5): what ``hingecoach analyze --json`` prints.

The keys of the contract are all here with their meaning; the extra keys (``exercise``,
the series ``shin_deg``, ``hip_back_leg``, ``weight_foot``, a rep's ``tempo``,
``max_trunk_deg`` and ``measures``, a fault's ``measure``) are documented in the JSON
Schema built from these models.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from hingecoach.core.kinematics.thresholds import FAULT_IDS, FaultId

Side = Literal["left", "right"]


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ClipSummary(_Out):
    fps: float = Field(
        gt=0,
        description=(
            "Frames a second of the analysed series: the clip's own rate, divided by the "
            "sampling step when only every n-th frame is analysed (a 30 fps phone clip is "
            "analysed at 15)."
        ),
    )
    frames: int = Field(
        ge=0,
        description=(
            "Frames analysed, one per entry of the series; the clip was read until the "
            "decoder stopped, whatever its header said."
        ),
    )
    duration_s: float = Field(ge=0, description="frames / fps.")
    width: int = Field(gt=0)
    height: int = Field(gt=0)


class Series(_Out):
    """One entry per frame; null where no person was seen (short gaps are bridged)."""

    t_s: list[float]
    hip_deg: list[float | None] = Field(description="Trunk to thigh; about 180 standing.")
    knee_deg: list[float | None] = Field(description="Thigh to shin; about 180 straight.")
    trunk_deg: list[float | None] = Field(description="Trunk from vertical; 0 upright.")
    shin_deg: list[float | None] = Field(
        description="Shin from vertical; positive with the knee ahead of the ankle."
    )
    hip_back_leg: list[float | None] = Field(
        description="Hip behind the ankle, in leg lengths (negative: ahead of it)."
    )
    weight_foot: list[float | None] = Field(
        description="Centre-of-mass proxy along the foot: 0 over the heel, 1 over the toe."
    )


class FaultFinding(_Out):
    fault: FaultId
    t_s: float = Field(ge=0, description="When the value was read.")
    value: float
    threshold: float
    confidence: float = Field(ge=0, le=1)
    measure: str = Field(description="What the value measures and in which unit.")


class Tempo(_Out):
    down_s: float = Field(ge=0, description="Start to bottom.")
    up_s: float = Field(ge=0, description="Bottom to end.")


class Rep(_Out):
    start_s: float = Field(ge=0)
    bottom_s: float = Field(ge=0)
    end_s: float = Field(ge=0)
    hip_rom_deg: float = Field(
        ge=0,
        description=(
            "Straightest minus most flexed hip angle; in a rep whose legs could not be "
            "followed, the range of the trunk's lean (the thigh taken as upright)."
        ),
    )
    max_trunk_deg: float = Field(description="Most forward trunk lean in the rep.")
    tempo: Tempo
    measures: dict[FaultId, float] = Field(
        description="Every assessed fault's measured value in this rep, fired or not "
        "(units as in the fault's ``measure``): how far from its threshold."
    )
    faults: list[FaultFinding]


class NotAssessed(_Out):
    fault: FaultId
    why: str


class AnalysisReport(_Out):
    clip: ClipSummary
    exercise: str = Field(description="The exercise the clip was analysed as.")
    assessable: bool
    reason: str | None = Field(description="Why the clip is not assessable; null if it is.")
    side: Side | None = Field(description="The side of the body toward the camera.")
    series: Series
    reps: list[Rep]
    faults: list[FaultId] = Field(description="Every fault seen in any rep, each once.")
    not_assessed: list[NotAssessed]

    @property
    def judged(self) -> list[FaultId]:
        """The faults the clip could give a verdict on (seen, or seen to be absent)."""
        unjudged = {item.fault for item in self.not_assessed}
        return [fault for fault in FAULT_IDS if fault not in unjudged]
