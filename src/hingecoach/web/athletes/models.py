"""Athletes and their records. Rules live in the core; these models only store facts.

Loads are stored in kilograms; exercise, fault, condition and red-flag ids are the
catalog's stable string ids.
"""

from __future__ import annotations

import datetime as dt
import secrets

from django.conf import settings
from django.db import models

from hingecoach.web.teams.models import Team


def new_data_version() -> str:
    return secrets.token_hex(16)


class Athlete(models.Model):
    class Goal(models.TextChoices):
        TECHNIQUE = "technique", "technique"
        HAMSTRING_LOAD = "hamstring-load", "hamstring load"
        MAX_STRENGTH = "max-strength", "maximal strength"

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="athletes")
    name = models.CharField(max_length=120)
    date_of_birth = models.DateField()
    conditions = models.JSONField(default=list, blank=True)
    red_flags = models.JSONField(default=list, blank=True)
    medical_clearance = models.BooleanField(default=False)
    clearance_date = models.DateField(null=True, blank=True)
    clearance_by = models.CharField(max_length=120, blank=True)
    goal = models.CharField(max_length=16, choices=Goal.choices, default=Goal.TECHNIQUE)
    notes = models.TextField(blank=True)
    archived = models.BooleanField(default=False)
    # Kept up to date by services.athlete_refresh, so lists filter without the engine.
    stage = models.CharField(max_length=16, blank=True)
    refer = models.BooleanField(default=False)
    pain_flag = models.BooleanField(default=False)
    last_test_date = models.DateField(null=True, blank=True)
    last_test_passed = models.BooleanField(null=True, blank=True)
    # A new random token on every write to the athlete's profile or records (through
    # services.athlete_refresh): what pages work out from them is kept under it
    # (hingecoach.web.common.pagecache). Random, not a count, so a reused id or a
    # rebuilt database never meets an old token.
    data_version = models.CharField(max_length=32, default=new_data_version, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    # What services.athlete_refresh works out and saves after every write.
    SUMMARY_FIELDS = (
        "stage",
        "refer",
        "pain_flag",
        "last_test_date",
        "last_test_passed",
        "data_version",
    )

    class Meta:
        ordering = ["name", "id"]
        indexes = [models.Index(fields=["team", "archived", "name"])]

    def __str__(self) -> str:
        return self.name

    def age_on(self, day: dt.date) -> int:
        born = self.date_of_birth
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


class Mastery(models.Model):
    """An exercise or drill a coach marked as mastered."""

    athlete = models.ForeignKey(Athlete, on_delete=models.CASCADE, related_name="masteries")
    exercise = models.CharField(max_length=64)
    since = models.DateField(default=dt.date.today)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["athlete", "exercise"], name="one_mastery_per_exercise")
        ]


class HingeTest(models.Model):
    """A bodyweight hip hinge test: passed when no fault is ticked."""

    athlete = models.ForeignKey(Athlete, on_delete=models.CASCADE, related_name="tests")
    date = models.DateField()
    faults = models.JSONField(default=list, blank=True)
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    # Saved from an analysed clip; ``by_eye``: the faults whose verdict is the coach's
    # own, not the clip's (the clip could not judge them, or the coach overruled it).
    from_clip = models.BooleanField(default=False)
    by_eye = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["athlete", "-date"])]

    @property
    def passed(self) -> bool:
        return not self.faults


class PainReport(models.Model):
    """Pain now on the 0-10 numeric rating scale."""

    athlete = models.ForeignKey(Athlete, on_delete=models.CASCADE, related_name="pain_reports")
    date = models.DateField()
    nrs = models.PositiveSmallIntegerField()
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-id"]


class TskScore(models.Model):
    """A TSK-11 total (11-44), with the item scores (1-4, by item number) when entered."""

    athlete = models.ForeignKey(Athlete, on_delete=models.CASCADE, related_name="tsk_scores")
    date = models.DateField()
    total = models.PositiveSmallIntegerField()
    items = models.JSONField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-id"]


class TrainingSession(models.Model):
    """A logged session: what was done, pain during, and pain the next morning."""

    athlete = models.ForeignKey(Athlete, on_delete=models.CASCADE, related_name="sessions")
    date = models.DateField()
    pain_during = models.PositiveSmallIntegerField(null=True, blank=True)
    pain_next_morning = models.PositiveSmallIntegerField(null=True, blank=True)
    felt = models.CharField(max_length=200, blank=True)
    notes = models.TextField(blank=True)
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["athlete", "-date"])]


class SessionExercise(models.Model):
    session = models.ForeignKey(TrainingSession, on_delete=models.CASCADE, related_name="exercises")
    exercise = models.CharField(max_length=64)
    sets = models.PositiveSmallIntegerField()
    reps = models.JSONField(default=list)
    load_kg = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    # The load as it was typed, in the unit it was typed in: a pound load reads back as
    # the same pounds (``load_kg``, two decimals, is what the engine and charts read).
    # Rows logged before these were kept have no ``load_logged``: ``load_kg`` as typed.
    load_logged = models.DecimalField(max_digits=7, decimal_places=2, null=True, blank=True)
    load_unit = models.CharField(max_length=2, choices=[("kg", "kg"), ("lb", "lb")], default="kg")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]


class CheckinLink(models.Model):
    """An athlete's private check-in link; only the token's digest is stored."""

    athlete = models.ForeignKey(Athlete, on_delete=models.CASCADE, related_name="checkin_links")
    digest = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(auto_now_add=True)
    revoked = models.DateTimeField(null=True, blank=True)

    @property
    def active(self) -> bool:
        return self.revoked is None
