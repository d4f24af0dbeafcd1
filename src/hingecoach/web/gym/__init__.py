"""Gym mode: run today's session on a phone one item at a time, and save what was done as
the session record (through the athletes app's services)."""
