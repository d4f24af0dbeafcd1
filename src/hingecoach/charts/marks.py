"""Where one athlete stands on the ladder: what is mastered, offered today and avoided."""

from __future__ import annotations

from dataclasses import dataclass

from hingecoach.core import Case, Catalog, recommend
from hingecoach.core.present import why_text


@dataclass(frozen=True)
class AthleteMarks:
    stage: str
    mastered: frozenset[str]
    today: tuple[str, ...]
    avoid: frozenset[str]
    warnings: tuple[str, ...] = ()  # for a person, as the recommendation words them

    def option_number(self, exercise_id: str) -> int | None:
        """1 for today's best option, 2 for the next; None when not offered."""
        return self.today.index(exercise_id) + 1 if exercise_id in self.today else None


def athlete_marks(case: Case, catalog: Catalog) -> AthleteMarks:
    advice = recommend(case, catalog)
    return AthleteMarks(
        stage=advice.stage,
        mastered=frozenset(case.mastered),
        today=tuple(option.exercise for option in advice.options),
        avoid=frozenset(entry.exercise for entry in advice.avoid),
        warnings=tuple(why_text(catalog, why) for why in advice.warnings_why),
    )
