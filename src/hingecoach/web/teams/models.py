"""Teams, the coaches in them, and coaches' API tokens."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models


class Team(models.Model):
    class Unit(models.TextChoices):
        KG = "kg", "kilograms"
        LB = "lb", "pounds"

    name = models.CharField(max_length=120)
    unit = models.CharField(max_length=2, choices=Unit.choices, default=Unit.KG)
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A coach's place in a team; one team per coach."""

    class Role(models.TextChoices):
        HEAD = "head", "head coach"
        COACH = "coach", "coach"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership"
    )
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=5, choices=Role.choices, default=Role.COACH)

    @property
    def is_head(self) -> bool:
        return self.role == self.Role.HEAD

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()}, {self.team})"


class ApiToken(models.Model):
    """A coach's API token; only its SHA-256 digest is stored."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=60, default="API token")
    digest = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8)
    created = models.DateTimeField(auto_now_add=True)
    last_used = models.DateTimeField(null=True, blank=True)

    @staticmethod
    def digest_of(raw: str) -> str:
        return hashlib.sha256(raw.encode()).hexdigest()

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}...)"
