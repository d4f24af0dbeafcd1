"""A demo team: a head coach, a coach and a dozen athletes at different stages."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from hingecoach.web.athletes import services as athletes
from hingecoach.web.athletes.models import Athlete
from hingecoach.web.teams import services as teams
from hingecoach.web.teams.models import Membership, Team

TEAM_NAME = "Demo Strength Club"
PASSWORD = "hinge-demo-2026"
HEAD, COACH = "headcoach", "coach"


@dataclass
class Story:
    name: str
    age: int
    mastered: list[str] = field(default_factory=list)
    tests: list[tuple[int, list[str]]] = field(default_factory=list)  # (days ago, faults)
    profile: dict[str, Any] = field(default_factory=dict)
    pain: int | None = None
    tsk: int | None = None
    sessions: list[tuple[int, str, float | None, int, int | None]] = field(default_factory=list)


SERIES = ["kneeling-hip-hinge", "kneeling-good-morning", "good-morning"]


def _weekly(
    exercise: str, start_kg: float | None, weeks: int, during: int = 1, morning: int | None = 0
) -> list[tuple[int, str, float | None, int, int | None]]:
    return [
        (
            7 * (weeks - w),
            exercise,
            None if start_kg is None else start_kg + 2.5 * w,
            during,
            morning,
        )
        for w in range(weeks)
    ]


STORIES = [
    Story("Ava Novak", 29),
    Story("Leo Park", 14, mastered=["kneeling-hip-hinge"]),
    Story(
        "Maya Ortiz",
        34,
        mastered=SERIES[:2],
        tests=[(6, ["lumbar-flexion"])],
        sessions=_weekly("good-morning", 20, 4),
    ),
    Story(
        "Noah Singh",
        41,
        mastered=SERIES,
        tests=[(40, ["no-counterbalance"]), (5, [])],
        sessions=_weekly("good-morning", 22.5, 8),
        profile={"goal": "max-strength"},
    ),
    Story(
        "Isla Brown",
        26,
        mastered=[*SERIES, "romanian-deadlift", "nordic-hip-hinge"],
        tests=[(90, ["lumbar-flexion"]), (60, []), (10, [])],
        sessions=_weekly("romanian-deadlift", 30, 10),
    ),
    Story(
        "Omar Haddad",
        31,
        mastered=[*SERIES, "romanian-deadlift", "nordic-hip-hinge", "hex-bar-deadlift"],
        tests=[(120, []), (20, [])],
        sessions=_weekly("hex-bar-deadlift", 50, 12),
    ),
    Story(
        "Sofia Rossi",
        24,
        mastered=[
            *SERIES,
            "romanian-deadlift",
            "nordic-hip-hinge",
            "hex-bar-deadlift",
            "single-leg-romanian-deadlift",
        ],
        tests=[(200, []), (30, [])],
        sessions=_weekly("single-leg-romanian-deadlift", 10, 6),
    ),
    Story(
        "Ben Carter",
        52,
        profile={"conditions": ["low-back-pain"]},
        pain=3,
        sessions=_weekly("hip-bridge", None, 3, during=2, morning=1),
    ),
    Story("Chloe Martin", 45, tsk=38, sessions=_weekly("step-up", 4, 3)),
    Story(
        "Daniel Kim",
        58,
        profile={
            "conditions": ["spinal-fusion"],
            "medical_clearance": True,
            "clearance_by": "Dr. Lee (physician)",
        },
        sessions=_weekly("elevated-deadlift", 12, 4),
    ),
    Story("Grace Lee", 38, profile={"red_flags": ["night-pain"]}),
    Story("Hugo Meyer", 33, profile={"conditions": ["cannot-kneel"]}, mastered=["hip-bridge"]),
    Story(
        "Ella Fischer",
        27,
        mastered=SERIES,
        tests=[(14, [])],
        sessions=[*_weekly("good-morning", 25, 3)[:-1], (2, "good-morning", 30, 7, 4)],
    ),
]


def demo_exists() -> bool:
    return Team.objects.filter(name=TEAM_NAME).exists()


@transaction.atomic
def create_demo(today: dt.date | None = None) -> Team:
    """Create the demo team (once); returns it."""
    existing = Team.objects.filter(name=TEAM_NAME).first()
    if existing:
        return existing
    today = today or dt.date.today()
    team = teams.team_create(name=TEAM_NAME)
    teams.coach_create(
        team=team, username=HEAD, password=PASSWORD, first_name="Hana", role=Membership.Role.HEAD
    )
    teams.coach_create(team=team, username=COACH, password=PASSWORD, first_name="Cole")
    for story in STORIES:
        _create_athlete(team, story, today)
    return team


def _create_athlete(team: Team, story: Story, today: dt.date) -> Athlete:
    born = (
        dt.date(today.year - story.age, 1, 15)
        if today >= dt.date(today.year, 1, 15)
        else dt.date(today.year - story.age - 1, 1, 15)
    )
    athlete = athletes.athlete_create(
        team=team, name=story.name, date_of_birth=born, **story.profile
    )
    if story.mastered:
        athletes.mastery_set(athlete=athlete, exercises=story.mastered)
    for days, faults in story.tests:
        athletes.test_record(athlete=athlete, date=today - dt.timedelta(days=days), faults=faults)
    if story.pain is not None:
        athletes.pain_record(athlete=athlete, date=today, nrs=story.pain)
    if story.tsk is not None:
        athletes.tsk_record(athlete=athlete, date=today, total=story.tsk)
    for days, exercise, load, during, morning in story.sessions:
        athletes.session_log(
            athlete=athlete,
            date=today - dt.timedelta(days=days),
            pain_during=during,
            pain_next_morning=morning,
            exercises=[{"exercise": exercise, "sets": 3, "reps": [10, 10, 10], "load_kg": load}],
        )
    return athlete


def sign_in_text(url: str) -> str:
    return (
        f"Demo team '{TEAM_NAME}' is ready at {url}\n"
        f"  head coach: {HEAD} / {PASSWORD}\n"
        f"  coach:      {COACH} / {PASSWORD}"
    )
