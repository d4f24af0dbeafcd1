"""Charts drawn from the core's catalog and answers (matplotlib, Agg backend, no network)."""
