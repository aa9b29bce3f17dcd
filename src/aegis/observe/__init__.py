"""Observability: run summaries, freshness and anomaly checks."""
