"""Reads for the Today page: a handful of team-wide queries, never one per athlete.

Every flag comes from stored rows: each athlete's stored summary (stage, refer, pain
flag, last test: decision 0007), the sessions and tests of the last weeks, the
mastered steps and the clips. The engine is not run per athlete here, so the page
costs the same few queries for ten athletes or a thousand.

Flags carry facts, not sentences: ``today/_flag.html`` words them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypedDict

from django.contrib.auth.models import User
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.urls import reverse

from hingecoach.core import Catalog
from hingecoach.web.athletes.models import Athlete, HingeTest, Mastery, PainReport, TrainingSession
from hingecoach.web.clips.models import Clip
from hingecoach.web.teams.selectors import is_head_coach, team_of

# How urgent each flag is, most urgent first; a row sorts by its most urgent flag.
KINDS = (
    "refer",
    "flare",
    "pain-rising",
    "test-failed",
    "retest-due",
    "first-test",
    "checkin",
    "clip",
)
CHECKIN_DAYS = 3
CLIP_DAYS = 14
FAILED_TEST_DAYS = 28
FAULT_WEEKS = 6
STAGES = ("corrective", "fundamental", "challenge", "mastery", "pain-aware", "refer")


@dataclass(frozen=True)
class Flag:
    kind: str
    facts: dict[str, Any] = field(default_factory=dict)
    url: str = ""  # where the flag's tap leads when not the athlete's page


@dataclass
class AttentionRow:
    athlete_id: int
    name: str
    stage: str
    flags: list[Flag] = field(default_factory=list)

    @property
    def urgency(self) -> int:
        return min(KINDS.index(f.kind) for f in self.flags)


@dataclass(frozen=True)
class Scope:
    """Whose athletes the page covers: ``mine`` (those the coach has recorded for) or the
    whole team; ``fell_back`` when a coach has none of their own yet."""

    athletes: QuerySet[Athlete]
    mine: bool
    fell_back: bool = False


@dataclass(frozen=True)
class Rung:
    exercise: str
    level: int
    theme: str
    count: int


@dataclass(frozen=True)
class Squad:
    total: int
    stages: list[tuple[str, int]]
    furthest: list[Rung]
    none_mastered: int


class RecentTest(TypedDict):
    """A test as ``recent_tests`` reads it."""

    athlete_id: int
    date: dt.date
    faults: list[str]


@dataclass(frozen=True)
class FaultCount:
    fault: str
    tests: int
    athletes: int
    share: float  # of the tests in the window


# --- whose athletes ---------------------------------------------------------------------


def today_scope(*, user: User, want: str = "") -> Scope:
    """A coach sees their own athletes by default, a head coach the team; ``want`` is
    ``mine`` or ``team`` to choose."""
    team = team_of(user)
    if team is None:
        return Scope(Athlete.objects.none(), mine=False)
    everyone = Athlete.objects.filter(team=team, archived=False)
    if (want or ("team" if is_head_coach(user) else "mine")) != "mine":
        return Scope(everyone, mine=False)
    mine = everyone.filter(_worked_with(user))
    if not mine.exists():
        return Scope(everyone, mine=False, fell_back=True)
    return Scope(mine, mine=True)


def _worked_with(user: User) -> Q:
    """The athletes whose test, session or clip this coach recorded."""
    return (
        Q(pk__in=HingeTest.objects.filter(recorded_by=user).values("athlete_id"))
        | Q(pk__in=TrainingSession.objects.filter(logged_by=user).values("athlete_id"))
        | Q(pk__in=Clip.objects.filter(uploaded_by=user).values("athlete_id"))
    )


# --- who needs attention ----------------------------------------------------------------


def today_attention(
    *,
    athletes: QuerySet[Athlete],
    catalog: Catalog,
    today: dt.date,
    tests: list[RecentTest] | None = None,
) -> list[AttentionRow]:
    """Every athlete with at least one flag, the most urgent first, then by name.
    ``tests``: ``recent_tests`` when the caller has read them already."""
    people = _summaries(athletes)
    flags: dict[int, list[Flag]] = defaultdict(list)
    _summary_flags(people, catalog, today, flags)
    _session_flags(athletes, catalog, today, flags)
    _test_flags(recent_tests(athletes, today) if tests is None else tests, today, flags)
    _first_test_flags(people, athletes, catalog, flags)
    _clip_flags(athletes, today, flags)
    rows = [
        AttentionRow(p["id"], p["name"], p["stage"], _ordered(flags[p["id"]]))
        for p in people
        if flags.get(p["id"])
    ]
    return sorted(rows, key=lambda r: (r.urgency, r.name.lower(), r.athlete_id))


def _ordered(flags: list[Flag]) -> list[Flag]:
    return sorted(flags, key=lambda f: KINDS.index(f.kind))


def _summaries(athletes: QuerySet[Athlete]) -> list[dict[str, Any]]:
    pain_now = (
        PainReport.objects.filter(athlete=OuterRef("pk")).order_by("-date", "-id").values("nrs")[:1]
    )
    return list(
        athletes.annotate(pain_now=Subquery(pain_now))
        .order_by("name", "id")
        .values(
            "id",
            "name",
            "stage",
            "refer",
            "pain_flag",
            "pain_now",
            "conditions",
            "last_test_date",
            "last_test_passed",
        )
    )


def _summary_flags(
    people: list[dict[str, Any]], catalog: Catalog, today: dt.date, flags: dict[int, list[Flag]]
) -> None:
    every = catalog.programme.block.retest_every_weeks
    safe = catalog.thresholds.pain.safe_max
    for p in people:
        if p["refer"]:
            flags[p["id"]].append(Flag("refer"))
            continue  # nothing else matters until a clinician has seen them
        if p["pain_flag"]:
            above = p["pain_now"] is not None and p["pain_now"] > safe
            flags[p["id"]].append(Flag("flare", {"pain_now": p["pain_now"] if above else None}))
        weeks = every.get(p["stage"])
        tested = p["last_test_date"]
        if tested and weeks and (today - tested).days > 7 * weeks and p["last_test_passed"]:
            flags[p["id"]].append(Flag("retest-due", {"since": tested, "weeks": weeks}))


def _session_flags(
    athletes: QuerySet[Athlete], catalog: Catalog, today: dt.date, flags: dict[int, list[Flag]]
) -> None:
    """Pain rising week on week, and morning-after reports of the last few days."""
    rows = (
        TrainingSession.objects.filter(athlete__in=athletes, date__gt=today - dt.timedelta(days=14))
        .order_by("-date", "-id")
        .values("athlete_id", "date", "pain_during", "pain_next_morning", "felt")
    )
    weeks: dict[int, list[int | None]] = defaultdict(lambda: [None, None])
    checked_in: set[int] = set()
    for row in rows:
        who, age = row["athlete_id"], (today - row["date"]).days
        pains = [v for v in (row["pain_during"], row["pain_next_morning"]) if v is not None]
        if pains:
            slot = 0 if age < 7 else 1
            weeks[who][slot] = max(weeks[who][slot] or 0, *pains)
        if row["pain_next_morning"] is not None and age <= CHECKIN_DAYS and who not in checked_in:
            checked_in.add(who)
            flags[who].append(
                Flag(
                    "checkin",
                    {"date": row["date"], "felt": row["felt"], "pain": row["pain_next_morning"]},
                )
            )
    safe = catalog.thresholds.pain.safe_max
    for who, (this_week, last_week) in weeks.items():
        if _refers(flags, who):
            continue
        if (
            this_week is not None
            and last_week is not None
            and this_week > last_week
            and this_week > safe
        ):
            flags[who].append(Flag("pain-rising", {"this_week": this_week, "last_week": last_week}))


def _refers(flags: dict[int, list[Flag]], who: int) -> bool:
    return any(f.kind == "refer" for f in flags.get(who, ()))


def recent_tests(athletes: QuerySet[Athlete], today: dt.date) -> list[RecentTest]:
    """The tests of the last ``FAULT_WEEKS`` weeks, newest first."""
    since = today - dt.timedelta(weeks=FAULT_WEEKS)
    return list(
        HingeTest.objects.filter(athlete__in=athletes, date__gte=since)
        .order_by("-date", "-id")
        .values("athlete_id", "date", "faults")
    )


def _test_flags(tests: list[RecentTest], today: dt.date, flags: dict[int, list[Flag]]) -> None:
    """The latest test failed within the last four weeks."""
    seen: set[int] = set()
    for test in tests:
        who = test["athlete_id"]
        if who in seen:
            continue
        seen.add(who)
        recent = (today - test["date"]).days <= FAILED_TEST_DAYS
        if test["faults"] and recent and not _refers(flags, who):
            flags[who].append(
                Flag("test-failed", {"date": test["date"], "faults": list(test["faults"])})
            )


def _first_test_flags(
    people: list[dict[str, Any]],
    athletes: QuerySet[Athlete],
    catalog: Catalog,
    flags: dict[int, list[Flag]],
) -> None:
    """Never tested, with the way in (the corrective or bridging series) mastered."""
    programme = catalog.programme
    ways = set(programme.corrective_series) | set(programme.bridging_series)
    mastered: dict[int, set[str]] = defaultdict(set)
    for who, exercise in Mastery.objects.filter(
        athlete__in=athletes, exercise__in=ways
    ).values_list("athlete_id", "exercise"):
        mastered[who].add(exercise)
    for p in people:
        if p["last_test_date"] or p["stage"] != "corrective" or _refers(flags, p["id"]):
            continue
        kneels = "cannot-kneel" not in (p["conditions"] or [])
        way = programme.corrective_series if kneels else programme.bridging_series
        if set(way) <= mastered[p["id"]]:
            flags[p["id"]].append(Flag("first-test"))


def _clip_flags(athletes: QuerySet[Athlete], today: dt.date, flags: dict[int, list[Flag]]) -> None:
    """Analysed clips neither saved as a test nor marked reviewed (``Clip.to_review``)."""
    since = dt.datetime.combine(today - dt.timedelta(days=CLIP_DAYS), dt.time.min, tzinfo=dt.UTC)
    waiting = (
        Clip.objects.filter(
            athlete__in=athletes,
            status=Clip.Status.DONE,
            test__isnull=True,
            reviewed_at__isnull=True,
            created__gte=since,
        )
        .order_by("-created", "-id")
        .values("athlete_id", "id", "created")
    )
    counted: Counter[int] = Counter()
    latest: dict[int, Mapping[str, Any]] = {}
    for clip in waiting:
        counted[clip["athlete_id"]] += 1
        latest.setdefault(clip["athlete_id"], clip)
    for who, newest in latest.items():
        url = reverse("clips:detail", args=[newest["id"]])
        flags[who].append(Flag("clip", {"count": counted[who], "date": newest["created"]}, url))


# --- the squad on the ladder and the faults seen ----------------------------------------


def today_squad(*, athletes: QuerySet[Athlete], catalog: Catalog) -> Squad:
    """How many athletes are at each stage, and each one's highest mastered rung."""
    stages = Counter(athletes.values_list("stage", flat=True))
    total = sum(stages.values())
    best: dict[int, str] = {}
    for who, exercise in Mastery.objects.filter(athlete__in=athletes).values_list(
        "athlete_id", "exercise"
    ):
        if exercise in catalog.exercises and (
            who not in best or _higher(catalog, exercise, best[who])
        ):
            best[who] = exercise
    rungs = Counter(best.values())
    furthest = sorted(
        (Rung(e, catalog[e].level, catalog[e].theme, n) for e, n in rungs.items()),
        key=lambda r: (-r.level, r.exercise),
    )
    return Squad(
        total=total,
        stages=[(s, stages.get(s, 0)) for s in STAGES],
        furthest=furthest,
        none_mastered=total - len(best),
    )


def _higher(catalog: Catalog, exercise: str, than: str) -> bool:
    return (catalog[exercise].level, exercise) > (catalog[than].level, than)


def today_faults(
    *, athletes: QuerySet[Athlete], today: dt.date, tests: Iterable[RecentTest] | None = None
) -> list[FaultCount]:
    """The faults of the tests of the last ``FAULT_WEEKS`` weeks, most seen first."""
    tests = list(tests if tests is not None else recent_tests(athletes, today))
    by_fault: Counter[str] = Counter()
    people: dict[str, set[int]] = defaultdict(set)
    for test in tests:
        for fault in set(test["faults"]):
            by_fault[fault] += 1
            people[fault].add(test["athlete_id"])
    return [
        FaultCount(fault, n, len(people[fault]), n / len(tests))
        for fault, n in sorted(by_fault.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
