"""Fill a database with a benchmark team: 1,000 athletes with 50 logged sessions each.

    HINGECOACH_HOME=/tmp/bench [DATABASE_URL=postgres://...] \
        python benchmarks/web/seed.py [--athletes 1000] [--sessions 50] [--seed 1]

Migrates the database, then makes one team, one head coach (username and password
printed), an API token for that coach, and the athletes: varied ages, goals, conditions,
mastered exercises, 0-4 hinge tests, some pain-now and TSK-11 reports, and ``--sessions``
logged sessions each (1-3 exercises, loads in kg, pain during and next morning).
Rows go in with ``bulk_create``; the stored summaries (stage, refer, pain flag, last
test) are then computed by ``services.athlete_refresh`` for every athlete, the same path
the app uses after each record.

What the load test needs is written to ``$HINGECOACH_HOME/bench.json`` (credentials,
token, athlete ids). Runs on an empty database only; when the benchmark team already
exists it prints the saved details and stops.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
from decimal import Decimal
from pathlib import Path

TEAM = "Benchmark Team"
USERNAME = "benchcoach"
PASSWORD = "hinge-bench-2026"
INFO_FILE = "bench.json"

# A rough path up the ladder: an athlete's mastered list is a prefix of it.
LADDER = [
    "kneeling-hip-hinge",
    "kneeling-good-morning",
    "good-morning",
    "romanian-deadlift",
    "nordic-hip-hinge",
    "hex-bar-deadlift",
    "single-leg-romanian-deadlift",
]
ACCESSORIES = ["hip-bridge", "step-up", "elevated-deadlift", "hip-thrust", "hamstring-curl"]
START_KG = {
    "good-morning": 20,
    "romanian-deadlift": 30,
    "hex-bar-deadlift": 50,
    "single-leg-romanian-deadlift": 10,
    "step-up": 4,
    "elevated-deadlift": 12,
    "hip-thrust": 30,
    "hamstring-curl": 15,
}  # others: bodyweight (no load)
FIRST = [
    "Ava",
    "Leo",
    "Maya",
    "Noah",
    "Isla",
    "Omar",
    "Sofia",
    "Ben",
    "Chloe",
    "Daniel",
    "Grace",
    "Hugo",
    "Ella",
    "Finn",
    "Lina",
    "Ravi",
    "Zoe",
    "Ivan",
    "Mei",
    "Tom",
]
LAST = [
    "Novak",
    "Park",
    "Ortiz",
    "Singh",
    "Brown",
    "Haddad",
    "Rossi",
    "Carter",
    "Martin",
    "Kim",
    "Lee",
    "Meyer",
    "Fischer",
    "Silva",
    "Okafor",
    "Berg",
    "Dubois",
    "Khan",
]
FAULTS = [
    "lumbar-flexion",
    "lumbar-extension",
    "no-counterbalance",
    "weight-forward",
    "toes-lift",
    "knee-dominant",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--athletes", type=int, default=1000)
    parser.add_argument("--sessions", type=int, default=50, help="logged sessions per athlete")
    parser.add_argument("--seed", type=int, default=1, help="random seed (same data each run)")
    args = parser.parse_args()

    from hingecoach.web.setup import prepare

    prepare()
    from django.conf import settings

    info_path = Path(settings.HOME) / INFO_FILE
    from hingecoach.web.teams.models import Team

    if Team.objects.filter(name=TEAM).exists():
        if info_path.exists():
            print(f"'{TEAM}' already seeded; details in {info_path}")
            print(info_path.read_text())
            return
        sys.exit(f"'{TEAM}' exists but {info_path} does not: use an empty database")
    info = seed(athletes=args.athletes, sessions=args.sessions, rng=random.Random(args.seed))
    info_path.write_text(json.dumps(info, indent=1))
    print(f"coach: {USERNAME} / {PASSWORD}")
    print(f"API token: {info['token']}")
    print(f"details for the load test: {info_path}")


def seed(*, athletes: int, sessions: int, rng: random.Random) -> dict:
    from django.db import connection, transaction

    from hingecoach.web.athletes import services
    from hingecoach.web.athletes.models import (
        Athlete,
        HingeTest,
        Mastery,
        PainReport,
        SessionExercise,
        TrainingSession,
        TskScore,
    )
    from hingecoach.web.teams import services as teams
    from hingecoach.web.teams.models import Membership

    today = dt.date.today()
    started = time.perf_counter()

    def lap(what: str) -> None:
        print(f"  {time.perf_counter() - started:6.1f} s  {what}", flush=True)

    with transaction.atomic():
        team = teams.team_create(name=TEAM)
        coach = teams.coach_create(
            team=team,
            username=USERNAME,
            password=PASSWORD,
            first_name="Bench",
            role=Membership.Role.HEAD,
        )
        token = teams.api_token_create(user=coach, name="load test")
        plans = [_athlete_plan(i, rng, today) for i in range(athletes)]
        made = Athlete.objects.bulk_create(
            [Athlete(team=team, **p["profile"]) for p in plans], batch_size=500
        )
        if made[0].pk is None:  # a backend that does not return ids from bulk inserts
            made = list(Athlete.objects.filter(team=team).order_by("id"))
        lap(f"{len(made)} athletes")

        Mastery.objects.bulk_create(
            [
                Mastery(athlete=a, exercise=e, since=today - dt.timedelta(days=200))
                for a, p in zip(made, plans, strict=True)
                for e in p["mastered"]
            ],
            batch_size=2000,
        )
        HingeTest.objects.bulk_create(
            [
                HingeTest(athlete=a, date=day, faults=faults, recorded_by=coach)
                for a, p in zip(made, plans, strict=True)
                for day, faults in p["tests"]
            ],
            batch_size=2000,
        )
        PainReport.objects.bulk_create(
            [
                PainReport(athlete=a, date=day, nrs=nrs)
                for a, p in zip(made, plans, strict=True)
                for day, nrs in p["pain"]
            ],
            batch_size=2000,
        )
        TskScore.objects.bulk_create(
            [
                TskScore(athlete=a, date=today - dt.timedelta(days=30), total=p["tsk"])
                for a, p in zip(made, plans, strict=True)
                if p["tsk"] is not None
            ],
            batch_size=2000,
        )
        lap("mastered, tests, pain reports, TSK-11")

        rows: list[tuple[TrainingSession, list[dict]]] = []
        for athlete, plan in zip(made, plans, strict=True):
            rows.extend(
                (TrainingSession(athlete=athlete, logged_by=coach, **s), exercises)
                for s, exercises in _sessions(plan, sessions, rng, today)
            )
        TrainingSession.objects.bulk_create([s for s, _ in rows], batch_size=2000)
        if rows and rows[0][0].pk is None:
            ids = TrainingSession.objects.filter(athlete__team=team).order_by("id")
            for (session, _), pk in zip(rows, ids.values_list("id", flat=True), strict=True):
                session.pk = pk
        lap(f"{len(rows)} sessions")
        SessionExercise.objects.bulk_create(
            [
                SessionExercise(session=s, order=i, **e)
                for s, exercises in rows
                for i, e in enumerate(exercises)
            ],
            batch_size=2000,
        )
        lap(
            f"{SessionExercise.objects.filter(session__athlete__team=team).count()} "
            "session exercises"
        )

        for athlete in made:
            services.athlete_refresh(athlete=athlete)
        lap("stored summaries (services.athlete_refresh per athlete)")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    lap("ANALYZE")
    stages: dict[str, int] = {}
    for stage in Athlete.objects.filter(team=team).values_list("stage", flat=True):
        stages[stage] = stages.get(stage, 0) + 1
    print("  stages:", ", ".join(f"{k or '(none)'} {v}" for k, v in sorted(stages.items())))
    return {
        "username": USERNAME,
        "password": PASSWORD,
        "token": token,
        "athlete_ids": [a.pk for a in made],
        "team": TEAM,
        "sessions_per_athlete": sessions,
        "database": connection.vendor,
    }


def _athlete_plan(index: int, rng: random.Random, today: dt.date) -> dict:
    """One athlete's profile and records (not yet saved), drawn from ``rng``."""
    age = rng.choice(
        [rng.randint(14, 17), rng.randint(18, 40), rng.randint(18, 40), rng.randint(41, 70)]
    )
    profile = {
        "name": f"{rng.choice(FIRST)} {rng.choice(LAST)} {index + 1:04d}",
        "date_of_birth": dt.date(today.year - age, rng.randint(1, 12), rng.randint(1, 28)),
        "goal": rng.choice(["technique", "technique", "hamstring-load", "max-strength"]),
        "notes": rng.choice(["", "", "", "prefers mornings", "returning from a layoff"]),
    }
    roll = rng.random()
    if roll < 0.06:
        profile["conditions"] = ["low-back-pain"]
    elif roll < 0.09:
        profile["conditions"] = ["spinal-fusion"]
        if rng.random() < 0.6:
            profile.update(
                medical_clearance=True,
                clearance_date=today - dt.timedelta(days=90),
                clearance_by="Dr. Lee (physician)",
            )
    elif roll < 0.12:
        profile["conditions"] = ["cannot-kneel"]
    if rng.random() < 0.01:
        profile["red_flags"] = [rng.choice(["night-pain", "fever", "unexplained-weight-loss"])]
    mastered = LADDER[: rng.choice([0, 1, 2, 3, 3, 4, 5, 5, 6, 7])]
    tests = []
    for n in range(rng.choice([0, 1, 1, 2, 3, 4])):
        faults = [] if rng.random() < 0.55 else rng.sample(FAULTS, rng.randint(1, 2))
        tests.append((today - dt.timedelta(days=10 + 45 * n + rng.randint(0, 20)), faults))
    pain = [
        (today - dt.timedelta(days=rng.randint(0, 60)), rng.choice([0, 1, 2, 2, 3, 5]))
        for _ in range(rng.choice([0, 0, 0, 1, 2]))
    ]
    tsk = rng.randint(17, 40) if rng.random() < 0.2 else None
    return {"profile": profile, "mastered": mastered, "tests": tests, "pain": pain, "tsk": tsk}


