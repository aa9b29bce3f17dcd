"""Aegis: a governed healthcare warehouse (FHIR ingestion, dbt models, PHI governance, lineage)."""

__version__ = "0.1.0"
