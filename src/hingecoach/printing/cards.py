"""Coaching cards: what one card says, taken from the catalog data alone.

``cards_for`` turns catalog entries into ``Card`` records of ready-to-print text, so the
templates only place words and never decide or format anything.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from hingecoach.charts.layout import Layout
from hingecoach.core import Catalog
from hingecoach.core.catalog import Exercise
from hingecoach.core.present import band_text
from hingecoach.printing.errors import PrintError
from hingecoach.printing.strip import Strip, ladder_strip, strip_layout
from hingecoach.printing.words import ROLE_LABELS, Units, rest, scheme


@dataclass(frozen=True)
class FaultLine:
    id: str
    name: str
    looks_like: str
    fix: str


@dataclass(frozen=True)
class Rung:
    """A neighbour on the ladder: the step down or a step up."""

    id: str
    name: str
    theme: str


@dataclass(frozen=True)
class Card:
    id: str
    name: str
    theme: str
    level: int
    role: str
    role_label: str
    column: str
    summary: str
    tags: list[str]
    equipment: list[str]
    youth_load: str
    adult_load: str
    load_note: str | None
    dose: str
    setup: list[str]
    cues: list[str]
    faults: list[FaultLine]
    easier_start: str | None
    pain_aware: bool
    step_down: list[Rung]
    step_up: list[Rung]
    strip: Strip

    @property
    def theme_label(self) -> str:
        return self.theme.capitalize()

    @property
    def fault_columns(self) -> list[list[FaultLine]]:
        """The faults in two columns, the first no shorter than the second."""
        half = (len(self.faults) + 1) // 2
        return [self.faults[:half], self.faults[half:]]


def _faults(catalog: Catalog, ex: Exercise) -> list[FaultLine]:
    """The hinge faults in the wording that fits this exercise, then its own faults."""
    lines = [
        FaultLine(i, catalog.faults[i].name, *catalog.fault_words(i, ex.id))
        for i in ex.faults_to_watch
    ]
    return lines + [
        FaultLine(f"{ex.id}-{n}", f.name, f.looks_like, f.fix)
        for n, f in enumerate(ex.own_faults, 1)
    ]


def chosen_exercises(catalog: Catalog, ids: Iterable[str] = ()) -> list[Exercise]:
    """The exercises named by ``ids`` in the order given (repeats dropped), or the whole
    catalog in ladder order when none is named."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return list(catalog)
    unknown = [i for i in wanted if i not in catalog.exercises]
    if unknown:
        raise PrintError("ID", f"unknown exercise '{unknown[0]}'")
    return [catalog.exercises[i] for i in wanted]


def cards_for(catalog: Catalog, ids: Iterable[str] = (), units: Units = "kg") -> list[Card]:
    layout = strip_layout(catalog)
    return [
        card_of(catalog, exercise, units, layout) for exercise in chosen_exercises(catalog, ids)
    ]


def _tags(ex: Exercise, pain_aware: bool) -> list[str]:
    tags = []
    if ex.range == "reduced":
        tags.append("reduced range")
    if not ex.hinge:
        tags.append("no hinge")
    if ex.kneeling:
        tags.append("kneeling")
    if pain_aware:
        tags.append("pain-aware way in")
    return tags


def _rungs(catalog: Catalog, ids: list[str]) -> list[Rung]:
    return [
        Rung(i, catalog.exercises[i].name, catalog.exercises[i].theme)
        for i in ids
        if i in catalog.exercises
    ]


def card_of(catalog: Catalog, ex: Exercise, units: Units, layout: Layout) -> Card:
    pain_aware = ex.id in {step.exercise for step in catalog.programme.pain_aware_path}
    names = {s.id: s.name for s in catalog.programme.subcategories}
    loads, rx = ex.loads, ex.prescription
    return Card(
        id=ex.id,
        name=ex.name,
        theme=ex.theme,
        level=ex.level,
        role=ex.role,
        role_label=ROLE_LABELS[ex.role],
        column=names.get(ex.subcategory, ex.subcategory),
        summary=ex.summary,
        tags=_tags(ex, pain_aware),
        equipment=list(ex.equipment) or ["none (body weight)"],
        youth_load=band_text(catalog, ex.id, "youth", units),
        adult_load=band_text(catalog, ex.id, "adult", units),
        load_note=loads.note,
        dose=f"{scheme(list(rx.reps), rx.per_side)} · rest {rest(rx.rest_s)}",
        setup=list(ex.setup),
        cues=list(ex.cues),
        faults=_faults(catalog, ex),
        easier_start=ex.easier_start,
        pain_aware=pain_aware,
        step_down=_rungs(catalog, list(ex.step_down)),
        step_up=_rungs(catalog, list(ex.step_up)),
        strip=ladder_strip(layout, ex),
    )
