"""Catalog exports (AWS Glue Data Catalog) of the dbt models and their PHI classification."""
