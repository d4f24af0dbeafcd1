"""A recommendation under construction: picks, exercises to avoid and warnings."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, TypedDict, Unpack

from hingecoach.core.engine.reasons import Reason

LoadMode = Literal["range", "bottom", "none"]  # none: body weight, as a flare may hold it
Scheme = Literal["default", "volume", "pyramid"]


@dataclass
class Pick:
    """An exercise the engine offers, with why, before it becomes an Option."""

    exercise: str
    reasons: list[Reason]
    step_up: bool = False
    load_mode: LoadMode = "range"
    scheme: Scheme = "default"
    # After a flare, the exercise whose logged sets and reps a step down is held to.
    held_to: str | None = None


class PickOptions(TypedDict, total=False):
    """What ``Draft.offer`` may set on a new pick besides its exercise and reason."""

    step_up: bool
    load_mode: LoadMode
    scheme: Scheme


@dataclass
class Draft:
    picks: dict[str, Pick] = field(default_factory=dict)
    avoid: dict[str, list[Reason]] = field(default_factory=dict)
    warnings: list[Reason] = field(default_factory=list)

    def offer(self, exercise: str, reason: Reason, **kwargs: Unpack[PickOptions]) -> Pick:
        """Add a pick, or another reason to the one already there (options never repeat)."""
        pick = self.picks.get(exercise)
        if pick is None:
            pick = self.picks[exercise] = Pick(exercise, [reason], **kwargs)
        elif reason not in pick.reasons:
            pick.reasons.append(reason)
        return pick

    def hold_back(self, exercise: str, reason: Reason) -> None:
        reasons = self.avoid.setdefault(exercise, [])
        if reason not in reasons:
            reasons.append(reason)

    def warn(self, warning: Reason) -> None:
        if warning not in self.warnings:
            self.warnings.append(warning)

    def drop(self, exercise: str, reason: Reason) -> None:
        """Take a pick out of the options and list it under avoid instead."""
        self.picks.pop(exercise, None)
        self.hold_back(exercise, reason)

    def replace(self, old: str, new: Pick) -> None:
        """Put ``new`` where ``old`` stood, keeping the order of the options."""
        existing = self.picks.get(new.exercise)
        if existing is not None:
            new.reasons = existing.reasons + [r for r in new.reasons if r not in existing.reasons]
        self.picks = {
            (new.exercise if key == old else key): (new if key == old else pick)
            for key, pick in self.picks.items()
            if key != new.exercise
        }
