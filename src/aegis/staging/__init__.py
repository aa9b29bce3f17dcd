"""Staging models generated from SQL on FHIR v2 ViewDefinitions (docs/sql-on-fhir.md, "Staging")."""