def _sessions(plan: dict, count: int, rng: random.Random, today: dt.date):
    """``count`` sessions every 2-4 days back from yesterday, loads rising over time."""
    pool = (plan["mastered"][-2:] or ["hip-bridge"]) + rng.sample(ACCESSORIES, 2)
    day = today - dt.timedelta(days=1)
    dates = []
    for _ in range(count):
        dates.append(day)
        day -= dt.timedelta(days=rng.randint(2, 4))
    for number, date in enumerate(reversed(dates)):
        chosen = rng.sample(pool, rng.randint(1, 3))
        exercises = []
        for exercise in chosen:
            start = START_KG.get(exercise)
            load = (
                None
                if start is None
                else Decimal(str(start + 2.5 * (number // 4))).quantize(Decimal("0.01"))
            )
            reps = [rng.choice([6, 8, 10])] * 3
            exercises.append({"exercise": exercise, "sets": 3, "reps": reps, "load_kg": load})
        last = number == count - 1
        during = rng.choice([0, 1, 2, 3, 6] if last else [0, 0, 1, 1, 1, 2, 2, 3, 4, 6])
        morning = (
            None if last and rng.random() < 0.5 else max(0, during + rng.choice([-1, 0, 0, 1]))
        )
        session = {
            "date": date,
            "pain_during": during,
            "pain_next_morning": morning,
            "felt": rng.choice(["", "", "good", "heavy legs"]),
        }
        yield session, exercises


if __name__ == "__main__":
    main()
