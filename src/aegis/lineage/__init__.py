"""Lineage: OpenLineage events with column-level PHI tags, and the PHI propagation audit."""
