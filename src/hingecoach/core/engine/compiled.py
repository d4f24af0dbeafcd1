"""What the engine derives from a catalog alone, worked out once per catalog object.

A catalog never changes once loaded (a changed file gives a new object), so the ladder's
order, the exercises each rule walks over and the sentences already worded for a
reason's facts are kept beside it for as long as it lives.
"""

from __future__ import annotations

import weakref
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from typing import Any

from hingecoach.core.catalog import Catalog, Exercise
from hingecoach.core.catalog.schema import Implement, LoadThresholds
from hingecoach.core.engine.loads import Ask, Window, gym_windows
from hingecoach.core.present import Units, log_sentence, person_sentence

# Reasons (three sentences each) or loads kept per catalog before starting afresh: about
# the 200,000 sentences the catalog's own memo keeps, some tens of megabytes at most.
LINES_KEPT = 70_000
Lines = tuple[str, str, str]  # a reason in the contract's log voice, for a person in kg, in lb


@dataclass
class Compiled:
    """One catalog's indexes for the engine, and its reasons worded so far."""

    ladder: tuple[Exercise, ...]  # simplest first, as iterating the catalog gives them
    tracks: dict[str, str | None]
    stay_column: str  # the good mornings' sub-category
    gated: tuple[Exercise, ...]  # hinges a failed or missing test holds back
    full_range_hinges: tuple[Exercise, ...]  # held back on the pain-aware path
    on_knees: tuple[Exercise, ...]  # kneeling, or knees on a pad
    hinge_exercises: tuple[Exercise, ...]  # hinges of role exercise: strength work
    climbs: dict[str | None, tuple[Exercise, ...]]  # a track's steps above the corrective
    loads: LoadThresholds
    lines_said: dict[tuple[str, Hashable], Lines] = field(default_factory=dict)
    windows_seen: dict[tuple[Ask, Implement], dict[Units, Window]] = field(default_factory=dict)

    def windows(self, ask: Ask, implement: Implement) -> dict[Units, Window]:
        """``loads.gym_windows`` for this catalog's grids, each ask worked out once."""
        key = (ask, implement)
        found = self.windows_seen.get(key)
        if found is None:
            if len(self.windows_seen) >= LINES_KEPT:
                self.windows_seen.clear()
            found = self.windows_seen[key] = gym_windows(ask, implement, self.loads)
        return found

    def lines(self, catalog: Catalog, rule: str, facts: Mapping[str, Any], text: Hashable) -> Lines:
        """A reason in the three forms a reader may meet it. ``text`` is the repr of its
        facts: they are plain data (ids, numbers, dates as text, lists and dicts of them)
        whose repr tells 1 from 1.0 from True from "1", so the same repr reads the same.
        A rule may instead give a tuple of what fully determines its facts (a load's
        reason: the age, the implement and the ask), cheaper than their repr."""
        key = (rule, text)
        said = self.lines_said.get(key)
        if said is None:
            said = (
                log_sentence(catalog, rule, facts),
                person_sentence(catalog, rule, facts, "kg"),
                person_sentence(catalog, rule, facts, "lb"),
            )
            if len(self.lines_said) >= LINES_KEPT:
                self.lines_said.clear()
            self.lines_said[key] = said
        return said


# Keyed by id(): a Catalog holds dicts, so it cannot be hashed. The weak reference drops
# the entry when its catalog goes (so nothing here may hold the catalog itself) and tells
# a live catalog from a new one that reuses a dead one's id.
_COMPILED: dict[int, tuple[weakref.ref[Catalog], Compiled]] = {}


def compiled(catalog: Catalog) -> Compiled:
    known = _COMPILED.get(id(catalog))
    if known is not None and known[0]() is catalog:
        return known[1]
    made = _compile(catalog)
    key = id(catalog)
    _COMPILED[key] = (weakref.ref(catalog, lambda _: _COMPILED.pop(key, None)), made)
    return made


def _compile(catalog: Catalog) -> Compiled:
    ladder = tuple(catalog.ladder_order(catalog.exercises.values()))
    tracks = {e.id: catalog.track(e.id) for e in ladder}
    exercises = [e for e in ladder if e.role == "exercise"]
    return Compiled(
        ladder=ladder,
        tracks=tracks,
        stay_column=catalog[catalog.programme.stay_default].subcategory,
        gated=tuple(e for e in ladder if e.hinge and e.theme != "corrective"),
        full_range_hinges=tuple(e for e in exercises if e.hinge and e.range == "full"),
        on_knees=tuple(e for e in ladder if e.kneeling or e.knees_on_pad),
        hinge_exercises=tuple(e for e in exercises if e.hinge),
        climbs={
            track: tuple(e for e in exercises if tracks[e.id] == track and e.theme != "corrective")
            for track in set(tracks.values())
        },
        loads=catalog.thresholds.loads,
    )
