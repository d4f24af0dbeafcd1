"""The coach web app: a Django adapter around the core (athletes, records, API)."""
