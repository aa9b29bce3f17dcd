-- Who touched PHI in the last N days (var aegis_audit_lookback_days, default 30): one row per user,
-- relation, PHI column (Snowflake) or PHI category (Redshift, PostgreSQL: their logs are per table), and day,
-- with the number of queries. The PHI columns come from the project's classification (config.meta.phi),
-- so the audit follows every newly classified column without editing this file.
-- Compile for the warehouse to audit: `dbt compile --select who_touched_phi --target <target>`, then run
-- the SQL in target/compiled/ as a role that can read the engine's access log. DuckDB keeps no access log:
-- there the query lists the PHI columns an audit would watch.
{{ aegis.phi_access_audit(lookback_days=var('aegis_audit_lookback_days', 30)) }}
