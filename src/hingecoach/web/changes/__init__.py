"""What changed: after a record is saved, the athlete's page leads with the stage before
and after, the new first option and today's plan."""
